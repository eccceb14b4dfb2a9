import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type AlterColumnOp, type ConstraintModel } from '@athanor/ir'
import { impliedAutoincrement } from '../autoincrement.js'
import { appendRestatedSpec, defaultSql } from '../column-spec.js'
import { columnAfterFound, snapshotColumn } from '../existing-state.js'
import { checkKeysOfColumn } from '../key-parts.js'
import { supports, type MysqlTarget } from '../target.js'
import { isDatetimeFamily } from '../types.js'

/**
 * One statement, chosen as the catalog says (§2.3):
 * - `ALTER TABLE t RENAME COLUMN c TO x` for a rename alone, where the server has it (MySQL 8,
 *   MariaDB 10.5.2), which needs nothing else about the column;
 * - `ALTER TABLE t CHANGE c x <spec>` for a rename with other changes (or on older servers), and
 *   for a change to a DATETIME-family column whose default is not dropped (`CHANGE c c <spec>`);
 * - `ALTER TABLE t MODIFY c <spec>` when the type, nullability, comment or auto-increment changes;
 * - `ALTER TABLE t ALTER COLUMN c SET DEFAULT d` / `… DROP DEFAULT` when only the default does.
 * `<spec>` is `TYPE NULL|NOT NULL [AUTO_INCREMENT] [DEFAULT d [ON UPDATE x]] [COMMENT 'c']`, the
 * whole column: what the op does not change is restated from its `existing*` fields or the schema
 * snapshot, and refused with `MissingExistingStateError` when neither has it (see `columnAfter`).
 */
export function compileAlterColumn(op: AlterColumnOp, ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const q = target.quote
  if (op.identity !== undefined) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: target.name, path: 'identity', message: `${target.name} has no identity columns; use autoincrement` })
  }
  const table = alterTable(q, op.tableName, op.schema)
  const column = q.ident(op.columnName)
  const rename = op.newColumnName !== undefined && op.newColumnName !== op.columnName
  const restates = op.type !== undefined || op.nullable !== undefined || op.comment !== undefined || op.autoincrement !== undefined
  const defaultChange = op.serverDefault !== undefined
  // Differs from Alembic, which emits `CHANGE c c DATETIME NULL` for an op that changes nothing
  // but names a DATETIME existing type: nothing to change, no SQL.
  if (!rename && !restates && !defaultChange) return []
  if (rename && !restates && !defaultChange && supports(target, 'renameColumn')) {
    // Differs from Alembic, which always uses CHANGE (and so needs the column's whole definition).
    return [statement(`${table} RENAME COLUMN ${column} TO ${q.ident(op.newColumnName ?? op.columnName)}`)]
  }
  const found = snapshotColumn(ctx.snapshot, op)
  if (op.type !== undefined && found !== undefined) checkKeysOfColumn(found.table, op.columnName, op.type, target, op.kind, 'type')
  if (op.nullable === false && found !== undefined) refuseNotNullUnderSetNull(op, found.table.constraints, target)
  const knownType = op.type ?? op.existingType ?? found?.column.type
  const datetimeChange = knownType !== undefined && isDatetimeFamily(knownType, target.flavour) && op.serverDefault !== null
  if (rename || datetimeChange || restates) {
    const state = columnAfterFound(op, ctx.snapshot, found, target)
    if (rename || datetimeChange) return [statement(appendRestatedSpec(`${table} CHANGE ${column} ${q.ident(op.newColumnName ?? op.columnName)}`, state, target, op))]
    return [statement(appendRestatedSpec(`${table} MODIFY ${column}`, state, target, op))]
  }
  // Only the default changes: ALTER COLUMN, which needs nothing else about the column. MySQL
  // refuses a default on an AUTO_INCREMENT or generated column (MariaDB ignores it silently).
  const serverDefault = op.serverDefault
  if (serverDefault === null || serverDefault === undefined) return [statement(`${table} ALTER COLUMN ${column} DROP DEFAULT`)]
  const autoincrement = op.existingAutoincrement ?? (found === undefined ? false : impliedAutoincrement(found.table, found.column, target.flavour))
  if (autoincrement || found?.column.computed !== undefined) {
    throw new UnsupportedOperationError({
      kind: op.kind,
      engine: target.name,
      path: 'serverDefault',
      message: `${target.name}: column ${JSON.stringify(op.columnName)} is ${autoincrement ? 'AUTO_INCREMENT' : 'generated'} and cannot have a default${autoincrement ? '; give autoincrement: false as well to stop numbering it' : ''}`,
    })
  }
  return [statement(`${table} ALTER COLUMN ${column} SET DEFAULT ${defaultSql(serverDefault, knownType, target)}`)]
}

/**
 * MySQL and MariaDB refuse NOT NULL on a column whose foreign key sets it to NULL (`ON DELETE SET
 * NULL` / `ON UPDATE SET NULL`): refused here, before any SQL, when the snapshot shows such a key.
 */
function refuseNotNullUnderSetNull(op: AlterColumnOp, constraints: readonly ConstraintModel[], target: MysqlTarget): void {
  for (const c of constraints) {
    if (c.type !== 'foreignKey' || !c.localCols.includes(op.columnName)) continue
    const setNull = [c.onDelete, c.onUpdate].some((a) => a !== undefined && /^\s*SET\s+NULL/i.test(a))
    if (setNull) {
      throw new UnsupportedOperationError({
        kind: op.kind,
        engine: target.name,
        path: 'nullable',
        message: `${target.name}: column ${JSON.stringify(op.columnName)} cannot be NOT NULL while foreign key ${c.name === undefined ? '(unnamed)' : JSON.stringify(c.name)} sets it to NULL; change the key's action first`,
      })
    }
  }
}
