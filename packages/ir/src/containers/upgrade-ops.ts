import type { JsonObject } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import type { Op } from '../op.js'
import { arrayOf, name } from '../spec.js'
import { childOp } from './nested.js'

/**
 * The ops of a migration's upgrade (Alembic's `UpgradeOps`). Reverses to a `downgradeOps` with
 * the reverse of each child in reverse order.
 * @example
 * upgradeOps({ ops: [renameTable({ oldTableName: 'a', newTableName: 'b' })] })
 * // => { kind: 'upgradeOps', ops: [{ kind: 'renameTable', oldTableName: 'a', newTableName: 'b' }] }
 */
export interface UpgradeOps {
  readonly kind: 'upgradeOps'
  readonly ops: readonly Op[]
  /** Template token for multi-database scripts; absent means `upgrades`. */
  readonly upgradeToken?: string
  readonly info?: JsonObject
}

/** Validation rules of `upgradeOps`. */
export const upgradeOpsSpec: OpSpec<UpgradeOps> = {
  kind: 'upgradeOps',
  fields: { ops: arrayOf(childOp(true)), upgradeToken: name },
  required: ['ops'],
}

/**
 * Builds a frozen {@link UpgradeOps}.
 * @example
 * upgradeOps({ ops: [] }) // => { kind: 'upgradeOps', ops: [] }
 */
export function upgradeOps(fields: OpFields<UpgradeOps>): UpgradeOps {
  return makeOp(upgradeOpsSpec, fields)
}
