import { sqlMentions, type TableModel } from '@athanor/ir'
import { dropCheckClause } from '../constraint-drops.js'
import type { MysqlTarget } from '../target.js'

/**
 * The `DROP …` clauses that must come before `DROP COLUMN c` in the same ALTER TABLE so that the
 * table ends as the schema model says (PostgreSQL's rules: what uses the column goes with it).
 * MySQL and MariaDB drop a one-column index or check with its column themselves, but refuse the
 * column while a check naming other columns, a foreign key or (MariaDB 10.11) an index of several
 * columns uses it; MySQL instead shrinks such an index. So: `DROP PRIMARY KEY`, `DROP INDEX n`
 * (unique constraints and indexes), `DROP FOREIGN KEY n` and the check drop of the flavour for
 * every named one that uses the column. Unnamed items are left to the server.
 * @example
 * import type { TableModel } from '@athanor/ir'
 * const table: TableModel = {
 *   name: 't', columns: ['a', 'b', 'c'].map((name) => ({ name, type: 'integer', nullable: true })),
 *   constraints: [{ type: 'check', name: 'ck_b_c', condition: 'b < c' }], indexes: [{ name: 'ix_a_b', columns: ['a', 'b'] }],
 * }
 * dropsBeforeColumn(table, 'b', mysqlTarget({ flavour: 'mysql' }, mysqlQuote)) // => ['DROP CHECK ck_b_c', 'DROP INDEX ix_a_b']
 */
export function dropsBeforeColumn(table: TableModel, column: string, target: MysqlTarget): string[] {
  const q = target.quote
  const out: string[] = []
  for (const c of table.constraints) {
    if (c.type === 'primaryKey' && c.columns.includes(column) && c.columns.length > 1) out.push('DROP PRIMARY KEY')
    else if (c.name === undefined) continue
    else if (c.type === 'unique' && c.columns.includes(column) && c.columns.length > 1) out.push(`DROP INDEX ${q.ident(c.name)}`)
    else if (c.type === 'foreignKey' && c.localCols.includes(column)) out.push(`DROP FOREIGN KEY ${q.ident(c.name)}`)
    else if (c.type === 'check' && sqlMentions(c.condition, column)) out.push(dropCheckClause(c.name, false, target))
  }
  for (const ix of table.indexes) {
    const uses = ix.columns.some((col) => (typeof col === 'string' ? col === column : sqlMentions(col.sql, column)))
    if (uses && (ix.columns.length > 1 || typeof ix.columns[0] !== 'string')) out.push(`DROP INDEX ${q.ident(ix.name)}`)
  }
  return out
}
