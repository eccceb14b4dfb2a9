import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { RenameTableOp } from '@athanor/ir'
import type { MysqlTarget } from '../target.js'

/** `ALTER TABLE [schema.]old RENAME TO [schema.]new` (the new name keeps the schema: catalog §2.3). */
export function compileRenameTable(op: RenameTableOp, _ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const q = target.quote
  return [statement(`${alterTable(q, op.oldTableName, op.schema)} RENAME TO ${q.qualified(op.newTableName, op.schema)}`)]
}
