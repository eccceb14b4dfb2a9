import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, findTable, sqlMentions, type DropColumnOp, type TableModel } from '@athanor/ir'
import { constraintSql } from '../constraint-sql.js'
import { supports, type MysqlTarget } from '../target.js'
import { dropsBeforeColumn } from './drop-column-keys.js'

/**
 * `ALTER TABLE t [DROP …,] DROP COLUMN [IF EXISTS] c`. With a schema snapshot, the keys, indexes
 * and checks that use the column and that MySQL would keep (or refuse to drop the column for) go
 * first, in the same statement (see `dropsBeforeColumn`); on MariaDB, the checks that name no
 * column are added again after it (`ALTER TABLE t ADD CONSTRAINT n CHECK (…)`).
 */
export function compileDropColumn(op: DropColumnOp, ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  if (op.ifExists === true && !supports(target, 'columnIfExists')) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: target.name, path: 'ifExists', message: `${target.name}: DROP COLUMN has no IF EXISTS form on MySQL` })
  }
  const table = ctx.snapshot === undefined ? undefined : findTable(ctx.snapshot, op.tableName, op.schema)
  const before = table === undefined ? undefined : dropsBeforeColumn(table, op.columnName, target)
  const alter = alterTable(target.quote, op.tableName, op.schema)
  const drop = `DROP COLUMN ${op.ifExists === true ? 'IF EXISTS ' : ''}${target.quote.ident(op.columnName)}`
  const out = [statement(`${alter} ${before === undefined || before.length === 0 ? drop : `${before.join(', ')}, ${drop}`}`)]
  if (table !== undefined && target.flavour === 'mariadb' && table.columns.some((c) => c.name === op.columnName)) {
    for (const check of columnFreeChecks(table)) out.push(statement(`${alter} ADD ${constraintSql({ type: 'check', condition: check.condition }, check.name, target)}`))
  }
  return out
}

/**
 * The named checks that name no column of the table (`1 = 1`): MariaDB (10.11) drops every one of
 * them with any column, since the columns they use, none, are all among those dropped.
 */
function columnFreeChecks(table: TableModel): { readonly name: string; readonly condition: string }[] {
  return table.constraints.flatMap((c) =>
    c.type === 'check' && c.name !== undefined && !table.columns.some((col) => sqlMentions(c.condition, col.name)) ? [{ name: c.name, condition: c.condition }] : [],
  )
}
