import {
  MissingExistingStateError, findTable, normalizeTable, tableAfterBatch, tableDefinitionOf, type BatchOp, type Registry, type SchemaSnapshot,
  type TableModel,
} from '@athanor/ir'

// What a rebuild needs to know before it writes any SQL: the table before the batch, the table
// after it, and where each column of the new table reads its rows from (catalog §3.4).

/**
 * The table a batch works on, as it is before the batch: its `copyFrom` when given (Alembic's
 * `copy_from`, no database needed), else the table in `snapshot`. Throws
 * `MissingExistingStateError` (path `copyFrom`, or `tableName` when the snapshot lacks the
 * table) when neither says what the table looks like: a rebuild never guesses, and never reads
 * a live database.
 * @example
 * import { batch } from '@athanor/ir'
 * tableBeforeBatch(batch({ tableName: 't', copyFrom: { columns: [{ name: 'a', type: 'integer' }] }, ops: [] }), undefined, 'sqlite')
 * // => { name: 't', columns: [{ name: 'a', type: 'integer', nullable: true }], constraints: [], indexes: [] }
 */
export function tableBeforeBatch(op: BatchOp, snapshot: SchemaSnapshot | undefined, engine: string): TableModel {
  if (op.copyFrom !== undefined) return normalizeTable(op.tableName, op.schema, op.copyFrom)
  const label = JSON.stringify(op.schema === undefined ? op.tableName : `${op.schema}.${op.tableName}`)
  if (snapshot === undefined) {
    throw new MissingExistingStateError({
      kind: 'batch',
      path: 'copyFrom',
      message: `${engine}: rebuilding table ${label} needs its current definition; give the batch a copyFrom, or compile with the schema before it (a snapshot: the CLI builds one from earlier migrations, or reads --schema)`,
    })
  }
  const table = findTable(snapshot, op.tableName, op.schema)
  if (table === undefined) {
    throw new MissingExistingStateError({
      kind: 'batch',
      path: 'tableName',
      message: `${engine}: rebuilding table ${label} needs its current definition, but the schema snapshot has no such table; give the batch a copyFrom or a snapshot that holds the table`,
    })
  }
  return table
}

/**
 * The table after the batch's children, computed with the schema model from `before` (so the
 * new table is exactly what `applyOps` predicts). Throws `ModelMismatchError` (path `ops[i]…`)
 * when a child does not fit the table.
 * @example
 * import { applyOps, batch, createTable, emptySnapshot } from '@athanor/ir'
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }, { name: 'email', type: 'text' }] })])
 * const op = batch({ tableName: 'account', ops: [{ kind: 'addColumn', column: { name: 'plan', type: 'text' } }] })
 * tableAfterRebuild(op, tableBeforeBatch(op, snapshot, 'sqlite')).columns.map((c) => c.name) // => ['id', 'email', 'plan']
 */
export function tableAfterRebuild(op: BatchOp, before: TableModel, registry?: Registry): TableModel {
  const def = tableAfterBatch({ ...op, copyFrom: tableDefinitionOf(before) }, registry)
  return normalizeTable(op.tableName, op.schema, def)
}

/**
 * For each column of the table after the batch, the column of the table before it that holds
 * its rows: itself, or the column it was renamed from (through any number of renames); absent
 * for a column the batch added (it gets its default). Follows the children in order, as the
 * model applies them.
 * @example
 * import { batch, type TableModel } from '@athanor/ir'
 * const before: TableModel = { name: 't', columns: [{ name: 'a', type: 'text', nullable: true }, { name: 'c', type: 'text', nullable: true }], constraints: [], indexes: [] }
 * columnOrigins(batch({ tableName: 't', ops: [{ kind: 'alterColumn', columnName: 'a', newColumnName: 'b' }] }), before)
 * // => new Map([['b', 'a'], ['c', 'c']])
 */
export function columnOrigins(op: BatchOp, before: TableModel): ReadonlyMap<string, string> {
  let live: { name: string; origin: string | undefined }[] = before.columns.map((c) => ({ name: c.name, origin: c.name }))
  for (const child of op.ops) {
    if (child.kind === 'addColumn') {
      if (!live.some((c) => c.name === child.column.name)) live.push({ name: child.column.name, origin: undefined })
    } else if (child.kind === 'dropColumn') {
      live = live.filter((c) => c.name !== child.columnName)
    } else if (child.kind === 'alterColumn' && child.newColumnName !== undefined) {
      const entry = live.find((c) => c.name === child.columnName)
      if (entry !== undefined) entry.name = child.newColumnName
    }
  }
  const out = new Map<string, string>()
  for (const c of live) if (c.origin !== undefined) out.set(c.name, c.origin)
  return out
}
