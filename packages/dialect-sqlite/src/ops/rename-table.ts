import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { RenameTableOp } from '@athanor/ir'
import { sqliteQuote as q } from '../quote.js'

/** `ALTER TABLE [schema.]old RENAME TO new` (the new name is never qualified, catalog §2.4). */
export function compileRenameTable(op: RenameTableOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(`${alterTable(q, op.oldTableName, op.schema)} RENAME TO ${q.ident(op.newTableName)}`)]
}
