import { batchChildAsOp, compileBatchChild, compileRebuild, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, applyOps, type BatchOp } from '@athanor/ir'
import { sqliteRebuildHooks } from '../rebuild-hooks.js'
import { addColumnProblem } from './add-column.js'

/** Kinds SQLite does natively inside a batch, or that compile to nothing here. */
const NATIVE = new Set(['createIndex', 'dropIndex', 'executeSql', 'createTableComment', 'dropTableComment'])

/**
 * Where a batch needs a rebuild on `recreate: "auto"`: the path of the first child (or field)
 * that `ALTER TABLE` cannot do, or undefined when every child can run as it is. As the catalog
 * says (§3.2), anything but `addColumn`, `createIndex` and `dropIndex` needs one, and so does an
 * `addColumn` SQLite cannot add (a non-constant default, a stored generated column, UNIQUE, a
 * key, NOT NULL without a default).
 * @example
 * import { batch } from '@athanor/ir'
 * rebuildReason(batch({ tableName: 't', ops: [{ kind: 'alterColumn', columnName: 'a', nullable: false }] })) // => 'ops[0]'
 */
export function rebuildReason(op: BatchOp): string | undefined {
  if (op.partialReordering !== undefined) return 'partialReordering'
  for (const [i, child] of op.ops.entries()) {
    if (NATIVE.has(child.kind)) continue
    if (child.kind !== 'addColumn') return `ops[${i}]`
    // Differs from Alembic, which raises on a position in a batch that would not recreate, and
    // emits ADD COLUMN statements SQLite rejects: both make the table rebuilt instead.
    if (child.insertBefore !== undefined || child.insertAfter !== undefined) return `ops[${i}]`
    const problem = addColumnProblem(child)
    if (problem !== undefined) return `ops[${i}].${problem.path}`
  }
  return undefined
}


/**
 * A batch (catalog §3): rebuilt ("move and copy", see `sqliteRebuildHooks`) on `always`, and on
 * `auto` (the default) when a child needs it (see {@link rebuildReason}); otherwise each child as
 * its own ALTER, in order. `never` refuses what ALTER cannot do, positions included (ADD COLUMN
 * appends), instead of emitting SQL SQLite rejects.
 */
export function compileBatch(op: BatchOp, ctx: HandlerContext): readonly Statement[] {
  const recreate = op.recreate ?? 'auto'
  if (recreate === 'always' || (recreate === 'auto' && rebuildReason(op) !== undefined)) {
    return compileRebuild(op, ctx, sqliteRebuildHooks(ctx))
  }
  if (op.partialReordering !== undefined) {
    throw new UnsupportedOperationError({ kind: 'batch', engine: 'sqlite', path: 'partialReordering', message: 'sqlite: only a rebuild orders columns; use recreate "auto" or "always"' })
  }
  const out: Statement[] = []
  let snapshot = ctx.snapshot
  op.ops.forEach((child, i) => {
    const place = 'insertBefore' in child && child.insertBefore !== undefined ? 'insertBefore' : 'insertAfter' in child && child.insertAfter !== undefined ? 'insertAfter' : undefined
    if (place !== undefined && child.kind !== 'dropColumn') {
      throw new UnsupportedOperationError({ kind: 'batch', engine: 'sqlite', path: `ops[${i}].${place}`, message: 'sqlite: ALTER TABLE cannot place a column; use recreate "auto" or "always", which rebuilds the table' })
    }
    out.push(...compileBatchChild(op, i, ctx, snapshot))
    if (snapshot !== undefined) snapshot = applyOps(snapshot, [batchChildAsOp(child, op)], ctx.registry === undefined ? {} : { registry: ctx.registry })
  })
  return out
}
