/**
 * Index definitions.
 */
import * as fc from 'fast-check'
import type { IndexColumn, IndexDefinition, OptionMap } from '../elements/index-definition.js'
import { memo } from './cache.js'
import { arbKeyName, arbKeyword, arbName, arbSqlText } from './names.js'
import { finish, type ArbitraryOptions } from './options.js'
import { arbObject } from './record.js'

/**
 * Options of arbitraries that name columns of one table.
 * @example
 * import fc from 'fast-check'
 * const options: ColumnsOptions = { columns: ['email', 'name'] }
 * fc.assert(fc.property(arbIndexDefinition(options), (ix) => ix.columns.every((c) => typeof c !== 'string' || options.columns?.includes(c))))
 */
export interface ColumnsOptions extends ArbitraryOptions {
  /**
   * The columns to refer to (the table's columns); generated names when absent. Must be
   * non-empty when given.
   */
  readonly columns?: readonly string[]
}

/**
 * A non-empty list of distinct column names: drawn from `columns` when given.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbColumnList({ columns: ['a', 'b', 'c'] }, 2), (cols) => cols.length >= 1 && cols.length <= 2 && new Set(cols).size === cols.length))
 */
export function arbColumnList(options: ColumnsOptions, maxLength = 3): fc.Arbitrary<string[]> {
  const distinct = [...new Set(options.columns ?? [])]
  if (distinct.length > 0) return fc.shuffledSubarray(distinct, { minLength: 1, maxLength: Math.min(maxLength, distinct.length) })
  return fc.uniqueArray(arbName(options), { minLength: 1, maxLength })
}

/**
 * An option map (`postgresqlWith`): option name → string, finite number or boolean.
 * @example
 * arbOptionMap() // {}, { fillfactor: 70 }, { fastupdate: false }, …
 */
export function arbOptionMap(): fc.Arbitrary<OptionMap> {
  return memo('arbOptionMap', {}, () => {
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)), fc.boolean())
    return fc.dictionary(arbKeyName(), value, { maxKeys: 3, noNullPrototype: true })
  })
}

/**
 * An index column: a column name (from `columns` when given) or a `{ sql }` expression.
 * @example
 * arbIndexColumn({ columns: ['email'] }) // 'email', { sql: 'lower(email)' }
 */
export function arbIndexColumn(options: ColumnsOptions = {}): fc.Arbitrary<IndexColumn> {
  const columns = options.columns
  const named = columns !== undefined && columns.length > 0 ? fc.constantFrom(...columns) : arbName(options)
  return fc.oneof({ arbitrary: named, weight: 3 }, { arbitrary: arbSqlText().map((sql) => ({ sql })), weight: 1 })
}

/**
 * An index definition with every option: `unique`, `quote`, and the dialect fields
 * (`postgresqlWhere`, `postgresqlUsing`, `postgresqlOps`, `postgresqlInclude`, `postgresqlWith`,
 * `postgresqlTablespace`, `postgresqlNullsNotDistinct`, `mysqlLength` as a number or per column,
 * `mysqlPrefix`, `mysqlUsing`, `mssqlInclude`, `mssqlClustered`, `mssqlWhere`, `sqliteWhere`).
 * @example
 * arbIndexDefinition({ columns: ['a', 'b'] }) // { columns: ['b', { sql: 'lower(a)' }], unique: true }, …
 */
export function arbIndexDefinition(options: ColumnsOptions = {}): fc.Arbitrary<IndexDefinition> {
  return memo('arbIndexDefinition', options, () => {
    const keyColumns = (options.columns ?? []).filter((n) => n !== '__proto__')
    const keyNames = keyColumns.length > 0 ? fc.constantFrom(...keyColumns) : arbKeyName(options)
    const include = options.columns !== undefined && options.columns.length > 0 ? arbColumnList(options) : fc.uniqueArray(arbName(options), { minLength: 1, maxLength: 2 })
    return arbObject(
      { columns: fc.array(arbIndexColumn(options), { minLength: 1, maxLength: 3 }) },
      {
        unique: fc.boolean(),
        quote: fc.boolean(),
        postgresqlWhere: arbSqlText(),
        postgresqlUsing: fc.oneof(fc.constantFrom('btree', 'gin', 'gist', 'brin', 'hash'), arbName(options)),
        postgresqlOps: fc.dictionary(keyNames, fc.constantFrom('text_pattern_ops', 'jsonb_path_ops', 'gin_trgm_ops'), { maxKeys: 2, noNullPrototype: true }),
        postgresqlInclude: include,
        postgresqlWith: arbOptionMap(),
        postgresqlTablespace: arbName(options),
        postgresqlNullsNotDistinct: fc.boolean(),
        mysqlLength: fc.oneof(
          fc.integer({ min: 1, max: 3072 }),
          fc.dictionary(keyNames, fc.integer({ min: 1, max: 3072 }), { maxKeys: 2, noNullPrototype: true }),
        ),
        mysqlPrefix: arbKeyword(['FULLTEXT', 'SPATIAL']),
        mysqlUsing: arbKeyword(['BTREE', 'HASH']),
        mssqlInclude: include,
        mssqlClustered: fc.boolean(),
        mssqlWhere: arbSqlText(),
        sqliteWhere: arbSqlText(),
      },
    ).map(finish<IndexDefinition>(options))
  })
}
