import { sqlMentions, type ColumnModel, type ConstraintModel, type TableModel } from '@athanor/ir'
import { isIntegerType } from './types.js'

// When a column is AUTO_INCREMENT. A column that says `autoincrement: true` or `false` is taken
// at its word. Otherwise the column of an unnamed one-column primary key of an integer type is
// (`primaryKey: true` on the column, or a primaryKey constraint without a name), as the
// reference's "auto" rule numbers a table's only integer key column.
//
// MODIFY and CHANGE restate AUTO_INCREMENT, and a schema model built by applyOps says only what
// the ops said; so whether a column is AUTO_INCREMENT must follow from the model alone, now and
// after any later op. Hence the rule looks only at what ops cannot change behind its back: the
// key (a key added later with createPrimaryKey always has a name), its column's type, and
// whether the column is generated.
//
// Differs from Alembic, which numbers a named key's column too (say `autoincrement: true` here),
// and does not number a key column that has a default or a foreign key (here: createTable refuses
// a default or a check on such a column unless it says `autoincrement: false`, since MySQL would
// reject the table; a foreign key on it is allowed and the column is numbered).

/**
 * The only column of the table's unnamed primary key (the first primaryKey constraint), or
 * undefined: the one column the rule above may number without being told.
 * @example
 * soleKeyColumn([{ type: 'primaryKey', columns: ['id'] }]) // => 'id'
 * soleKeyColumn([{ type: 'primaryKey', name: 'pk_t', columns: ['id'] }]) // => undefined
 */
export function soleKeyColumn(constraints: readonly ConstraintModel[]): string | undefined {
  const pk = constraints.find((c) => c.type === 'primaryKey')
  if (pk === undefined || pk.type !== 'primaryKey' || pk.name !== undefined || pk.columns.length !== 1) return undefined
  return pk.columns[0]
}

/**
 * True when `column` is AUTO_INCREMENT by the rule above, `soleKey` being its table's
 * {@link soleKeyColumn}: `autoincrement` when it says, else whether it is that column, of an
 * integer type, and not generated. Takes a column of an op or of the model alike.
 * @example
 * autoincrementOf({ name: 'id', type: 'integer' }, 'id') // => true
 */
export function autoincrementOf(column: Pick<ColumnModel, 'name' | 'type' | 'autoincrement' | 'computed' | 'identity'>, soleKey: string | undefined, flavour = 'mysql'): boolean {
  if (column.autoincrement !== undefined) return column.autoincrement
  if (column.name !== soleKey || column.computed !== undefined || column.identity !== undefined) return false
  return isIntegerType(column.type, flavour)
}

/**
 * True when `column` is AUTO_INCREMENT by the rule above: `autoincrement` when it says, else
 * whether it is the only column of the table's unnamed primary key, of an integer type, and not
 * generated.
 * @example
 * impliedAutoincrement({ constraints: [{ type: 'primaryKey', columns: ['id'] }] }, { name: 'id', type: 'integer', nullable: false }) // => true
 */
export function impliedAutoincrement(table: Pick<TableModel, 'constraints'>, column: ColumnModel, flavour = 'mysql'): boolean {
  return autoincrementOf(column, soleKeyColumn(table.constraints), flavour)
}

/**
 * True when `column` can be AUTO_INCREMENT in `table`: MySQL wants it to be the first column of
 * some key or index.
 * @example
 * isFirstKeyColumn({ constraints: [{ type: 'primaryKey', columns: ['id', 'n'] }], indexes: [] }, 'id') // => true
 */
export function isFirstKeyColumn(table: Pick<TableModel, 'constraints' | 'indexes'>, column: string): boolean {
  const keyed = table.constraints.some((c) => (c.type === 'primaryKey' || c.type === 'unique') && c.columns[0] === column)
  return keyed || table.indexes.some((ix) => ix.columns[0] === column)
}

/**
 * The AUTO_INCREMENT columns of `table` that `condition` names: a CHECK cannot name one (MySQL
 * and MariaDB refuse it).
 * @example
 * const table = { columns: [{ name: 'id', type: 'integer', nullable: false }], constraints: [{ type: 'primaryKey', columns: ['id'] }] } as const
 * autoincrementColumnsIn(table, 'id >= 0') // => ['id']
 */
export function autoincrementColumnsIn(table: Pick<TableModel, 'columns' | 'constraints'>, condition: string, flavour = 'mysql'): string[] {
  return table.columns.filter((c) => sqlMentions(condition, c.name) && impliedAutoincrement(table, c, flavour)).map((c) => c.name)
}
