import { tableDefinition, type TableDefinition } from '../elements/table-definition.js'
import type { JsonObject } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import type { BatchChildOp } from '../op.js'
import { arrayOf, literal, name, type Spec } from '../spec.js'

/**
 * When a batch rebuilds its table: `auto` asks the dialect (SQLite rebuilds for what ALTER cannot do).
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * import { sqlite } from '@athanor/dialect-sqlite'
 * const recreate: Recreate = 'always'
 * const copyFrom: TableDefinition = { columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'legacy', type: 'text' }] }
 * const op = batch({ tableName: 'account', recreate, copyFrom, ops: [{ kind: 'dropColumn', columnName: 'legacy' }] })
 * sqlite.compile(op).map((s) => s.sql.split('\n')[0]).slice(0, 4)
 * // => ['PRAGMA foreign_keys=OFF', 'CREATE TABLE _athanor_tmp_account (', 'INSERT INTO _athanor_tmp_account (id) SELECT id FROM account', 'DROP TABLE account']
 * postgresql.compile(op) // throws { code: 'UNSUPPORTED_OPERATION', path: 'recreate' }
 */
export type Recreate = 'auto' | 'always' | 'never'

/**
 * A group of changes to one table (Alembic's `op.batch_alter_table`). On SQLite, or with
 * `recreate: "always"`, the table is rebuilt ("move and copy"); otherwise each child compiles as
 * a plain ALTER. Children omit `tableName` and `schema`, which the batch supplies.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = batch({ tableName: 'account', ops: [
 *   { kind: 'alterColumn', columnName: 'email', nullable: false },
 *   { kind: 'addColumn', column: { name: 'plan', type: 'text' }, insertAfter: 'email' },
 * ] })
 * postgresql.compile(op).map((s) => s.sql) // => ['ALTER TABLE account ALTER COLUMN email SET NOT NULL', 'ALTER TABLE account ADD COLUMN plan TEXT']
 */
export interface BatchOp {
  readonly kind: 'batch'
  readonly tableName: string
  readonly schema?: string
  /** Absent means `auto`. */
  readonly recreate?: Recreate
  /** The table's definition before the batch, so a rebuild needs no database. */
  readonly copyFrom?: TableDefinition
  /** Column orders to keep while rebuilding: each list names columns in the order wanted. */
  readonly partialReordering?: readonly (readonly string[])[]
  readonly ops: readonly BatchChildOp[]
  readonly info?: JsonObject
}

const batchChild: Spec<BatchChildOp> = (value, path, ctx) => ctx.parseOp(value, path, ctx, 'batch') as ReturnType<Spec<BatchChildOp>>

/** Validation rules of `batch`. */
export const batchSpec: OpSpec<BatchOp> = {
  kind: 'batch',
  fields: {
    tableName: name,
    schema: name,
    recreate: literal(['auto', 'always', 'never']),
    copyFrom: tableDefinition,
    partialReordering: arrayOf(arrayOf(name, { minLength: 2, what: 'an array of at least two column names' })),
    ops: arrayOf(batchChild),
  },
  required: ['tableName', 'ops'],
}

/**
 * Builds a frozen {@link BatchOp}.
 * @example
 * batch({ tableName: 'account', ops: [{ kind: 'dropColumn', columnName: 'plan' }] })
 * // => { kind: 'batch', tableName: 'account', ops: [{ kind: 'dropColumn', columnName: 'plan' }] }
 */
export function batch(fields: OpFields<BatchOp>): BatchOp {
  return makeOp(batchSpec, fields)
}
