import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropTableOp } from '@athanor/ir'
import type { MysqlTarget } from '../target.js'

/** `DROP TABLE [IF EXISTS] [schema.]t` */
export function compileDropTable(op: DropTableOp, _ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  return [statement(`DROP TABLE ${op.ifExists === true ? 'IF EXISTS ' : ''}${target.quote.qualified(op.tableName, op.schema)}`)]
}
