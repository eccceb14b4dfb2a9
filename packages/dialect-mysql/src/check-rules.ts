import { UnsupportedOperationError, sqlMentions, type ConstraintModel, type TableModel } from '@athanor/ir'
import { autoincrementColumnsIn } from './autoincrement.js'
import type { MysqlTarget } from './target.js'

// What MySQL and MariaDB refuse about CHECK constraints beyond their syntax, checked before any
// SQL is written: a check may not name an AUTO_INCREMENT column, nor a column that a foreign key
// acts on. MySQL 8 counts every ON DELETE / ON UPDATE action but RESTRICT and NO ACTION; MariaDB
// (checked on 10.11) only those that change the column: ON DELETE SET NULL / SET DEFAULT and
// ON UPDATE CASCADE / SET NULL / SET DEFAULT (ON DELETE CASCADE removes the row instead).

const word = (action: string | undefined): string => (action ?? 'NO ACTION').trim().replace(/\s+/g, ' ').toUpperCase()
const NO_ACTION = new Set(['RESTRICT', 'NO ACTION'])

/** True when the foreign key acts on its local columns in a way a CHECK on them rules out, for the flavour. */
export function hasReferentialAction(fk: { readonly onDelete?: string; readonly onUpdate?: string }, flavour: string): boolean {
  const onDelete = word(fk.onDelete)
  const onUpdate = word(fk.onUpdate)
  if (flavour === 'mariadb') return !NO_ACTION.has(onUpdate) || (onDelete !== 'CASCADE' && !NO_ACTION.has(onDelete))
  return !NO_ACTION.has(onDelete) || !NO_ACTION.has(onUpdate)
}

/** The local columns of the table's foreign keys that act on them (see {@link hasReferentialAction}). */
export function actionColumns(constraints: readonly ConstraintModel[], flavour: string): Set<string> {
  const out = new Set<string>()
  for (const c of constraints) if (c.type === 'foreignKey' && hasReferentialAction(c, flavour)) c.localCols.forEach((col) => out.add(col))
  return out
}

/**
 * Refuses, with `UNSUPPORTED_OPERATION` at `path`, a check `condition` the server would reject on
 * `table` (see the rules above). `table` is the table with the check's neighbours: its columns and
 * constraints.
 * @example
 * import type { TableModel } from '@athanor/ir'
 * const post: TableModel = {
 *   name: 'post', columns: [{ name: 'author_id', type: 'integer', nullable: true }], indexes: [],
 *   constraints: [{ type: 'foreignKey', name: 'fk_post_author', localCols: ['author_id'], referentTable: 'account', remoteCols: ['id'], onDelete: 'CASCADE' }],
 * }
 * const target = mysqlTarget({ flavour: 'mysql' }, mysqlQuote)
 * checkConditionAllowed('author_id > 0', post, target, 'createCheckConstraint', 'condition') // throws { code: 'UNSUPPORTED_OPERATION', path: 'condition' }
 */
export function checkConditionAllowed(condition: string, table: Pick<TableModel, 'columns' | 'constraints'>, target: MysqlTarget, kind: string, path: string): void {
  const numbered = autoincrementColumnsIn(table, condition, target.flavour)[0]
  if (numbered !== undefined) refuseCheckNaming(numbered, true, target, kind, path)
  for (const column of actionColumns(table.constraints, target.flavour)) {
    if (sqlMentions(condition, column)) refuseCheckNaming(column, false, target, kind, path)
  }
}

/**
 * The refusal of a check naming `column`, with `UNSUPPORTED_OPERATION` at `path`: an AUTO_INCREMENT
 * column when `numbered`, else a column a foreign key acts on.
 * @example
 * const target = mysqlTarget({ flavour: 'mariadb' }, mariadbQuote)
 * refuseCheckNaming('id', true, target, 'createTable', 'columns[0].check.condition') // throws { code: 'UNSUPPORTED_OPERATION', path: 'columns[0].check.condition' }
 */
export function refuseCheckNaming(column: string, numbered: boolean, target: MysqlTarget, kind: string, path: string): never {
  throw new UnsupportedOperationError({
    kind,
    engine: target.name,
    path,
    message: `${target.name}: a CHECK cannot name ${JSON.stringify(column)}, ${numbered ? 'an AUTO_INCREMENT column (the column of an unnamed integer primary key is one unless it says autoincrement: false)' : 'a column a foreign key changes (ON DELETE SET NULL, ON UPDATE CASCADE, …)'}`,
  })
}
