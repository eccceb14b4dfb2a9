import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { CreateTableCommentOp } from '@athanor/ir'
import { duckdbQuote as q } from '../quote.js'

/** `COMMENT ON TABLE [schema.]t IS '…'` */
export function compileCreateTableComment(op: CreateTableCommentOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(`COMMENT ON TABLE ${q.qualified(op.tableName, op.schema)} IS ${q.literal(op.comment)}`)]
}
