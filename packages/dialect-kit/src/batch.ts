import { UnsupportedOperationError, type BatchOp, type Op } from '@athanor/ir'
import type { HandlerContext } from './contract.js'
import type { Statement } from './statement.js'

/** The fields a batch supplies to each child kind (most use `tableName`/`schema`). */
const TABLE_FIELDS: Readonly<Record<string, readonly [string, string] | readonly []>> = {
  createForeignKey: ['sourceTable', 'sourceSchema'],
  executeSql: [],
}

/**
 * A batch child as a top-level op: the batch's table (and schema) filled in, batch-only fields
 * (`insertBefore`/`insertAfter`) removed.
 * @example
 * import { batch } from '@athanor/ir'
 * const op = batch({ tableName: 'account', ops: [{ kind: 'dropColumn', columnName: 'plan' }] })
 * batchChildAsOp(op.ops[0]!, op) // => { kind: 'dropColumn', columnName: 'plan', tableName: 'account' }
 */
export function batchChildAsOp(child: BatchOp['ops'][number], op: Pick<BatchOp, 'tableName' | 'schema'>): Op {
  const fields = TABLE_FIELDS[child.kind] ?? ['tableName', 'schema']
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(child)) if (k !== 'insertBefore' && k !== 'insertAfter') out[k] = v
  const [tableField, schemaField] = fields
  if (tableField !== undefined) out[tableField] = op.tableName
  if (schemaField !== undefined && op.schema !== undefined) out[schemaField] = op.schema
  return Object.freeze(out) as unknown as Op
}

/**
 * Compiles a batch whose table is not rebuilt: each child as a plain ALTER, in order (catalog
 * §3.3). Dialects that never rebuild use this for `recreate` `auto` and `never`; `always` is
 * refused until the shared rebuild is in place.
 * @example
 * import { batch } from '@athanor/ir'
 * import { postgresCapabilities, postgresHandlers, postgresQuote } from '@athanor/dialect-postgres'
 * // A dialect that never rebuilds a table: each batch child is a plain ALTER
 * const mine = defineDialect({ name: 'mine', capabilities: postgresCapabilities, quote: postgresQuote, handlers: { ...postgresHandlers, batch: compileBatchAsAlters } })
 * mine.compile(batch({ tableName: 'account', ops: [{ kind: 'dropColumn', columnName: 'legacy' }] })) // => [{ sql: 'ALTER TABLE account DROP COLUMN legacy' }]
 * mine.compile(batch({ tableName: 'account', recreate: 'always', ops: [] })) // throws { code: 'UNSUPPORTED_OPERATION', path: 'recreate' }
 */
export function compileBatchAsAlters(op: BatchOp, ctx: HandlerContext): readonly Statement[] {
  if (op.recreate === 'always') {
    throw new UnsupportedOperationError({
      kind: 'batch',
      path: 'recreate',
      engine: ctx.dialect.name,
      message: `${ctx.dialect.name}: recreate "always" (a table rebuild) is not supported yet; use "auto" or "never"`,
    })
  }
  return ctx.compileOps(op.ops.map((child) => batchChildAsOp(child, op)), ctx.snapshot)
}

/**
 * Compiles the batch's child `i` as a top-level op; a refusal gets the child's place in its path
 * (`ops[2].column.unique`), so that a dialect which compiles children one by one reports where.
 * @example
 * import type { BatchOp } from '@athanor/ir'
 * declare const op: BatchOp
 * declare const ctx: HandlerContext // what the dialect's batch handler was given
 * compileBatchChild(op, 0, ctx, ctx.snapshot)
 */
export function compileBatchChild(op: BatchOp, i: number, ctx: HandlerContext, snapshot: HandlerContext['snapshot']): readonly Statement[] {
  const child = op.ops[i]
  if (child === undefined) return []
  try {
    return ctx.compileOps([batchChildAsOp(child, op)], snapshot)
  } catch (e) {
    if (e instanceof UnsupportedOperationError) {
      throw new UnsupportedOperationError({ kind: 'batch', engine: e.engine, path: `ops[${i}]${e.path === undefined || e.path === '' ? '' : `.${e.path}`}`, message: e.message, cause: e })
    }
    throw e
  }
}
