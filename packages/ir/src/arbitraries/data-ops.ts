/**
 * `bulkInsert` (with values that fit their column types) and `executeSql`.
 */
import * as fc from 'fast-check'
import { typeName, type ColumnType } from '../elements/column-type.js'
import type { JsonObject, JsonValue } from '../json.js'
import type { BulkInsertColumn, BulkInsertOp } from '../ops/bulk-insert.js'
import type { ExecuteSqlOp } from '../ops/execute-sql.js'
import { memo } from './cache.js'
import { arbColumnType } from './column-type.js'
import { arbJsonObject, arbJsonValue } from './json.js'
import { arbComment, arbKeyName, arbSqlText } from './names.js'
import { finish, type OpArbitraryOptions } from './options.js'
import { arbObject } from './record.js'
import { arbTableTarget } from './target.js'

const instant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true })

function sized(type: ColumnType): number | undefined {
  return typeof type === 'object' && 'length' in type ? type.length : undefined
}

/**
 * A JSON value for a column of `type`, written the way `bulkInsert` wants it: integers as
 * numbers (bigints as strings), exact numerics and UUIDs as strings, ISO strings for dates and
 * times, hex for binary, one of the values for an enum; `null` at times.
 * @example
 * arbColumnValue({ name: 'numeric', precision: 5, scale: 2 }) // '123.45', null, …
 */
export function arbColumnValue(type: ColumnType): fc.Arbitrary<JsonValue> {
  return memo('arbColumnValue', { type }, () => fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: nonNullValue(type), weight: 4 }))
}

function nonNullValue(type: ColumnType): fc.Arbitrary<JsonValue> {
  switch (typeName(type)) {
    case 'smallint':
      return fc.integer({ min: -32768, max: 32767 })
    case 'integer':
      return fc.integer()
    case 'bigint':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String)
    case 'boolean':
      return fc.boolean()
    case 'numeric': {
      const t: { readonly precision?: number; readonly scale?: number } = typeof type === 'object' && type.name === 'numeric' ? type : {}
      const scale = Math.min(t.scale ?? 0, 12)
      const intDigits = Math.min(Math.max(0, (t.precision ?? 10) - (t.scale ?? 0)), 9)
      const fraction = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: scale, maxLength: scale })
      return fc.tuple(fc.boolean(), fc.nat(10 ** intDigits - 1), fraction).map(([neg, int, frac]) =>
        `${neg ? '-' : ''}${int}${scale > 0 ? `.${frac}` : ''}`,
      )
    }
    case 'float':
    case 'double':
      return fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x))
    case 'date':
      return instant.map((d) => d.toISOString().slice(0, 10))
    case 'datetime':
      return instant.map((d) => d.toISOString())
    case 'time':
      return instant.map((d) => d.toISOString().slice(11, 19))
    case 'interval':
      return fc.nat(10_000).map((s) => `PT${s}S`)
    case 'json':
      return arbJsonValue({ maxDepth: 2 })
    case 'binary':
      return fc.uint8Array({ maxLength: Math.min(sized(type) ?? 16, 16) }).map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''))
    case 'uuid':
      return fc.uuid()
    case 'enum':
      return typeof type === 'object' && type.name === 'enum' ? fc.constantFrom(...type.values) : fc.string()
    case 'varchar':
    case 'nvarchar':
    case 'char':
    case 'text':
    case 'raw':
      return fc.oneof(arbComment(), fc.string()).map((s) => [...s].slice(0, sized(type) ?? 100).join(''))
  }
}

/**
 * A `bulkInsert`: 1–4 columns with distinct names and any types, and rows whose values fit
 * those types (a row may leave columns out).
 * @example
 * arbBulkInsert() // { kind: 'bulkInsert', tableName: 't', columns: [{ name: 'id', type: 'integer' }], rows: [{ id: 1 }] }
 */
export function arbBulkInsert(options: OpArbitraryOptions = {}): fc.Arbitrary<BulkInsertOp> {
  return memo('arbBulkInsert', options, () => {
    const columns = fc.uniqueArray(
      fc.record({ name: arbKeyName(options), type: arbColumnType(options) }, { noNullPrototype: true }),
      { minLength: 1, maxLength: 4, selector: (c) => c.name },
    )
    return columns
      .chain((cols) =>
        fc.tuple(
          fc.constant<readonly BulkInsertColumn[]>(cols),
          fc.array(row(cols), { maxLength: 4 }),
          arbTableTarget(options),
          arbObject({}, { multiinsert: fc.boolean(), info: arbJsonObject() }),
        ),
      )
      .map(([cols, rows, t, more]) => finish<BulkInsertOp>(options)({ kind: 'bulkInsert', ...t, columns: cols, rows, ...more }))
  })
}

function row(columns: readonly BulkInsertColumn[]): fc.Arbitrary<JsonObject> {
  const values = columns.map((c) => fc.option(arbColumnValue(c.type), { nil: undefined, freq: 6 }))
  return fc.tuple(...values).map((vs) => {
    const out: Record<string, JsonValue> = {}
    vs.forEach((v, i) => {
      const column = columns[i]
      if (v !== undefined && column !== undefined) out[column.name] = v
    })
    return out
  })
}

/**
 * An `executeSql`, with `reverseSqltext` at times (always with `{ reversible: true }`) and
 * `executionOptions`.
 * @example
 * arbExecuteSql({ reversible: true }) // { kind: 'executeSql', sqltext: "UPDATE t SET a = 'x'", reverseSqltext: 'UPDATE t SET a = NULL' }
 */
export function arbExecuteSql(options: OpArbitraryOptions = {}): fc.Arbitrary<ExecuteSqlOp> {
  return memo('arbExecuteSql', options, () => {
    const more = { executionOptions: arbJsonObject(), info: arbJsonObject() }
    const body =
      options.reversible === true
        ? arbObject({ sqltext: arbSqlText(), reverseSqltext: arbSqlText() }, more)
        : arbObject({ sqltext: arbSqlText() }, { ...more, reverseSqltext: arbSqlText() })
    return body.map((b) => finish<ExecuteSqlOp>(options)({ kind: 'executeSql', ...b }))
  })
}
