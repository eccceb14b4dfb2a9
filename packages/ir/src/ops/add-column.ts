import { column, type Column } from '../elements/column.js'
import type { JsonObject } from '../json.js'
import { columnBatchRules, makeOp, refinePosition, type ColumnPosition, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, name } from '../spec.js'

/**
 * Add a column to a table (Alembic's `op.add_column`). Reverses to a `dropColumn` carrying the
 * column, so the drop can be reversed again.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = addColumn({ tableName: 'account', column: { name: 'nickname', type: { name: 'varchar', length: 50 } } })
 * postgresql.compile(op) // => [{ sql: 'ALTER TABLE account ADD COLUMN nickname VARCHAR(50)' }]
 */
export interface AddColumnOp {
  readonly kind: 'addColumn'
  readonly tableName: string
  readonly column: Column
  readonly schema?: string
  readonly ifNotExists?: boolean
  /** Render a single-column foreign key inline (`REFERENCES t (id)`) instead of a separate ADD CONSTRAINT. */
  readonly inlineReferences?: boolean
  /** Append ` PRIMARY KEY` to the column when it has `primaryKey: true`. */
  readonly inlinePrimaryKey?: boolean
  readonly info?: JsonObject
}

/**
 * `addColumn` inside a batch: no table fields; may say where the column goes in a rebuild.
 * @example
 * const child: BatchAddColumnOp = { kind: 'addColumn', column: { name: 'plan', type: 'text' }, insertBefore: 'created_at' }
 * reverse(batch({ tableName: 'account', ops: [child] })).ops
 * // => [{ kind: 'dropColumn', columnName: 'plan', column: { name: 'plan', type: 'text' }, insertBefore: 'created_at' }]
 */
export type BatchAddColumnOp = Omit<AddColumnOp, 'tableName' | 'schema'> & ColumnPosition

/** Validation rules of `addColumn`. */
export const addColumnSpec: OpSpec<AddColumnOp> = {
  kind: 'addColumn',
  fields: { tableName: name, column, schema: name, ifNotExists: boolean, inlineReferences: boolean, inlinePrimaryKey: boolean },
  required: ['tableName', 'column'],
  batch: columnBatchRules,
  refine: refinePosition,
}

/**
 * Builds a frozen {@link AddColumnOp}.
 * @example
 * addColumn({ tableName: 'account', column: { name: 'plan', type: 'text' } })
 * // => { kind: 'addColumn', tableName: 'account', column: { name: 'plan', type: 'text' } }
 * addColumn({ tableName: 'account', column: { name: '', type: 'text' } }) // throws { code: 'INVALID_VALUE', path: 'column.name' }
 */
export function addColumn(fields: OpFields<AddColumnOp>): AddColumnOp {
  return makeOp(addColumnSpec, fields)
}
