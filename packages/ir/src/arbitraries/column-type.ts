/**
 * Column types and server defaults.
 */
import * as fc from 'fast-check'
import {
  GENERIC_TYPE_NAMES, type BinaryType, type ColumnType, type EnumType, type FloatType, type NumericType, type PlainType,
  type RawType, type StringType, type TemporalType,
} from '../elements/column-type.js'
import type { ServerDefault } from '../elements/server-default.js'
import { memo } from './cache.js'
import { arbComment, arbName, arbSqlText } from './names.js'
import type { ArbitraryOptions } from './options.js'

const PLAIN_NAMES: readonly PlainType['name'][] = ['integer', 'smallint', 'bigint', 'boolean', 'double', 'date', 'interval', 'json', 'uuid']
const STRING_NAMES: readonly StringType['name'][] = ['varchar', 'nvarchar', 'char', 'text']

/**
 * Options of {@link arbColumnType}.
 * @example
 * import fc from 'fast-check'
 * const options: ColumnTypeOptions = { raw: false, enum: false }
 * fc.assert(fc.property(arbColumnType(options), (type) => typeName(type) !== 'raw' && typeName(type) !== 'enum'))
 */
export interface ColumnTypeOptions extends ArbitraryOptions {
  /** Generate `{ name: 'raw', … }` types. Default `true`. */
  readonly raw?: boolean
  /** Generate `{ name: 'enum', … }` types. Default `true`. */
  readonly enum?: boolean
}

/**
 * Every form of column type `parse` accepts: each generic name as a string, each in object form
 * with every parameter (`length`, `collation`, `precision`, `scale` no larger than `precision`,
 * `timezone`), enums with distinct values, and raw types with per-dialect spellings.
 * @example
 * arbColumnType() // 'integer', { name: 'numeric', precision: 10, scale: 2 }, { name: 'enum', values: ['a'] }, …
 */
export function arbColumnType(options: ColumnTypeOptions = {}): fc.Arbitrary<ColumnType> {
  return memo('arbColumnType', options, () => {
    const shorthand: fc.Arbitrary<ColumnType> = fc.constantFrom(...GENERIC_TYPE_NAMES)
    const plain: fc.Arbitrary<PlainType> = fc.constantFrom(...PLAIN_NAMES).map((name) => ({ name }))
    const str: fc.Arbitrary<StringType> = fc.record(
      { name: fc.constantFrom(...STRING_NAMES), length: fc.integer({ min: 1, max: 10_000 }), collation: arbName(options) },
      { requiredKeys: ['name'] },
    )
    const numeric: fc.Arbitrary<NumericType> = fc.oneof(
      fc.constant('numeric' as const).map((name) => ({ name })),
      fc.integer({ min: 1, max: 38 }).map((precision) => ({ name: 'numeric' as const, precision })),
      fc.tuple(fc.integer({ min: 1, max: 38 }), fc.nat(38)).map(([precision, s]) => ({ name: 'numeric' as const, precision, scale: Math.min(s, precision) })),
    )
    const float: fc.Arbitrary<FloatType> = fc.record({ name: fc.constant('float' as const), precision: fc.integer({ min: 1, max: 53 }) }, { requiredKeys: ['name'] })
    const temporal: fc.Arbitrary<TemporalType> = fc.record(
      { name: fc.constantFrom('datetime' as const, 'time' as const), timezone: fc.boolean(), precision: fc.nat(6) },
      { requiredKeys: ['name'] },
    )
    const binary: fc.Arbitrary<BinaryType> = fc.record({ name: fc.constant('binary' as const), length: fc.integer({ min: 1, max: 8000 }) }, { requiredKeys: ['name'] })
    const enumType: fc.Arbitrary<EnumType> = fc.record(
      { name: fc.constant('enum' as const), values: fc.uniqueArray(arbComment(), { minLength: 1, maxLength: 5 }), enumName: arbName(options) },
      { requiredKeys: ['name', 'values'] },
    )
    const raw: fc.Arbitrary<RawType> = fc.record(
      {
        name: fc.constant('raw' as const),
        sql: arbSqlText(),
        dialects: fc.dictionary(fc.constantFrom('postgresql', 'mysql', 'sqlite', 'mssql', 'duckdb'), arbSqlText(), { maxKeys: 3, noNullPrototype: true }),
      },
      { requiredKeys: ['name', 'sql'] },
    )
    const arbs: fc.Arbitrary<ColumnType>[] = [shorthand, plain, str, numeric, float, temporal, binary]
    if (options.enum !== false) arbs.push(enumType)
    if (options.raw !== false) arbs.push(raw)
    return fc.oneof(...arbs)
  })
}

/**
 * A server default: `{ literal }` (any string, quoted by the dialect) or `{ sql }` (verbatim).
 * @example
 * arbServerDefault() // { literal: "O'Brien" }, { sql: 'now()' }, …
 */
export function arbServerDefault(): fc.Arbitrary<ServerDefault> {
  return memo('arbServerDefault', {}, () =>
    fc.oneof(
      arbComment().map((literal) => ({ literal })),
      arbSqlText().map((sql) => ({ sql })),
    ),
  )
}
