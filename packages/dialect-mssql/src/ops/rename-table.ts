import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { RenameTableOp } from '@athanor/ir'
import { mssqlQuote as q } from '../quote.js'

/**
 * `EXEC sp_rename '[schema.]old', new` (catalog §2.5): the old name, quoted as needed, inside a
 * string literal; the new one as an identifier, never schema-qualified.
 */
export function compileRenameTable(op: RenameTableOp, _ctx: HandlerContext): readonly Statement[] {
  // Differs from Alembic, which does not double a quote inside the literal (`'[o'x]'`).
  return [statement(`EXEC sp_rename ${q.literal(q.qualified(op.oldTableName, op.schema))}, ${q.ident(op.newTableName)}`)]
}
