import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, findTable, sqlMentions, type ConstraintModel, type DropColumnOp } from '@athanor/ir'
import { sqliteQuote as q } from '../quote.js'

function uses(c: ConstraintModel, column: string): boolean {
  switch (c.type) {
    case 'primaryKey':
    case 'unique':
      return c.columns.includes(column)
    case 'foreignKey':
      return c.localCols.includes(column)
    case 'check':
      return sqlMentions(c.condition, column)
  }
}

/**
 * `DROP INDEX i` for each index using the column (the schema model drops them with it, SQLite
 * refuses to drop an indexed column), then `ALTER TABLE t DROP COLUMN c` (SQLite 3.35+). With
 * the schema snapshot, a column that a key, unique or check constraint uses is refused (SQLite
 * cannot drop it; a batch rebuilds the table without it). `ifExists` is refused: SQLite has no
 * such form (Alembic emits it anyway, catalog §2.4).
 */
export function compileDropColumn(op: DropColumnOp, ctx: HandlerContext): readonly Statement[] {
  if (op.ifExists === true) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: 'sqlite', path: 'ifExists', message: 'sqlite has no DROP COLUMN IF EXISTS; drop it without ifExists' })
  }
  const table = ctx.snapshot === undefined ? undefined : findTable(ctx.snapshot, op.tableName, op.schema)
  const out: Statement[] = []
  if (table !== undefined) {
    const blocking = table.constraints.find((c) => uses(c, op.columnName))
    if (blocking !== undefined) {
      throw new UnsupportedOperationError({
        kind: op.kind,
        engine: 'sqlite',
        path: 'columnName',
        message: `sqlite cannot drop column ${JSON.stringify(op.columnName)}: a ${blocking.type} constraint uses it; drop it in a batch (recreate "auto"), which rebuilds the table`,
      })
    }
    for (const ix of table.indexes) {
      const used = ix.columns.some((c) => (typeof c === 'string' ? c === op.columnName : sqlMentions(c.sql, op.columnName))) || (ix.sqliteWhere !== undefined && sqlMentions(ix.sqliteWhere, op.columnName))
      if (used) out.push(statement(`DROP INDEX ${q.qualified(ix.name, op.schema)}`))
    }
  }
  out.push(statement(`${alterTable(q, op.tableName, op.schema)} DROP COLUMN ${q.ident(op.columnName)}`))
  return out
}
