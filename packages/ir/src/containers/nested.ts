import type { Op } from '../op.js'
import { fail, INVALID, type Spec } from '../spec.js'

/** Kinds that hold other ops and cannot appear inside an op list of another container. */
export const CONTAINER_KINDS: ReadonlySet<string> = new Set(['modifyTableOps', 'upgradeOps', 'downgradeOps', 'migrationScript'])

/** An op in a container's list: any kind but `upgradeOps`, `downgradeOps`, `migrationScript`. */
export function childOp(allowModifyTableOps: boolean): Spec<Op> {
  return (value, path, ctx) => {
    const op = ctx.parseOp(value, path, ctx, 'top') as Op | typeof INVALID
    if (op === INVALID) return INVALID
    if (CONTAINER_KINDS.has(op.kind) && !(allowModifyTableOps && op.kind === 'modifyTableOps')) {
      return fail(ctx, 'INVALID_VALUE', `${path}.kind`, allowModifyTableOps ? 'an op or modifyTableOps' : 'an op (not a container)', op.kind)
    }
    return op
  }
}

/** An op of one given kind. */
export function opOfKind<O extends Op>(kind: O['kind']): Spec<O> {
  return (value, path, ctx) => {
    const op = ctx.parseOp(value, path, ctx, 'top') as Op | typeof INVALID
    if (op === INVALID) return INVALID
    return op.kind === kind ? (op as O) : fail(ctx, 'INVALID_VALUE', `${path}.kind`, JSON.stringify(kind), op.kind)
  }
}
