import { columnType, type ColumnType } from '../elements/column-type.js'
import type { JsonObject, JsonValue } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import { arrayOf, boolean, fail, json, name, objectOf, pathIndex, pathKey, recordOf } from '../spec.js'

/**
 * A column of a `bulkInsert`: its type decides how values are written.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * import { sqlite } from '@athanor/dialect-sqlite'
 * const columns: BulkInsertColumn[] = [{ name: 'id', type: 'integer' }, { name: 'active', type: 'boolean' }]
 * const op = bulkInsert({ tableName: 'account', columns, rows: [{ id: 1, active: true }] })
 * postgresql.compile(op).map((s) => s.sql) // => ['INSERT INTO account (id, active) VALUES (1, true)']
 * sqlite.compile(op).map((s) => s.sql) // => ['INSERT INTO account (id, active) VALUES (1, 1)']
 */
export interface BulkInsertColumn {
  readonly name: string
  readonly type: ColumnType
}

/**
 * Insert rows (Alembic's `op.bulk_insert`). Values are JSON: ISO strings for dates and times,
 * strings for exact numerics and UUIDs, hex strings for binary.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = bulkInsert({
 *   tableName: 'account',
 *   columns: [{ name: 'id', type: 'integer' }, { name: 'email', type: 'text' }],
 *   rows: [{ id: 1, email: 'a@example.com' }],
 * })
 * postgresql.compile(op) // => [{ sql: "INSERT INTO account (id, email) VALUES (1, 'a@example.com')" }]
 */
export interface BulkInsertOp {
  readonly kind: 'bulkInsert'
  readonly tableName: string
  readonly columns: readonly BulkInsertColumn[]
  readonly rows: readonly JsonObject[]
  readonly schema?: string
  /** `false`: one INSERT per row; absent or `true`: multi-row INSERTs. */
  readonly multiinsert?: boolean
  readonly info?: JsonObject
}

const bulkColumn = objectOf<BulkInsertColumn>({ what: 'a column { name, type }', fields: { name, type: columnType }, required: ['name', 'type'] })

/** Validation rules of `bulkInsert`. */
export const bulkInsertSpec: OpSpec<BulkInsertOp> = {
  kind: 'bulkInsert',
  fields: {
    tableName: name,
    columns: arrayOf(bulkColumn, { minLength: 1, what: 'a non-empty array of { name, type }' }),
    rows: arrayOf(recordOf<JsonValue>(json, 'a row object')),
    schema: name,
    multiinsert: boolean,
  },
  required: ['tableName', 'columns', 'rows'],
  refine: (op, path, ctx) => {
    const columns = op['columns'] as readonly BulkInsertColumn[]
    const names = new Set(columns.map((c) => c.name))
    const rows = op['rows'] as readonly JsonObject[]
    for (let i = 0; i < rows.length; i++) {
      for (const key of Object.keys(rows[i] as JsonObject)) {
        if (!names.has(key)) {
          fail(ctx, 'UNKNOWN_FIELD', pathKey(pathIndex(pathKey(path, 'rows'), i), key), 'a key naming one of the columns', key)
          if (ctx.issues.length >= ctx.maxIssues) return
        }
      }
    }
  },
}

/**
 * Builds a frozen {@link BulkInsertOp}.
 * @example
 * bulkInsert({ tableName: 'plan', columns: [{ name: 'name', type: 'text' }], rows: [{ name: 'free' }, { name: 'pro' }] }).rows.length // => 2
 */
export function bulkInsert(fields: OpFields<BulkInsertOp>): BulkInsertOp {
  return makeOp(bulkInsertSpec, fields)
}
