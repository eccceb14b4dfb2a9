import type { JsonObject } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import { fail, name, pathKey } from '../spec.js'

/**
 * Rename a table (Alembic's `op.rename_table`). Reverses to the rename back (Alembic cannot
 * reverse it).
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = renameTable({ oldTableName: 'account', newTableName: 'user_account' })
 * postgresql.compile(op) // => [{ sql: 'ALTER TABLE account RENAME TO user_account' }]
 */
export interface RenameTableOp {
  readonly kind: 'renameTable'
  readonly oldTableName: string
  readonly newTableName: string
  readonly schema?: string
  readonly info?: JsonObject
}

/** Validation rules of `renameTable`. */
export const renameTableSpec: OpSpec<RenameTableOp> = {
  kind: 'renameTable',
  fields: { oldTableName: name, newTableName: name, schema: name },
  required: ['oldTableName', 'newTableName'],
  refine: (op, path, ctx) => {
    if (op['oldTableName'] === op['newTableName']) {
      fail(ctx, 'INVALID_VALUE', pathKey(path, 'newTableName'), 'a name other than oldTableName', op['newTableName'])
    }
  },
}

/**
 * Builds a frozen {@link RenameTableOp}.
 * @example
 * renameTable({ oldTableName: 'account', newTableName: 'user_account' })
 * // => { kind: 'renameTable', oldTableName: 'account', newTableName: 'user_account' }
 */
export function renameTable(fields: OpFields<RenameTableOp>): RenameTableOp {
  return makeOp(renameTableSpec, fields)
}
