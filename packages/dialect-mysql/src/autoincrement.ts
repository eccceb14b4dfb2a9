import { sqlMentions, type ColumnModel, type TableModel } from '@athanor/ir'
import { isIntegerType } from './types.js'

// When a column is AUTO_INCREMENT. A column that says `autoincrement: true` or `false` is taken
// at its word. Otherwise the reference's "auto" rule decides (SQLAlchemy: the table's only
// primary-key column, of an integer type, with no default and no foreign key), with two
// restrictions: the key must be unnamed (`primaryKey: true` on the column, or a primaryKey
// constraint without a name), and no check of the table may name the column (MySQL and MariaDB
// refuse a CHECK on an AUTO_INCREMENT column, so the reference's table would fail).
//
// Differs from Alembic, which also numbers a named key's column: the schema model keeps a table's
// key and its name but not how the key was made, and an alterColumn that restates the column
// (MODIFY) must tell from the model alone whether the column is AUTO_INCREMENT. A key added later
// with createPrimaryKey always has a name and never makes its column AUTO_INCREMENT, so the rule
// below, applied to a model, says what createTable did. Say `autoincrement: true` to number the
// column of a named key.

/**
 * True when createTable (or addColumn with `inlinePrimaryKey`) makes `column` AUTO_INCREMENT
 * without being told: it does not say `autoincrement`, it is the only column of the table's
 * unnamed primary key, its type is an integer, it has no default, generated value or foreign key,
 * and no check of the table names it.
 * @example
 * impliedAutoincrement({ name: 't', columns: [id], constraints: [{ type: 'primaryKey', columns: ['id'] }], indexes: [] }, id) // true
 */
export function impliedAutoincrement(table: Pick<TableModel, 'constraints'>, column: ColumnModel, flavour = 'mysql'): boolean {
  if (column.autoincrement !== undefined) return column.autoincrement
  const pk = table.constraints.find((c) => c.type === 'primaryKey')
  if (pk === undefined || pk.type !== 'primaryKey' || pk.name !== undefined || pk.columns.length !== 1 || pk.columns[0] !== column.name) return false
  if (column.serverDefault !== undefined || column.computed !== undefined || column.identity !== undefined) return false
  if (table.constraints.some((c) => (c.type === 'foreignKey' && c.localCols.includes(column.name)) || (c.type === 'check' && sqlMentions(c.condition, column.name)))) return false
  return isIntegerType(column.type, flavour)
}

/**
 * True when `column` can be AUTO_INCREMENT in `table`: MySQL wants it to be the first column of
 * some key or index.
 * @example
 * isFirstKeyColumn(table, 'id') // true for the first column of the primary key
 */
export function isFirstKeyColumn(table: Pick<TableModel, 'constraints' | 'indexes'>, column: string): boolean {
  const keyed = table.constraints.some((c) => (c.type === 'primaryKey' || c.type === 'unique') && c.columns[0] === column)
  return keyed || table.indexes.some((ix) => ix.columns[0] === column)
}

/**
 * The AUTO_INCREMENT columns of `table` that `condition` names: a CHECK cannot name one (MySQL
 * and MariaDB refuse it).
 * @example
 * autoincrementColumnsIn(table, 'id >= 0') // ['id']
 */
export function autoincrementColumnsIn(table: Pick<TableModel, 'columns' | 'constraints'>, condition: string, flavour = 'mysql'): string[] {
  return table.columns.filter((c) => sqlMentions(condition, c.name) && impliedAutoincrement(table, c, flavour)).map((c) => c.name)
}
