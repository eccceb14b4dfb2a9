import { boolean, fail, integer, isPlainObject, literal, name, objectOf, pathKey, recordOf, sqlText, string, arrayOf, type Spec } from '../spec.js'

/**
 * The generic type names. Each dialect maps them to its own types (`datetime` →
 * `TIMESTAMP WITHOUT TIME ZONE` on PostgreSQL, `DATETIME` on MySQL, …).
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

/** A type without parameters: `integer`, `{ name: 'integer' }`. */
export interface PlainType {
  readonly name: 'integer' | 'smallint' | 'bigint' | 'boolean' | 'double' | 'date' | 'interval' | 'json' | 'uuid'
}

/** A character type; `length` is required by MySQL for `varchar`. */
export interface StringType {
  readonly name: 'varchar' | 'nvarchar' | 'char' | 'text'
  readonly length?: number
  readonly collation?: string
}

/** An exact numeric: `NUMERIC(precision, scale)`. */
export interface NumericType {
  readonly name: 'numeric'
  readonly precision?: number
  readonly scale?: number
}

/** A floating-point type; `precision` is in binary digits as in SQL's `FLOAT(p)`. */
export interface FloatType {
  readonly name: 'float'
  readonly precision?: number
}

/** `datetime` or `time`, with or without a time zone, and an optional fractional-second precision. */
export interface TemporalType {
  readonly name: 'datetime' | 'time'
  readonly timezone?: boolean
  readonly precision?: number
}

/** Binary data; with `length`, a bounded binary type where the engine has one. */
export interface BinaryType {
  readonly name: 'binary'
  readonly length?: number
}

/**
 * An enumeration. `enumName` names the type on engines with named enum types (PostgreSQL's
 * `CREATE TYPE … AS ENUM`); elsewhere the dialect uses its inline form or a string column.
 */
export interface EnumType {
  readonly name: 'enum'
  readonly values: readonly string[]
  readonly enumName?: string
}

/**
 * The explicit escape hatch: a type spelled in SQL, emitted verbatim. `dialects` gives a
 * spelling per dialect name (`{ postgresql: 'TSVECTOR' }`); `sql` is used where none is given.
 */
export interface RawType {
  readonly name: 'raw'
  readonly sql: string
  readonly dialects?: Readonly<Record<string, string>>
}

/** A column type: a generic name, or an object with the name and its parameters. */
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

/** Every generic type name, in a stable order. */
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

/** Validates a column type (a generic name, or `{ name, …params }`). */
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

/** The name of a type, whichever way it is written. */
export function typeName(type: ColumnType): GenericTypeName | 'enum' | 'raw' {
  return typeof type === 'string' ? type : type.name
}

/** The object form of a type (`'integer'` → `{ name: 'integer' }`), for comparing types. */
export function normalizeType(type: ColumnType): Exclude<ColumnType, string> {
  return typeof type === 'string' ? ({ name: type } as Exclude<ColumnType, string>) : type
}

