/**
 * One arbitrary per op kind that holds no op list of its own container kind: every kind but
 * `modifyTableOps`, `upgradeOps`, `downgradeOps` and `migrationScript` (a `batch` is included).
 */
import * as fc from 'fast-check'
import type { BuiltinOpTypes } from '../op.js'
import { memo } from './cache.js'
import { arbBatch } from './batch.js'
import { arbAddColumn, arbAlterColumn, arbDropColumn } from './column-ops.js'
import { arbCreateCheckConstraint, arbCreateForeignKey, arbCreatePrimaryKey, arbCreateUniqueConstraint, arbDropConstraint } from './constraint-ops.js'
import { arbBulkInsert, arbExecuteSql } from './data-ops.js'
import { arbCreateIndex, arbDropIndex } from './index-ops.js'
import type { OpArbitraryOptions } from './options.js'
import { arbCreateTable, arbCreateTableComment, arbDropTable, arbDropTableComment, arbRenameTable } from './table-ops.js'

/**
 * The kinds of {@link arbLeafOp}.
 * @example
 * import fc from 'fast-check'
 * const kinds: LeafOpKind[] = ['createTable', 'dropTable', 'renameTable']
 * fc.assert(fc.property(arbLeafOp({ kinds }), (op) => kinds.includes(op.kind)))
 */
export type LeafOpKind = Exclude<keyof BuiltinOpTypes, 'modifyTableOps' | 'upgradeOps' | 'downgradeOps' | 'migrationScript'>

/**
 * A leaf op of any kind.
 * @example
 * import fc from 'fast-check'
 * // Every leaf op fits in a modifyTableOps
 * const wrap = (op: LeafOp) => modifyTableOps({ tableName: 'account', ops: [op] })
 * fc.assert(fc.property(arbLeafOp(), (op) => wrap(op).ops.length === 1))
 */
export type LeafOp = BuiltinOpTypes[LeafOpKind]

/**
 * The arbitrary of each leaf kind.
 * @example
 * import fc from 'fast-check'
 * Object.keys(LEAF_OP_ARBITRARIES).length // => 18
 * fc.sample(LEAF_OP_ARBITRARIES.renameTable(), 3).every((op) => op.kind === 'renameTable') // => true
 */
export const LEAF_OP_ARBITRARIES: { readonly [K in LeafOpKind]: (options?: OpArbitraryOptions) => fc.Arbitrary<BuiltinOpTypes[K]> } = {
  addColumn: arbAddColumn,
  alterColumn: arbAlterColumn,
  dropColumn: arbDropColumn,
  createTable: arbCreateTable,
  dropTable: arbDropTable,
  renameTable: arbRenameTable,
  createIndex: arbCreateIndex,
  dropIndex: arbDropIndex,
  createPrimaryKey: arbCreatePrimaryKey,
  createUniqueConstraint: arbCreateUniqueConstraint,
  createForeignKey: arbCreateForeignKey,
  createCheckConstraint: arbCreateCheckConstraint,
  dropConstraint: arbDropConstraint,
  createTableComment: arbCreateTableComment,
  dropTableComment: arbDropTableComment,
  bulkInsert: arbBulkInsert,
  executeSql: arbExecuteSql,
  batch: arbBatch,
}

/** Kinds that are never reversible: `bulkInsert`. */
const NEVER_REVERSIBLE: ReadonlySet<LeafOpKind> = new Set(['bulkInsert'])

/**
 * Options of {@link arbLeafOp}.
 * @example
 * import fc from 'fast-check'
 * const options: LeafOpOptions = { kinds: ['createIndex', 'dropIndex'], reversible: true }
 * fc.assert(fc.property(arbLeafOp(options), (op) => isReversible(op)))
 */
export interface LeafOpOptions extends OpArbitraryOptions {
  /** The kinds to generate; every leaf kind by default (`bulkInsert` is left out with `reversible`). */
  readonly kinds?: readonly LeafOpKind[]
}

/**
 * An op of any kind but the containers (`batch` included): what a `modifyTableOps` holds.
 * @example
 * arbLeafOp({ kinds: ['addColumn', 'dropColumn'], reversible: true })
 */
export function arbLeafOp(options: LeafOpOptions = {}): fc.Arbitrary<LeafOp> {
  return memo('arbLeafOp', options, () => {
    // `kinds` is this function's own option: a batch reads `kinds` as its children's kinds.
    const { kinds: given, ...rest } = options
    const all = Object.keys(LEAF_OP_ARBITRARIES) as LeafOpKind[]
    const kinds = given ?? (options.reversible === true ? all.filter((k) => !NEVER_REVERSIBLE.has(k)) : all)
    return fc.oneof(...kinds.map((k): fc.Arbitrary<LeafOp> => LEAF_OP_ARBITRARIES[k](rest)))
  })
}
