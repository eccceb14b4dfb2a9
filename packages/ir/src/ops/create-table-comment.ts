import type { JsonObject } from '../json.js'
import { makeOp, tableBatchRules, type OpFields, type OpSpec } from '../op-spec.js'
import { name, nullable, string } from '../spec.js'

/**
 * Set a table's comment (Alembic's `op.create_table_comment`). `existingComment` is the comment
 * now (`null`: none); `reverse` needs it — unlike Alembic, which guesses "none".
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = createTableComment({ tableName: 'account', comment: 'People who sign in', existingComment: null })
 * postgresql.compile(op) // => [{ sql: "COMMENT ON TABLE account IS 'People who sign in'" }]
 */
export interface CreateTableCommentOp {
  readonly kind: 'createTableComment'
  readonly tableName: string
  readonly comment: string
  readonly schema?: string
  readonly existingComment?: string | null
  readonly info?: JsonObject
}

/**
 * `createTableComment` inside a batch.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const child: BatchCreateTableCommentOp = { kind: 'createTableComment', comment: 'People who sign in' }
 * postgresql.compile(batch({ tableName: 'account', ops: [child] })) // => [{ sql: "COMMENT ON TABLE account IS 'People who sign in'" }]
 */
export type BatchCreateTableCommentOp = Omit<CreateTableCommentOp, 'tableName' | 'schema'>

/** Validation rules of `createTableComment`. */
export const createTableCommentSpec: OpSpec<CreateTableCommentOp> = {
  kind: 'createTableComment',
  fields: { tableName: name, comment: string, schema: name, existingComment: nullable(string) },
  required: ['tableName', 'comment'],
  batch: tableBatchRules,
}

/**
 * Builds a frozen {@link CreateTableCommentOp}.
 * @example
 * createTableComment({ tableName: 'account', comment: 'People who sign in' })
 * // => { kind: 'createTableComment', tableName: 'account', comment: 'People who sign in' }
 */
export function createTableComment(fields: OpFields<CreateTableCommentOp>): CreateTableCommentOp {
  return makeOp(createTableCommentSpec, fields)
}
