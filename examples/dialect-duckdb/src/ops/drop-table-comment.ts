import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropTableCommentOp } from '@athanor/ir'
import { duckdbQuote as q } from '../quote.js'

/** `COMMENT ON TABLE [schema.]t IS NULL` */
export function compileDropTableComment(op: DropTableCommentOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(`COMMENT ON TABLE ${q.qualified(op.tableName, op.schema)} IS NULL`)]
}
