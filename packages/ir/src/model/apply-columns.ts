import type { Draft } from 'immer'
import type { ColumnPosition } from '../op-spec.js'
import type { AddColumnOp } from '../ops/add-column.js'
import type { AlterColumnOp } from '../ops/alter-column.js'
import type { DropColumnOp } from '../ops/drop-column.js'
import type { ApplyContext } from '../registry.js'
import { constraintUses, foreignReference, indexUses, referencesTable, renameColumnInTable, renameReferences } from './column-refs.js'
import { columnPosition, draftOf, readTables, refuse, removeWhere, requireTable, tableLabel } from './lookup.js'
import { normalizeColumn } from './normalize.js'
import { checkReferent } from './referents.js'
import type { SchemaSnapshot, TableModel } from './snapshot.js'
import { sqlMentions } from './sql-identifiers.js'

type Draftable = Draft<SchemaSnapshot>

/** Where `insertBefore` / `insertAfter` put a column (the table's end without them). */
function positionFor(table: Draft<TableModel>, kind: string, op: ColumnPosition, moving: string): number {
  const field = op.insertBefore !== undefined ? 'insertBefore' : op.insertAfter !== undefined ? 'insertAfter' : undefined
  if (field === undefined) return table.columns.length
  const target = op[field] ?? ''
  const at = columnPosition(table, target)
  if (at === -1 || target === moving) {
    refuse(kind, field, `column ${JSON.stringify(target)} not found in table ${tableLabel(table.name, table.schema)}; expected another column of the table`)
  }
  return field === 'insertBefore' ? at : at + 1
}

/** True when the table's primary key includes `column`. */
function inPrimaryKey(table: TableModel, column: string): boolean {
  return table.constraints.some((c) => c.type === 'primaryKey' && c.columns.includes(column))
}

/**
 * addColumn: the column, then what its flags imply. Like Alembic (catalog §1.1), `primaryKey`
 * alone makes the column NOT NULL; it joins a primary key only with `inlinePrimaryKey`, and
 * only when the table has none.
 * @internal
 */
export function applyAddColumn(draft: Draftable, op: AddColumnOp & ColumnPosition, _ctx: ApplyContext): void {
  const table = requireTable(draft, op.kind, op.tableName, op.schema, 'tableName')
  const label = tableLabel(op.tableName, op.schema)
  if (columnPosition(table, op.column.name) !== -1) {
    if (op.ifNotExists === true) return
    refuse(op.kind, 'column.name', `column ${JSON.stringify(op.column.name)} already exists in table ${label}; expected a new column name`)
  }
  // Differs by engine: a recreating batch (SQLite) puts a `primaryKey` column in the key even
  // without `inlinePrimaryKey`; the model follows PostgreSQL, where the batch is plain ALTERs.
  const makesKey = op.column.primaryKey === true && op.inlinePrimaryKey === true
  if (makesKey && table.constraints.some((c) => c.type === 'primaryKey')) {
    refuse(op.kind, 'column.primaryKey', `table ${label} already has a primary key; expected a table without one`)
  }
  const n = normalizeColumn(op.tableName, op.column, op.schema, makesKey)
  const names = [...table.columns.map((c) => c.name), op.column.name]
  for (const c of n.constraints) {
    const field = c.type === 'foreignKey' ? 'foreignKey' : c.type === 'check' ? 'check' : 'unique'
    if (c.name !== undefined && table.constraints.some((t) => t.name === c.name)) {
      refuse(op.kind, `column.${field}.name`, `constraint ${JSON.stringify(c.name)} already exists on table ${label}; expected a new name`)
    }
    if (c.type === 'foreignKey') {
      checkReferent(draft, op.kind, c, { name: op.tableName, schema: op.schema, columns: names }, {
        table: 'column.foreignKey.referentTable',
        column: () => 'column.foreignKey.remoteCol',
      })
    }
  }
  if (n.index !== undefined && readTables(draft).some((t) => t.schema === op.schema && t.indexes.some((ix) => ix.name === n.index?.name))) {
    refuse(op.kind, 'column.index', `index ${JSON.stringify(n.index.name)} already exists; expected a new index name`)
  }
  table.columns.splice(positionFor(table, op.kind, op, op.column.name), 0, draftOf(n.column))
  if (makesKey) table.constraints.unshift({ type: 'primaryKey', columns: [op.column.name] })
  table.constraints.push(...n.constraints.map((c) => draftOf(c)))
  if (n.index !== undefined) table.indexes.push(draftOf(n.index))
}

