import { UnsupportedOperationError, sqlMentions, type ConstraintModel, type TableModel } from '@athanor/ir'
import { autoincrementColumnsIn } from './autoincrement.js'
import type { MysqlTarget } from './target.js'

// What MySQL and MariaDB refuse about CHECK constraints beyond their syntax, checked before any
// SQL is written: a check may not name an AUTO_INCREMENT column, nor a column that a foreign key
// uses with a referential action (ON DELETE / ON UPDATE CASCADE, SET NULL, SET DEFAULT).

const NO_ACTION = new Set(['RESTRICT', 'NO ACTION'])
const acts = (action: string | undefined): boolean => action !== undefined && !NO_ACTION.has(action.trim().replace(/\s+/g, ' ').toUpperCase())

/** The local columns of the table's foreign keys that have a referential action. */
export function actionColumns(constraints: readonly ConstraintModel[]): Set<string> {
  const out = new Set<string>()
  for (const c of constraints) if (c.type === 'foreignKey' && (acts(c.onDelete) || acts(c.onUpdate))) c.localCols.forEach((col) => out.add(col))
  return out
}

/** True when the foreign key has an ON DELETE or ON UPDATE action other than RESTRICT / NO ACTION. */
export function hasReferentialAction(fk: { readonly onDelete?: string; readonly onUpdate?: string }): boolean {
  return acts(fk.onDelete) || acts(fk.onUpdate)
}

/**
 * Refuses, with `UNSUPPORTED_OPERATION` at `path`, a check `condition` the server would reject on
 * `table` (see the rules above). `table` is the table with the check's neighbours: its columns and
 * constraints.
 * @example
 * checkConditionAllowed('parent_id > 0', table, target, 'createCheckConstraint', 'condition') // throws when parent_id is ON DELETE CASCADE
 */
export function checkConditionAllowed(condition: string, table: Pick<TableModel, 'columns' | 'constraints'>, target: MysqlTarget, kind: string, path: string): void {
  const numbered = autoincrementColumnsIn(table, condition, target.flavour)
  const acting = [...actionColumns(table.constraints)].filter((c) => sqlMentions(condition, c))
  const column = numbered[0] ?? acting[0]
  if (column === undefined) return
  throw new UnsupportedOperationError({
    kind,
    engine: target.name,
    path,
    message: `${target.name}: a CHECK cannot name ${JSON.stringify(column)}, ${numbered.length > 0 ? 'an AUTO_INCREMENT column' : 'a column a foreign key uses with an ON DELETE / ON UPDATE action'}`,
  })
}
