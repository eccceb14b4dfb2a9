import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { CreateTableCommentOp } from '@athanor/ir'
import { postgresQuote as q } from '../quote.js'

/** `COMMENT ON TABLE t IS 'comment'` */
export function compileCreateTableComment(op: CreateTableCommentOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(`COMMENT ON TABLE ${q.qualified(op.tableName, op.schema)} IS ${q.literal(op.comment)}`)]
}
