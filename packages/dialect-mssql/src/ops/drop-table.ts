import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropTableOp } from '@athanor/ir'
import { mssqlQuote as q } from '../quote.js'

/** `DROP TABLE [IF EXISTS] [schema.]t` (`IF EXISTS` needs SQL Server 2016). */
export function compileDropTable(op: DropTableOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(`DROP TABLE ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.qualified(op.tableName, op.schema)}`)]
}
