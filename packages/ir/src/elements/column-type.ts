import { boolean, fail, integer, isPlainObject, literal, name, objectOf, pathKey, recordOf, sqlText, string, arrayOf, type Spec } from '../spec.js'

/**
 * The generic type names. Each dialect maps them to its own types (`datetime` →
 * `TIMESTAMP WITHOUT TIME ZONE` on PostgreSQL, `DATETIME` on MySQL, …).
 * @example
 * import { postgresType } from '@athanor/dialect-postgres'
 * const createdAt: GenericTypeName = 'datetime'
 * postgresType(createdAt) // => 'TIMESTAMP WITHOUT TIME ZONE'
 */
export type GenericTypeName =
  | 'integer'
  | 'smallint'
  | 'bigint'
  | 'varchar'
  | 'nvarchar'
  | 'char'
  | 'text'
  | 'boolean'
  | 'numeric'
  | 'float'
  | 'double'
  | 'date'
  | 'datetime'
  | 'time'
  | 'interval'
  | 'json'
  | 'binary'
  | 'uuid'

/**
 * A type without parameters: `integer`, `{ name: 'integer' }`.
 * @example
 * import { postgresType } from '@athanor/dialect-postgres'
 * const id: PlainType = { name: 'bigint' } // the same type as 'bigint'
 * postgresType(id) // => 'BIGINT'
 */
export interface PlainType {
  readonly name: 'integer' | 'smallint' | 'bigint' | 'boolean' | 'double' | 'date' | 'interval' | 'json' | 'uuid'
}

/**
 * A character type; `length` is required by MySQL for `varchar`.
 * @example
 * import { mysql } from '@athanor/dialect-mysql'
 * const email: StringType = { name: 'varchar', length: 255, collation: 'utf8mb4_bin' }
 * mysql.compile(addColumn({ tableName: 'account', column: { name: 'email', type: email } })).map((s) => s.sql)
 * // => ['ALTER TABLE account ADD COLUMN email VARCHAR(255) COLLATE utf8mb4_bin']
 * mysql.compile(addColumn({ tableName: 'account', column: { name: 'email', type: 'varchar' } })) // throws { code: 'UNSUPPORTED_OPERATION', path: 'column.type' }
 */
export interface StringType {
  readonly name: 'varchar' | 'nvarchar' | 'char' | 'text'
  readonly length?: number
  readonly collation?: string
}

/**
 * An exact numeric: `NUMERIC(precision, scale)`.
 * @example
 * import { postgresType } from '@athanor/dialect-postgres'
 * const price: NumericType = { name: 'numeric', precision: 12, scale: 2 }
 * postgresType(price) // => 'NUMERIC(12, 2)'
 * // a scale needs a precision
 * addColumn({ tableName: 'product', column: { name: 'price', type: { name: 'numeric', scale: 2 } } })
 * // throws { code: 'MISSING_FIELD', path: 'column.type.precision' }
 */
export interface NumericType {
  readonly name: 'numeric'
  readonly precision?: number
  readonly scale?: number
}

/**
 * A floating-point type; `precision` is in binary digits as in SQL's `FLOAT(p)`.
 * @example
 * import { postgresType } from '@athanor/dialect-postgres'
 * const ratio: FloatType = { name: 'float', precision: 53 }
 * postgresType(ratio) // => 'FLOAT(53)'
 */
export interface FloatType {
  readonly name: 'float'
  readonly precision?: number
}

/**
 * `datetime` or `time`, with or without a time zone, and an optional fractional-second precision.
 * @example
 * import { mssqlType } from '@athanor/dialect-mssql'
 * import { postgresType } from '@athanor/dialect-postgres'
 * const createdAt: TemporalType = { name: 'datetime', timezone: true, precision: 3 }
 * postgresType(createdAt) // => 'TIMESTAMP(3) WITH TIME ZONE'
 * mssqlType(createdAt) // => 'DATETIMEOFFSET(3)'
 */
export interface TemporalType {
  readonly name: 'datetime' | 'time'
  readonly timezone?: boolean
  readonly precision?: number
}

/**
 * Binary data; with `length`, a bounded binary type where the engine has one.
 * @example
 * import { mssqlType } from '@athanor/dialect-mssql'
 * import { postgresType } from '@athanor/dialect-postgres'
 * const digest: BinaryType = { name: 'binary', length: 32 }
 * mssqlType(digest) // => 'VARBINARY(32)'
 * postgresType(digest) // => 'BYTEA'
 */
