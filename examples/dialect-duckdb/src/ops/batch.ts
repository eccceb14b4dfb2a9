import { batchChildAsOp, compileBatchChild, compileRebuild, tableBeforeBatch, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, applyOps, type BatchOp, type SchemaSnapshot } from '@athanor/ir'
import { duckdbRebuildHooks } from '../rebuild-hooks.js'
import { refuseReferencedTable } from '../references.js'
import { constraintsOn, indexOn } from '../column-constraints.js'
import { alterColumnProblem } from './alter-column.js'

/** Kinds DuckDB's ALTER TABLE does inside a batch, or that need no ALTER at all. */
const NATIVE = new Set(['alterColumn', 'dropColumn', 'createIndex', 'dropIndex', 'executeSql', 'createTableComment', 'dropTableComment', 'createPrimaryKey'])

/**
 * Where a batch needs a rebuild on `recreate: "auto"`: the path of the first child that DuckDB's
 * ALTER TABLE cannot do, or undefined when each child can run as its own statement. Constraints
 * (but a primary key) are only added or dropped by a rebuild, and so are columns placed with
 * `insertBefore`/`insertAfter`, columns added with a UNIQUE, REFERENCES or CHECK, and (when
 * the schema snapshot shows it) columns dropped that a constraint or index keeps (see
 * `indexOn`) and the column changes `alterColumnProblem` finds.
 * @example
 * import { batch } from '@athanor/ir'
 * rebuildReason(batch({ tableName: 't', ops: [{ kind: 'dropConstraint', constraintName: 'ck', type: 'check' }] })) // => 'ops[0]'
 */
export function rebuildReason(op: BatchOp, snapshot?: SchemaSnapshot): string | undefined {
  if (op.partialReordering !== undefined) return 'partialReordering'
  for (const [i, child] of op.ops.entries()) {
    if (child.kind === 'addColumn') {
      const c = child.column
      if (child.insertBefore !== undefined || child.insertAfter !== undefined) return `ops[${i}]`
      if (c.foreignKey !== undefined || c.check !== undefined || (c.unique === true && c.index !== true)) return `ops[${i}].column`
    } else if (child.kind === 'dropColumn') {
      const target = { tableName: op.tableName, schema: op.schema, columnName: child.columnName }
      if (constraintsOn(snapshot, target).length > 0 || indexOn(snapshot, target, true) !== undefined) return `ops[${i}].columnName`
    } else if (child.kind === 'alterColumn') {
      if (child.insertBefore !== undefined || child.insertAfter !== undefined) return `ops[${i}]`
      const problem = alterColumnProblem({ ...child, tableName: op.tableName, ...(op.schema === undefined ? {} : { schema: op.schema }) }, snapshot)
      if (problem !== undefined) return `ops[${i}].${problem.path}`
    } else if (!NATIVE.has(child.kind)) {
      return `ops[${i}]`
    }
  }
  return undefined
}


/**
 * A batch: rebuilt ("move and copy", see `duckdbRebuildHooks`) on `always`, and on `auto` (the
 * default) when a child needs it (see {@link rebuildReason}); otherwise each child as its own
 * statement, in order. A rebuild drops the table, which DuckDB refuses while other tables'
 * foreign keys point at it, or while it points at itself: such a rebuild is refused.
 */
export function compileBatch(op: BatchOp, ctx: HandlerContext): readonly Statement[] {
  const recreate = op.recreate ?? 'auto'
  if (recreate === 'always' || (recreate === 'auto' && rebuildReason(op, ctx.snapshot) !== undefined)) {
    refuseReferencedTable(ctx.snapshot, op.tableName, op.schema, { kind: 'batch', path: 'tableName', doing: 'rebuild' })
    const before = tableBeforeBatch(op, ctx.snapshot, 'duckdb')
    if (before.constraints.some((c) => c.type === 'foreignKey' && c.referentTable === op.tableName && (c.referentSchema ?? op.schema) === op.schema)) {
      throw new UnsupportedOperationError({ kind: 'batch', engine: 'duckdb', path: 'tableName', message: `duckdb cannot rebuild table ${JSON.stringify(op.tableName)}: its foreign key to itself would keep the old table from being dropped` })
    }
    return compileRebuild(op, ctx, duckdbRebuildHooks(ctx))
  }
  if (op.partialReordering !== undefined) {
    throw new UnsupportedOperationError({ kind: 'batch', engine: 'duckdb', path: 'partialReordering', message: 'duckdb: only a rebuild orders columns; use recreate "auto" or "always"' })
  }
  const out: Statement[] = []
  let snapshot = ctx.snapshot
  op.ops.forEach((child, i) => {
    const place = 'insertBefore' in child && child.insertBefore !== undefined ? 'insertBefore' : 'insertAfter' in child && child.insertAfter !== undefined ? 'insertAfter' : undefined
    if (place !== undefined && child.kind !== 'dropColumn') {
      throw new UnsupportedOperationError({ kind: 'batch', engine: 'duckdb', path: `ops[${i}].${place}`, message: 'duckdb: ALTER TABLE cannot place a column; use recreate "auto" or "always", which rebuilds the table' })
    }
    out.push(...compileBatchChild(op, i, ctx, snapshot))
    if (snapshot !== undefined) snapshot = applyOps(snapshot, [batchChildAsOp(child, op)], ctx.registry === undefined ? {} : { registry: ctx.registry })
  })
  return out
}
