import type { JsonObject } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import type { Op } from '../op.js'
import { arrayOf, name } from '../spec.js'
import { childOp } from './nested.js'

/**
 * The ops of a migration's downgrade (Alembic's `DowngradeOps`). Reverses to an `upgradeOps`.
 * @example
 * downgradeOps({ ops: [renameTable({ oldTableName: 'b', newTableName: 'a' })] })
 * // => { kind: 'downgradeOps', ops: [{ kind: 'renameTable', oldTableName: 'b', newTableName: 'a' }] }
 */
export interface DowngradeOps {
  readonly kind: 'downgradeOps'
  readonly ops: readonly Op[]
  /** Template token for multi-database scripts; absent means `downgrades`. */
  readonly downgradeToken?: string
  readonly info?: JsonObject
}

/** Validation rules of `downgradeOps`. */
export const downgradeOpsSpec: OpSpec<DowngradeOps> = {
  kind: 'downgradeOps',
  fields: { ops: arrayOf(childOp(true)), downgradeToken: name },
  required: ['ops'],
}

/**
 * Builds a frozen {@link DowngradeOps}.
 * @example
 * downgradeOps({ ops: [] }) // => { kind: 'downgradeOps', ops: [] }
 */
export function downgradeOps(fields: OpFields<DowngradeOps>): DowngradeOps {
  return makeOp(downgradeOpsSpec, fields)
}
