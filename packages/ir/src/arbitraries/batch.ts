/**
 * Batch children and batches.
 */
import * as fc from 'fast-check'
import type { BatchChildOp, BatchChildTypes } from '../op.js'
import type { BatchOp } from '../ops/batch.js'
import { memo } from './cache.js'
import { arbBatchAddColumn, arbBatchAlterColumn, arbBatchDropColumn } from './column-ops.js'
import {
  arbBatchCreateCheckConstraint, arbBatchCreateForeignKey, arbBatchCreatePrimaryKey, arbBatchCreateUniqueConstraint, arbBatchDropConstraint,
} from './constraint-ops.js'
import { arbExecuteSql } from './data-ops.js'
import { arbBatchCreateIndex, arbBatchDropIndex } from './index-ops.js'
import { arbJsonObject } from './json.js'
import { arbName } from './names.js'
import { finish, type OpArbitraryOptions } from './options.js'
import { arbObject } from './record.js'
import { arbTableDefinition } from './table-definition.js'
import { arbBatchCreateTableComment, arbBatchDropTableComment } from './table-ops.js'
import { arbTableTarget } from './target.js'

/**
 * The kinds allowed inside a batch.
 * @example
 * import fc from 'fast-check'
 * const kinds: BatchChildKind[] = ['addColumn', 'dropColumn']
 * fc.assert(fc.property(arbBatchChild({ kinds }), (child) => kinds.includes(child.kind)))
 */
export type BatchChildKind = keyof BatchChildTypes

/**
 * Options of {@link arbBatchChild}.
 * @example
 * import fc from 'fast-check'
 * const options: BatchChildOptions = { kinds: ['createIndex'], names: 'hostile' }
 * fc.assert(fc.property(arbBatchChild(options), (child) => batch({ tableName: 'account', ops: [child] }).ops.length === 1))
 */
export interface BatchChildOptions extends OpArbitraryOptions {
  /** The kinds to generate; every batch kind by default. */
  readonly kinds?: readonly BatchChildKind[]
}

const CHILDREN: { readonly [K in BatchChildKind]: (options: OpArbitraryOptions) => fc.Arbitrary<BatchChildTypes[K]> } = {
  addColumn: arbBatchAddColumn,
  alterColumn: arbBatchAlterColumn,
  dropColumn: arbBatchDropColumn,
  createIndex: arbBatchCreateIndex,
  dropIndex: arbBatchDropIndex,
  createPrimaryKey: arbBatchCreatePrimaryKey,
  createUniqueConstraint: arbBatchCreateUniqueConstraint,
  createForeignKey: arbBatchCreateForeignKey,
  createCheckConstraint: arbBatchCreateCheckConstraint,
  dropConstraint: arbBatchDropConstraint,
  createTableComment: arbBatchCreateTableComment,
  dropTableComment: arbBatchDropTableComment,
  executeSql: arbExecuteSql,
}

/**
 * Every kind allowed inside a batch.
 * @example
 * BATCH_CHILD_KINDS.length // => 13
 * BATCH_CHILD_KINDS.includes('executeSql') // => true
 */
export const BATCH_CHILD_KINDS: readonly BatchChildKind[] = Object.freeze(Object.keys(CHILDREN) as BatchChildKind[])

/**
 * An op as it appears inside a batch: no `tableName`/`schema` (`sourceTable`/`sourceSchema`
 * for a foreign key); `addColumn`, `alterColumn` and a `dropColumn` carrying its column may
 * have `insertBefore` or `insertAfter`.
 * @example
 * arbBatchChild({ kinds: ['addColumn'] }) // { kind: 'addColumn', column: { name: 'c', type: 'text' }, insertAfter: 'b' }
 */
export function arbBatchChild(options: BatchChildOptions = {}): fc.Arbitrary<BatchChildOp> {
  return memo('arbBatchChild', options, () => {
    const kinds = options.kinds ?? BATCH_CHILD_KINDS
    return fc.oneof(...kinds.map((k): fc.Arbitrary<BatchChildOp> => CHILDREN[k](options)))
  })
}

/**
 * Options of {@link arbBatch}.
 * @example
 * import fc from 'fast-check'
 * const options: BatchOptions = { maxChildren: 2, kinds: ['addColumn', 'dropColumn'], reversible: true }
 * fc.assert(fc.property(arbBatch(options), (op) => op.ops.length <= 2 && isReversible(op)))
 */
export interface BatchOptions extends BatchChildOptions {
  /** Most children in one batch; default 4. */
  readonly maxChildren?: number
}

/**
 * A `batch` of 0–4 children, `recreate`, `partialReordering`, and at times a `copyFrom` table
 * definition. `copyFrom` is left out with `{ reversible: true }`: the reverse of a batch with a
 * `copyFrom` computes the table after the batch from the schema model, so it is reversible
 * only when the children fit that definition (use `opSequence` for such batches).
 * @example
 * arbBatch() // { kind: 'batch', tableName: 't', recreate: 'always', ops: [{ kind: 'dropColumn', columnName: 'c' }] }
 */
export function arbBatch(options: BatchOptions = {}): fc.Arbitrary<BatchOp> {
  return memo('arbBatch', options, () => {
    const optional = {
      recreate: fc.constantFrom('auto' as const, 'always' as const, 'never' as const),
      partialReordering: fc.array(fc.uniqueArray(arbName(options), { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
      info: arbJsonObject(),
    }
    const head =
      options.reversible === true
        ? arbObject({}, optional)
        : arbObject({}, { ...optional, copyFrom: arbTableDefinition(options) })
    return fc
      .tuple(arbTableTarget(options), head, fc.array(arbBatchChild(options), { maxLength: options.maxChildren ?? 4 }))
      .map(([t, h, ops]) => finish<BatchOp>(options)({ kind: 'batch', ...t, ...h, ops }))
  })
}
