import { column, type Column } from '../elements/column.js'
import type { JsonObject } from '../json.js'
import { columnBatchRules, makeOp, refinePosition, type ColumnPosition, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, fail, name, pathKey } from '../spec.js'

/**
 * Drop a column (Alembic's `op.drop_column`). Carry `column` (the definition being dropped) to
 * make it reversible; `fillExisting` fills it from a schema model.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = dropColumn({ tableName: 'account', columnName: 'nickname' })
 * postgresql.compile(op) // => [{ sql: 'ALTER TABLE account DROP COLUMN nickname' }]
 */
export interface DropColumnOp {
  readonly kind: 'dropColumn'
  readonly tableName: string
  readonly columnName: string
  readonly schema?: string
  readonly ifExists?: boolean
  /** What is dropped, so that `reverse` can add it back. */
  readonly column?: Column
  /** For the reverse `addColumn`: render its foreign key inline. Needs `column`. */
  readonly inlineReferences?: boolean
  /** For the reverse `addColumn`: render ` PRIMARY KEY` inline. Needs `column`. */
  readonly inlinePrimaryKey?: boolean
  /** SQL Server: drop the column's default constraint first (implied when `column` has a default). */
  readonly mssqlDropDefault?: boolean
  /** SQL Server: drop CHECK constraints on the column first. */
  readonly mssqlDropCheck?: boolean
  /** SQL Server: drop the foreign key on the column first. */
  readonly mssqlDropForeignKey?: boolean
  readonly info?: JsonObject
}

/**
 * `dropColumn` inside a batch; `insertBefore`/`insertAfter` say where the reverse puts the column back.
 * @example
 * const child: BatchDropColumnOp = { kind: 'dropColumn', columnName: 'plan', column: { name: 'plan', type: 'text' }, insertAfter: 'email' }
 * reverse(batch({ tableName: 'account', ops: [child] })).ops
 * // => [{ kind: 'addColumn', column: { name: 'plan', type: 'text' }, insertAfter: 'email' }]
 */
export type BatchDropColumnOp = Omit<DropColumnOp, 'tableName' | 'schema'> & ColumnPosition

const NEEDS_COLUMN = ['inlineReferences', 'inlinePrimaryKey', 'insertBefore', 'insertAfter'] as const
const MSSQL_FLAGS = ['mssqlDropDefault', 'mssqlDropCheck', 'mssqlDropForeignKey'] as const

/** Validation rules of `dropColumn`. */
export const dropColumnSpec: OpSpec<DropColumnOp> = {
  kind: 'dropColumn',
  fields: {
    tableName: name,
    columnName: name,
    schema: name,
    ifExists: boolean,
    column,
    inlineReferences: boolean,
    inlinePrimaryKey: boolean,
    mssqlDropDefault: boolean,
    mssqlDropCheck: boolean,
    mssqlDropForeignKey: boolean,
  },
  required: ['tableName', 'columnName'],
  batch: columnBatchRules,
  refine: (op, path, ctx) => {
    refinePosition(op, path, ctx)
    const col = op['column'] as Column | undefined
    if (col === undefined) {
      for (const f of NEEDS_COLUMN) {
        if (op[f] !== undefined) fail(ctx, 'MISSING_FIELD', pathKey(path, 'column'), `column (${f} describes the column added back by the reverse)`, undefined)
      }
      return
    }
    if (col.name !== op['columnName']) {
      fail(ctx, 'INVALID_VALUE', pathKey(pathKey(path, 'column'), 'name'), `the dropped column's name, ${JSON.stringify(op['columnName'])}`, col.name)
    }
    // With the definition at hand a compiler knows what to drop first; a flag could only disagree.
    for (const f of MSSQL_FLAGS) {
      if (op[f] !== undefined) fail(ctx, 'INVALID_VALUE', pathKey(path, f), `${f} omitted (the column definition says what to drop)`, op[f])
    }
  },
}

/**
 * Builds a frozen {@link DropColumnOp}.
 * @example
 * dropColumn({ tableName: 'account', columnName: 'plan' }) // => { kind: 'dropColumn', tableName: 'account', columnName: 'plan' }
 */
export function dropColumn(fields: OpFields<DropColumnOp>): DropColumnOp {
  return makeOp(dropColumnSpec, fields)
}
