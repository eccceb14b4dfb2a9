import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type AlterColumnOp } from '@athanor/ir'
import { sqliteQuote as q } from '../quote.js'

/** The first change `ALTER TABLE` cannot make on SQLite, in the order they are checked, if any. */
function inPlaceChange(op: AlterColumnOp): 'type' | 'nullable' | 'serverDefault' | 'autoincrement' | 'identity' | undefined {
  // Field by field rather than a loop over names: a lookup by a variable key is slow on ops.
  if (op.type !== undefined) return 'type'
  if (op.nullable !== undefined) return 'nullable'
  if (op.serverDefault !== undefined) return 'serverDefault'
  if (op.autoincrement !== undefined) return 'autoincrement'
  if (op.identity !== undefined) return 'identity'
  return undefined
}

/**
 * `ALTER TABLE t RENAME COLUMN a TO b` (SQLite 3.25+, catalog §2.4). A comment change compiles
 * to nothing (SQLite stores no comments). A change of type, nullability, default, autoincrement
 * or identity is refused: SQLite cannot alter a column in place; a batch rebuilds the table.
 */
export function compileAlterColumn(op: AlterColumnOp, _ctx: HandlerContext): readonly Statement[] {
  const field = inPlaceChange(op)
  if (field !== undefined) {
    throw new UnsupportedOperationError({
      kind: op.kind,
      engine: 'sqlite',
      path: field,
      message: `sqlite cannot change a column's ${field === 'serverDefault' ? 'default' : field} in place; put the alterColumn in a batch (recreate "auto"), which rebuilds the table`,
    })
  }
  if (op.newColumnName === undefined || op.newColumnName === op.columnName) return []
  return [statement(`${alterTable(q, op.tableName, op.schema)} RENAME COLUMN ${q.ident(op.columnName)} TO ${q.ident(op.newColumnName)}`)]
}
