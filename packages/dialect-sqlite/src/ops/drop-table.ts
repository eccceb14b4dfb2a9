import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropTableOp } from '@athanor/ir'
import { sqliteQuote as q } from '../quote.js'

/** `DROP TABLE [IF EXISTS] [schema.]t` (its indexes and triggers go with it). */
export function compileDropTable(op: DropTableOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(`DROP TABLE ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.qualified(op.tableName, op.schema)}`)]
}
