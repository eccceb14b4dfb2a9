import { sqlMentions, type Column, type CreateTableOp, type TableConstraint } from '@athanor/ir'
import { autoincrementOf } from '../autoincrement.js'
import { hasReferentialAction, refuseCheckNaming } from '../check-rules.js'
import type { MysqlTarget } from '../target.js'

// The AUTO_INCREMENT and CHECK rules (autoincrement.ts, check-rules.ts) applied to a createTable,
// read straight off the op: they give what they give on the table model `tableModelOf(op)`,
// without building it, since this runs on every CREATE TABLE compiled. In that model the primary
// key is the first primaryKey constraint of the op, else the `primaryKey` columns merged in
// column order; the other constraints follow, the explicit ones first, then those the columns'
// flags imply, column by column (`unique` without `index` a UNIQUE, `index` an index).

const NO_CONSTRAINTS: readonly TableConstraint[] = Object.freeze([])

/**
 * The column of the table's unnamed one-column primary key (see `soleKeyColumn`), or undefined.
 * @example
 * import { createTable } from '@athanor/ir'
 * soleKeyOf(createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer', primaryKey: true }] })) // => 'id'
 */
export function soleKeyOf(op: CreateTableOp): string | undefined {
  // Indexed, not for…of: ops are frozen, and iterating a frozen array is slower.
  const constraints = op.constraints ?? NO_CONSTRAINTS
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as TableConstraint
    if (c.type === 'primaryKey') return c.name === undefined && c.columns.length === 1 ? c.columns[0] : undefined
  }
  const columns = op.columns
  let key: string | undefined
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column
    if (c.primaryKey !== true) continue
    if (key !== undefined) return undefined
    key = c.name
  }
  return key
}

/**
 * True when `column` is the first column of a key or index of the table, as MySQL wants of an
 * AUTO_INCREMENT column (see `isFirstKeyColumn`).
 * @example
 * import { createTable } from '@athanor/ir'
 * startsKey(createTable({ tableName: 't', columns: [{ name: 'n', type: 'integer', autoincrement: true, index: true }] }), 'n') // => true
 */
export function startsKey(op: CreateTableOp, column: string): boolean {
  let explicitKey = false
  const constraints = op.constraints ?? NO_CONSTRAINTS
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as TableConstraint
    if (c.type === 'primaryKey') {
      // Only the first primary key counts, as in the model.
      if (!explicitKey && c.columns[0] === column) return true
      explicitKey = true
    } else if ((c.type === 'unique' || c.type === 'index') && c.columns[0] === column) return true
  }
  const columns = op.columns
  // Without an explicit primary key, the first primaryKey column leads the key the flags make.
  let leaderSeen = explicitKey
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column
    if (!leaderSeen && c.primaryKey === true) {
      if (c.name === column) return true
      leaderSeen = true
    }
    if (c.name === column && (c.unique === true || c.index === true)) return true
  }
  return false
}

/**
 * Refuses each CHECK of the table that names a column the server forbids there (see
 * `checkConditionAllowed`), the explicit ones first, at the path of its condition.
 * @example
 * import { createTable } from '@athanor/ir'
 * const op = createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer', primaryKey: true, check: { condition: 'id > 0' } }] })
 * checkTableChecks(op, 'id', mysqlTarget({ flavour: 'mysql' }, mysqlQuote)) // throws { code: 'UNSUPPORTED_OPERATION', path: 'columns[0].check.condition' }
 */
export function checkTableChecks(op: CreateTableOp, soleKey: string | undefined, target: MysqlTarget): void {
  const constraints = op.constraints
  if (constraints !== undefined) {
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]
      if (c?.type === 'check') checkCondition(op, c.condition, soleKey, target, () => `constraints[${i}].condition`)
    }
  }
  const columns = op.columns
  for (let i = 0; i < columns.length; i++) {
    const check = columns[i]?.check
    if (check !== undefined) checkCondition(op, check.condition, soleKey, target, () => `columns[${i}].check.condition`)
  }
}

/** Refuses `condition` when it names an AUTO_INCREMENT column, else when it names a column a foreign key acts on (in the model's order). */
function checkCondition(op: CreateTableOp, condition: string, soleKey: string | undefined, target: MysqlTarget, path: () => string): void {
  const { flavour } = target
  for (const c of op.columns) {
    if (autoincrementOf(c, soleKey, flavour) && sqlMentions(condition, c.name)) refuseCheckNaming(c.name, true, target, op.kind, path())
  }
  for (const c of op.constraints ?? NO_CONSTRAINTS) {
    if (c.type !== 'foreignKey' || !hasReferentialAction(c, flavour)) continue
    for (const col of c.localCols) if (sqlMentions(condition, col)) refuseCheckNaming(col, false, target, op.kind, path())
  }
  for (const c of op.columns) {
    if (actsOn(c, flavour) && sqlMentions(condition, c.name)) refuseCheckNaming(c.name, false, target, op.kind, path())
  }
}

/** True when the column's own foreign key acts on it (see `hasReferentialAction`). */
function actsOn(column: Column, flavour: string): boolean {
  return column.foreignKey !== undefined && hasReferentialAction(column.foreignKey, flavour)
}
