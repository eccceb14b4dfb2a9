import type { JsonObject } from '../json.js'
import { makeOp, tableBatchRules, type OpFields, type OpSpec } from '../op-spec.js'
import { name, string } from '../spec.js'

/**
 * Remove a table's comment (Alembic's `op.drop_table_comment`). `existingComment`, the comment
 * removed, makes it reversible.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = dropTableComment({ tableName: 'account', existingComment: 'People who sign in' })
 * postgresql.compile(op) // => [{ sql: 'COMMENT ON TABLE account IS NULL' }]
 */
export interface DropTableCommentOp {
  readonly kind: 'dropTableComment'
  readonly tableName: string
  readonly schema?: string
  readonly existingComment?: string
  readonly info?: JsonObject
}

/**
 * `dropTableComment` inside a batch.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const child: BatchDropTableCommentOp = { kind: 'dropTableComment', existingComment: 'People who sign in' }
 * postgresql.compile(batch({ tableName: 'account', ops: [child] })) // => [{ sql: 'COMMENT ON TABLE account IS NULL' }]
 */
export type BatchDropTableCommentOp = Omit<DropTableCommentOp, 'tableName' | 'schema'>

/** Validation rules of `dropTableComment`. */
export const dropTableCommentSpec: OpSpec<DropTableCommentOp> = {
  kind: 'dropTableComment',
  fields: { tableName: name, schema: name, existingComment: string },
  required: ['tableName'],
  batch: tableBatchRules,
}

/**
 * Builds a frozen {@link DropTableCommentOp}.
 * @example
 * dropTableComment({ tableName: 'account' }) // => { kind: 'dropTableComment', tableName: 'account' }
 */
export function dropTableComment(fields: OpFields<DropTableCommentOp>): DropTableCommentOp {
  return makeOp(dropTableCommentSpec, fields)
}