export interface BinaryType {
  readonly name: 'binary'
  readonly length?: number
}

/**
 * An enumeration. `enumName` names the type on engines with named enum types (PostgreSQL's
 * `CREATE TYPE … AS ENUM`); elsewhere the dialect uses its inline form or a string column.
 * @example
 * import { mysql } from '@athanor/dialect-mysql'
 * import { postgresType } from '@athanor/dialect-postgres'
 * const status: EnumType = { name: 'enum', values: ['draft', 'published'], enumName: 'post_status' }
 * postgresType(status) // => 'post_status'
 * mysql.compile(addColumn({ tableName: 'post', column: { name: 'status', type: status } })).map((s) => s.sql)
 * // => ["ALTER TABLE post ADD COLUMN status ENUM('draft', 'published')"]
 */
export interface EnumType {
  readonly name: 'enum'
  readonly values: readonly string[]
  readonly enumName?: string
}

/**
 * The explicit escape hatch: a type spelled in SQL, emitted verbatim. `dialects` gives a
 * spelling per dialect name (`{ postgresql: 'TSVECTOR' }`); `sql` is used where none is given.
 * @example
 * import { postgresType } from '@athanor/dialect-postgres'
 * import { sqliteType } from '@athanor/dialect-sqlite'
 * const search: RawType = { name: 'raw', sql: 'TEXT', dialects: { postgresql: 'TSVECTOR' } }
 * postgresType(search) // => 'TSVECTOR'
 * sqliteType(search) // => 'TEXT'
 */
export interface RawType {
  readonly name: 'raw'
  readonly sql: string
  readonly dialects?: Readonly<Record<string, string>>
}

/**
 * A column type: a generic name, or an object with the name and its parameters.
 * @example
 * const types: ColumnType[] = ['integer', { name: 'varchar', length: 80 }, { name: 'numeric', precision: 10, scale: 2 }, { name: 'raw', sql: 'CITEXT' }]
 * types.map(typeName) // => ['integer', 'varchar', 'numeric', 'raw']
 */
export type ColumnType =
  | GenericTypeName
  | PlainType
  | StringType
  | NumericType
  | FloatType
  | TemporalType
  | BinaryType
  | EnumType
  | RawType

/**
 * Every generic type name, in a stable order.
 * @example
 * GENERIC_TYPE_NAMES.length // => 18
 * GENERIC_TYPE_NAMES.slice(0, 4) // => ['integer', 'smallint', 'bigint', 'varchar']
 */
export const GENERIC_TYPE_NAMES: readonly GenericTypeName[] = Object.freeze([
  'integer', 'smallint', 'bigint', 'varchar', 'nvarchar', 'char', 'text', 'boolean', 'numeric', 'float',
  'double', 'date', 'datetime', 'time', 'interval', 'json', 'binary', 'uuid',
])

const length = integer(1)
const precision = integer(0)

const typeSpecs: Readonly<Record<string, Spec<ColumnType>>> = (() => {
  const plain = (n: string): Spec<ColumnType> => objectOf({ what: `a ${n} type`, tag: { field: 'name', value: n }, fields: {} })
  const str = (n: string): Spec<ColumnType> =>
    objectOf({ what: `a ${n} type`, tag: { field: 'name', value: n }, fields: { length, collation: name } })
  const temporal = (n: string): Spec<ColumnType> =>
    objectOf({ what: `a ${n} type`, tag: { field: 'name', value: n }, fields: { timezone: boolean, precision } })
  return {
    integer: plain('integer'),
    smallint: plain('smallint'),
    bigint: plain('bigint'),
    boolean: plain('boolean'),
    double: plain('double'),
    date: plain('date'),
    interval: plain('interval'),
    json: plain('json'),
    uuid: plain('uuid'),
    varchar: str('varchar'),
    nvarchar: str('nvarchar'),
    char: str('char'),
    text: str('text'),
    numeric: objectOf({
      what: 'a numeric type',
      tag: { field: 'name', value: 'numeric' },
      fields: { precision: integer(1), scale: precision },
      refine: (t, path, ctx) => {
        if (t['scale'] !== undefined && t['precision'] === undefined) {
          fail(ctx, 'MISSING_FIELD', pathKey(path, 'precision'), 'precision (a scale needs a precision)', undefined)
        } else if (typeof t['scale'] === 'number' && typeof t['precision'] === 'number' && t['scale'] > t['precision']) {
          fail(ctx, 'INVALID_VALUE', pathKey(path, 'scale'), 'a scale no larger than the precision', t['scale'])
        }
      },
    }),
    float: objectOf({ what: 'a float type', tag: { field: 'name', value: 'float' }, fields: { precision: integer(1) } }),
    datetime: temporal('datetime'),
    time: temporal('time'),
    binary: objectOf({ what: 'a binary type', tag: { field: 'name', value: 'binary' }, fields: { length } }),
    enum: objectOf({
      what: 'an enum type',
      tag: { field: 'name', value: 'enum' },
      fields: { values: arrayOf(string, { minLength: 1, what: 'a non-empty array of strings' }), enumName: name },
      required: ['values'],
      refine: (t, path, ctx) => {
        const values = t['values'] as readonly string[]
        const seen = new Set<string>()
        values.forEach((v, i) => {
          if (seen.has(v)) fail(ctx, 'INVALID_VALUE', `${pathKey(path, 'values')}[${i}]`, 'distinct enum values', v)
          seen.add(v)
        })
      },
    }),
    raw: objectOf({
      what: 'a raw type',
      tag: { field: 'name', value: 'raw' },
      fields: { sql: sqlText, dialects: recordOf(sqlText, 'an object of dialect name → SQL type') },
      required: ['sql'],
    }),
  }
})()