/** @internal alterColumn: each change given; a rename follows into constraints, indexes and references. */
export function applyAlterColumn(draft: Draftable, op: AlterColumnOp & ColumnPosition, _ctx: ApplyContext): void {
  const table = requireTable(draft, op.kind, op.tableName, op.schema, 'tableName')
  const label = tableLabel(op.tableName, op.schema)
  const col = table.columns[columnPosition(table, op.columnName)]
  if (col === undefined) refuse(op.kind, 'columnName', `column ${JSON.stringify(op.columnName)} not found in table ${label}; expected an existing column`)
  const newName = op.newColumnName
  if (newName !== undefined && newName !== op.columnName && columnPosition(table, newName) !== -1) {
    refuse(op.kind, 'newColumnName', `column ${JSON.stringify(newName)} already exists in table ${label}; expected a new column name`)
  }
  if (op.nullable === true && inPrimaryKey(table, op.columnName)) {
    refuse(op.kind, 'nullable', `column ${JSON.stringify(op.columnName)} is in the primary key of table ${label}; expected a column outside it`)
  }
  if (op.type !== undefined) col.type = draftOf(op.type)
  if (op.nullable !== undefined) col.nullable = op.nullable
  if (op.serverDefault === null) delete col.serverDefault
  else if (op.serverDefault !== undefined) col.serverDefault = draftOf(op.serverDefault)
  if (op.comment === null) delete col.comment
  else if (op.comment !== undefined) col.comment = op.comment
  if (op.identity === null) delete col.identity
  else if (op.identity !== undefined) col.identity = draftOf(op.identity)
  if (op.autoincrement !== undefined) col.autoincrement = op.autoincrement
  if (newName !== undefined && newName !== op.columnName) {
    col.name = newName
    renameColumnInTable(table, op.columnName, newName)
    renameReferences(draft, op.tableName, op.schema, op.columnName, newName)
  }
  if (op.insertBefore !== undefined || op.insertAfter !== undefined) {
    // Differs from Alembic, which ignores ordering hints on alter_column (catalog §1.3).
    const name = col.name
    const from = columnPosition(table, name)
    const [moved] = table.columns.splice(from, 1)
    if (moved !== undefined) table.columns.splice(positionFor(table, op.kind, op, name), 0, moved)
  }
}

/**
 * dropColumn: PostgreSQL's rules. The constraints and indexes that use the column go with it
 * (the whole primary key or unique constraint, not just the column); a foreign key of another
 * table pointing at it, or a computed column using it, makes the drop refused (PostgreSQL asks
 * for CASCADE). The last column cannot be dropped: PostgreSQL allows a table without columns, but
 * the other engines and `createTable` do not.
 * @internal
 */
export function applyDropColumn(draft: Draftable, op: DropColumnOp, _ctx: ApplyContext): void {
  const table = requireTable(draft, op.kind, op.tableName, op.schema, 'tableName')
  const label = tableLabel(op.tableName, op.schema)
  const at = columnPosition(table, op.columnName)
  if (at === -1) {
    if (op.ifExists === true) return
    refuse(op.kind, 'columnName', `column ${JSON.stringify(op.columnName)} not found in table ${label}; expected an existing column`)
  }
  if (table.columns.length === 1) refuse(op.kind, 'columnName', `column ${JSON.stringify(op.columnName)} is the last column of table ${label}; expected a table with other columns`)
  const ref = foreignReference(draft, op.tableName, op.schema, op.columnName)
  if (ref !== undefined) {
    refuse(op.kind, 'columnName', `column ${JSON.stringify(op.columnName)} is referenced by a foreign key of table ${tableLabel(ref.table.name, ref.table.schema)}; expected a column no other table references`)
  }
  const computed = table.columns.find((c) => c.computed !== undefined && sqlMentions(c.computed.sqltext, op.columnName))
  if (computed !== undefined) {
    refuse(op.kind, 'columnName', `column ${JSON.stringify(op.columnName)} is used by the computed column ${JSON.stringify(computed.name)}; expected a column no computed column uses`)
  }
  removeWhere(table.constraints, (c) => constraintUses(c, op.columnName) || (c.type === 'foreignKey' && referencesTable(c, op.tableName, op.schema) && c.remoteCols.includes(op.columnName)))
  removeWhere(table.indexes, (ix) => indexUses(ix, op.columnName))
  table.columns.splice(at, 1)
}
