import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { CreateTableCommentOp } from '@athanor/ir'
import { mysqlTextLiteral } from '../quote.js'
import type { MysqlTarget } from '../target.js'

/** `ALTER TABLE t COMMENT 'comment'` (catalog §2.3). */
export function compileCreateTableComment(op: CreateTableCommentOp, _ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const comment = mysqlTextLiteral(op.comment, target.noBackslashEscapes, target.name, 'comment')
  return [statement(`${alterTable(target.quote, op.tableName, op.schema)} COMMENT ${comment}`)]
}
