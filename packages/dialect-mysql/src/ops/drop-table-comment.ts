import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropTableCommentOp } from '@athanor/ir'
import type { MysqlTarget } from '../target.js'

/** `ALTER TABLE t COMMENT ''` (MySQL's "no comment": catalog §2.3). */
export function compileDropTableComment(op: DropTableCommentOp, _ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  return [statement(`${alterTable(target.quote, op.tableName, op.schema)} COMMENT ''`)]
}
