import { MissingExistingStateError, type AlterColumnOp, type ColumnModel, type ColumnType, type SchemaSnapshot, type TableModel } from '@athanor/ir'
import { impliedAutoincrement } from './autoincrement.js'
import type { ColumnState } from './column-spec.js'
import type { MysqlTarget } from './target.js'
import { isDatetimeFamily, isIntegerType } from './types.js'

// MODIFY and CHANGE restate the whole column: whatever they leave out is gone (peers.md §4 row 9:
// renames and nullability changes that forget the type, default, comment, AUTO_INCREMENT or
// ON UPDATE destroy them). So each attribute the op does not change is taken, in this order, from
// the op's `existing*` field, from the schema snapshot the caller passed (`ctx.snapshot`), and
// otherwise refused with MissingExistingStateError naming the field to give.
//
// Differs from Alembic, which fills what it does not know with "nothing": an omitted
// existing_nullable makes a NOT NULL column nullable, an omitted existing_server_default drops
// the default, an omitted existing_comment the comment (catalog §2.3).

/** A column as the snapshot has it, and its table. */
export interface SnapshotColumn {
  readonly table: TableModel
  readonly column: ColumnModel
}

/**
 * The column as the snapshot has it, and its table (the first with the name and schema, as
 * `findTable` finds it); undefined without a snapshot or when either is missing. Plain loops, not
 * `findTable`: a snapshot's arrays are frozen, `Array.prototype.find` reads a frozen array through
 * a slow path, and a snapshot can hold thousands of tables.
 */
export function snapshotColumn(snapshot: SchemaSnapshot | undefined, op: Pick<AlterColumnOp, 'tableName' | 'schema' | 'columnName'>): SnapshotColumn | undefined {
  if (snapshot === undefined) return undefined
  const tables = snapshot.tables
  for (let i = 0; i < tables.length; i++) {
    const table = tables[i] as TableModel
    if (table.name !== op.tableName || table.schema !== op.schema) continue
    const columns = table.columns
    for (let j = 0; j < columns.length; j++) {
      const column = columns[j] as ColumnModel
      if (column.name === op.columnName) return { table, column }
    }
    return undefined
  }
  return undefined
}

function missing(op: AlterColumnOp, target: MysqlTarget, path: string, what: string, snapshot: SchemaSnapshot | undefined): never {
  const where = snapshot === undefined ? 'no schema snapshot was given' : `the schema snapshot has no column ${JSON.stringify(op.columnName)} in table ${JSON.stringify(op.tableName)}`
  throw new MissingExistingStateError({
    kind: op.kind,
    path,
    message: `${target.name}: MODIFY/CHANGE restates the whole column ${JSON.stringify(op.columnName)}, but its current ${what} is unknown (${where}); give ${path} or compile with a snapshot`,
  })
}

/**
 * The column as it is after the op: what the op changes, and everything else as it is now (the
 * op's `existing*` fields, else the snapshot). Throws `MissingExistingStateError` naming the field
 * for anything needed and unknown: `existingType`, `existingNullable`, `existingServerDefault`,
 * `existingComment`, `existingAutoincrement` (only for an integer type) and `mysqlOnUpdate` (only
 * for a DATETIME or TIMESTAMP column, the only types with ON UPDATE; the op has no field for it, so
 * a snapshot is needed). A type change to another type drops the ON UPDATE with it. A generated
 * column keeps its expression when the snapshot says it has one.
 * @example
 * import { alterColumn } from '@athanor/ir'
 * const op = alterColumn({ tableName: 't', columnName: 'c', nullable: false, existingType: 'text', existingServerDefault: null, existingComment: null })
 * columnAfter(op, undefined, mysqlTarget({ flavour: 'mysql' }, mysqlQuote))
 * // => { type: 'text', nullable: false, serverDefault: null, comment: null, autoincrement: false, onUpdate: null, computed: null }
 */
export function columnAfter(op: AlterColumnOp, snapshot: SchemaSnapshot | undefined, target: MysqlTarget): ColumnState {
  return columnAfterFound(op, snapshot, snapshotColumn(snapshot, op), target)
}

/**
 * {@link columnAfter}, the column already looked up in the snapshot (`found`, see
 * `snapshotColumn`): the lookup walks the snapshot's tables, so a handler does it once.
 * @example
 * import { alterColumn } from '@athanor/ir'
 * const op = alterColumn({ tableName: 't', columnName: 'c', nullable: true, existingType: 'integer', existingServerDefault: null, existingComment: null, existingAutoincrement: false })
 * columnAfterFound(op, undefined, undefined, mysqlTarget({ flavour: 'mysql' }, mysqlQuote)).nullable // => true
 */
export function columnAfterFound(op: AlterColumnOp, snapshot: SchemaSnapshot | undefined, found: SnapshotColumn | undefined, target: MysqlTarget): ColumnState {
  const now = found?.column
  const type: ColumnType = op.type ?? op.existingType ?? now?.type ?? missing(op, target, 'existingType', 'type', snapshot)
  const nullable = op.nullable ?? op.existingNullable ?? now?.nullable ?? missing(op, target, 'existingNullable', 'nullability', snapshot)
  const serverDefault =
    op.serverDefault !== undefined ? op.serverDefault
    : op.existingServerDefault !== undefined ? op.existingServerDefault
    : now !== undefined ? (now.serverDefault ?? null)
    : missing(op, target, 'existingServerDefault', 'default', snapshot)
  const comment =
    op.comment !== undefined ? op.comment
    : op.existingComment !== undefined ? op.existingComment
    : now !== undefined ? (now.comment ?? null)
    : missing(op, target, 'existingComment', 'comment', snapshot)
  const autoincrement =
    op.autoincrement ?? op.existingAutoincrement ??
    (found !== undefined ? impliedAutoincrement(found.table, found.column, target.flavour)
    : isIntegerType(type, target.flavour) ? missing(op, target, 'existingAutoincrement', 'AUTO_INCREMENT', snapshot)
    : false)
  // Only DATETIME and TIMESTAMP have ON UPDATE: a column that is not one after the op has none,
  // and one that was not one before the op had none.
  const onUpdate =
    !isDatetimeFamily(type, target.flavour) ? null
    : now !== undefined ? (now.mysqlOnUpdate ?? null)
    : op.existingType !== undefined && !isDatetimeFamily(op.existingType, target.flavour) ? null
    : missing(op, target, 'mysqlOnUpdate', 'ON UPDATE clause (alterColumn has no field for it)', snapshot)
  return { type, nullable, serverDefault, comment, autoincrement, onUpdate, computed: now?.computed ?? null }
}