const TYPE_NAMES_EXPECTED = `a type name (${GENERIC_TYPE_NAMES.join(', ')}) or { name, … }`
const shorthand = new Set<string>(GENERIC_TYPE_NAMES)

/**
 * Validates a column type (a generic name, or `{ name, …params }`).
 * @example
 * // A plugin field holding a column type, checked as addColumn checks its column's
 * interface CreateDomainOp extends OpBase { readonly kind: 'createDomain'; readonly domainName: string; readonly type: ColumnType }
 * const createDomain: OpSpec<CreateDomainOp> = { kind: 'createDomain', fields: { domainName: name, type: columnType }, required: ['domainName', 'type'] }
 * makeOp(createDomain, { domainName: 'email', type: { name: 'varchar', length: 255 } })
 * // => { kind: 'createDomain', domainName: 'email', type: { name: 'varchar', length: 255 } }
 * makeOp(createDomain, JSON.parse('{"domainName":"email","type":"string"}')) // throws { code: 'INVALID_VALUE', path: 'type' }
 */
export const columnType: Spec<ColumnType> = (value, path, ctx) => {
  if (typeof value === 'string') {
    return shorthand.has(value) ? (value as ColumnType) : fail(ctx, 'INVALID_VALUE', path, TYPE_NAMES_EXPECTED, value)
  }
  if (!isPlainObject(value)) return fail(ctx, 'INVALID_TYPE', path, TYPE_NAMES_EXPECTED, value)
  const n = value['name']
  if (n === undefined) return fail(ctx, 'MISSING_FIELD', pathKey(path, 'name'), TYPE_NAMES_EXPECTED, n, `missing required field ${pathKey(path, 'name')}`)
  if (typeof n !== 'string') return fail(ctx, 'INVALID_TYPE', pathKey(path, 'name'), TYPE_NAMES_EXPECTED, n)
  const spec = Object.hasOwn(typeSpecs, n) ? typeSpecs[n] : undefined
  if (spec === undefined) return fail(ctx, 'INVALID_VALUE', pathKey(path, 'name'), `${TYPE_NAMES_EXPECTED} or "enum" / "raw"`, n)
  return spec(value, path, ctx)
}

/**
 * The name of a type, whichever way it is written.
 * @example
 * typeName('integer') // => 'integer'
 * typeName({ name: 'varchar', length: 20 }) // => 'varchar'
 */
export function typeName(type: ColumnType): GenericTypeName | 'enum' | 'raw' {
  return typeof type === 'string' ? type : type.name
}

/**
 * The object form of a type (`'integer'` → `{ name: 'integer' }`), for comparing types.
 * @example
 * normalizeType('text') // => { name: 'text' }
 * normalizeType({ name: 'varchar', length: 20 }) // => { name: 'varchar', length: 20 }
 */
export function normalizeType(type: ColumnType): Exclude<ColumnType, string> {
  return typeof type === 'string' ? ({ name: type } as Exclude<ColumnType, string>) : type
}

