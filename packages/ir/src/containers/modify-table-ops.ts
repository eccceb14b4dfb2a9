import type { JsonObject } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import type { Op } from '../op.js'
import { arrayOf, name } from '../spec.js'
import { childOp } from './nested.js'

/**
 * Ops on one table, grouped (Alembic's `ModifyTableOps`). Reverses to the reverse of each child,
 * in reverse order.
 * @example
 * modifyTableOps({ tableName: 'account', ops: [addColumn({ tableName: 'account', column: { name: 'plan', type: 'text' } })] })
 * // => { kind: 'modifyTableOps', tableName: 'account', ops: [{ kind: 'addColumn', tableName: 'account', column: { name: 'plan', type: 'text' } }] }
 */
export interface ModifyTableOps {
  readonly kind: 'modifyTableOps'
  readonly tableName: string
  readonly schema?: string
  readonly ops: readonly Op[]
  readonly info?: JsonObject
}

/** Validation rules of `modifyTableOps`. */
export const modifyTableOpsSpec: OpSpec<ModifyTableOps> = {
  kind: 'modifyTableOps',
  fields: { tableName: name, schema: name, ops: arrayOf(childOp(false)) },
  required: ['tableName', 'ops'],
}

/**
 * Builds a frozen {@link ModifyTableOps}.
 * @example
 * modifyTableOps({ tableName: 'account', ops: [] }) // => { kind: 'modifyTableOps', tableName: 'account', ops: [] }
 */
export function modifyTableOps(fields: OpFields<ModifyTableOps>): ModifyTableOps {
  return makeOp(modifyTableOpsSpec, fields)
}
