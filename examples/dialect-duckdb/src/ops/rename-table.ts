import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { RenameTableOp } from '@athanor/ir'
import { withIndexesAside } from '../indexes-aside.js'
import { duckdbQuote as q } from '../quote.js'
import { refuseReferencedTable } from '../references.js'

/**
 * `ALTER TABLE [schema.]old RENAME TO new` (the new name is not qualified: the table stays in its
 * schema), with the table's indexes set aside (see `withIndexesAside`). A table other tables'
 * foreign keys point at is refused when the snapshot shows one: DuckDB will not rename it.
 */
export function compileRenameTable(op: RenameTableOp, ctx: HandlerContext): readonly Statement[] {
  refuseReferencedTable(ctx.snapshot, op.oldTableName, op.schema, { kind: op.kind, path: 'oldTableName', doing: 'rename' })
  const sql = `${alterTable(q, op.oldTableName, op.schema)} RENAME TO ${q.ident(op.newTableName)}`
  return withIndexesAside(op, { tableName: op.oldTableName, schema: op.schema, newTableName: op.newTableName }, [statement(sql)], ctx)
}
