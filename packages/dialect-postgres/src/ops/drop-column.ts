import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropColumnOp } from '@athanor/ir'
import { postgresQuote as q } from '../quote.js'

/** `ALTER TABLE t DROP COLUMN [IF EXISTS] c` */
export function compileDropColumn(op: DropColumnOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(`${alterTable(q, op.tableName, op.schema)} DROP COLUMN ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.ident(op.columnName)}`)]
}
