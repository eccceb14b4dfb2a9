import type { Draft } from 'immer'
import type { BulkInsertOp } from '../ops/bulk-insert.js'
import type { CreateTableCommentOp } from '../ops/create-table-comment.js'
import type { CreateTableOp } from '../ops/create-table.js'
import type { DropTableCommentOp } from '../ops/drop-table-comment.js'
import type { DropTableOp } from '../ops/drop-table.js'
import type { RenameTableOp } from '../ops/rename-table.js'
import type { ApplyContext } from '../registry.js'
import { foreignReference, referencesTable } from './column-refs.js'
import { draftOf, readTables, refuse, removeWhere, requireTable, tableLabel, tablePosition } from './lookup.js'
import { columnIndexName, tableModelOf } from './normalize.js'
import { checkReferent } from './referents.js'
import type { SchemaSnapshot, TableModel } from './snapshot.js'

type Draftable = Draft<SchemaSnapshot>

/** Refuses index names of a new table that another index of the schema (or the table itself) already has. */
function checkNewIndexNames(draft: Draftable, op: CreateTableOp): void {
  const taken = new Set<string>()
  for (const t of readTables(draft)) if (t.schema === op.schema) for (const ix of t.indexes) taken.add(ix.name)
  const take = (name: string, path: string): void => {
    if (taken.has(name)) refuse(op.kind, path, `index ${JSON.stringify(name)} already exists; expected a new index name`)
    taken.add(name)
  }
  op.constraints?.forEach((c, i) => {
    if (c.type === 'index') take(c.name, `constraints[${i}].name`)
  })
  op.columns.forEach((c, i) => {
    if (c.index === true) take(columnIndexName(op.tableName, c.name, op.schema), `columns[${i}].index`)
  })
}

/** Refuses a constraint name given on a column that the table already uses (explicit items are checked by `parse`). */
function checkColumnConstraintNames(op: CreateTableOp): void {
  const taken = new Set<string>()
  for (const c of op.constraints ?? []) if (c.name !== undefined) taken.add(c.name)
  op.columns.forEach((col, i) => {
    for (const [field, name] of [['foreignKey', col.foreignKey?.name], ['check', col.check?.name]] as const) {
      if (name === undefined) continue
      if (taken.has(name)) refuse(op.kind, `columns[${i}].${field}.name`, `constraint ${JSON.stringify(name)} is already used in this table; expected a new name`)
      taken.add(name)
    }
  })
}

/** @internal createTable: the table as {@link tableModelOf} builds it; its foreign keys must point at existing tables (or itself). */
export function applyCreateTable(draft: Draftable, op: CreateTableOp, _ctx: ApplyContext): void {
  if (tablePosition(readTables(draft), op.tableName, op.schema) !== -1) {
    if (op.ifNotExists === true) return
    refuse(op.kind, 'tableName', `table ${tableLabel(op.tableName, op.schema)} already exists; expected a new table name`)
  }
  const source = { name: op.tableName, schema: op.schema, columns: op.columns.map((c) => c.name) }
  op.constraints?.forEach((c, i) => {
    if (c.type === 'foreignKey') {
      checkReferent(draft, op.kind, c, source, { table: `constraints[${i}].referentTable`, column: (j) => `constraints[${i}].remoteCols[${j}]` })
    }
  })
  op.columns.forEach((col, i) => {
    const fk = col.foreignKey
    if (fk !== undefined) {
      checkReferent(draft, op.kind, { referentTable: fk.referentTable, remoteCols: [fk.remoteCol], ...(fk.referentSchema === undefined ? {} : { referentSchema: fk.referentSchema }) }, source, {
        table: `columns[${i}].foreignKey.referentTable`,
        column: () => `columns[${i}].foreignKey.remoteCol`,
      })
    }
  })
  checkColumnConstraintNames(op)
  checkNewIndexNames(draft, op)
  draft.tables.push(draftOf(tableModelOf(op)))
}

/** @internal dropTable: refused while a foreign key of another table points at it (PostgreSQL asks for CASCADE). */
export function applyDropTable(draft: Draftable, op: DropTableOp, _ctx: ApplyContext): void {
  const at = tablePosition(readTables(draft), op.tableName, op.schema)
  if (at === -1) {
    if (op.ifExists === true) return
    refuse(op.kind, 'tableName', `table ${tableLabel(op.tableName, op.schema)} not found; expected an existing table`)
  }
  const ref = foreignReference(draft, op.tableName, op.schema)
  if (ref !== undefined) {
    refuse(op.kind, 'tableName', `table ${tableLabel(op.tableName, op.schema)} is referenced by a foreign key of table ${tableLabel(ref.table.name, ref.table.schema)}; expected a table no other table references`)
  }
  draft.tables.splice(at, 1)
  // Engines drop a table's triggers with it.
  if (draft.triggers !== undefined) removeWhere(draft.triggers, (t) => t.tableName === op.tableName && t.schema === op.schema)
}

/** @internal renameTable: foreign keys that point at the table follow it; index names do not change. */
export function applyRenameTable(draft: Draftable, op: RenameTableOp, _ctx: ApplyContext): void {
  const table = requireTable(draft, op.kind, op.oldTableName, op.schema, 'oldTableName')
  if (tablePosition(readTables(draft), op.newTableName, op.schema) !== -1) {
    refuse(op.kind, 'newTableName', `table ${tableLabel(op.newTableName, op.schema)} already exists; expected a new table name`)
  }
  table.name = op.newTableName
  for (const t of draft.triggers ?? []) if (t.tableName === op.oldTableName && t.schema === op.schema) t.tableName = op.newTableName
  readTables(draft).forEach((plain, i) => {
    // Only the tables whose keys point at the renamed one are drafted.
    if (!plain.constraints.some((c) => c.type === 'foreignKey' && referencesTable(c, op.oldTableName, op.schema))) return
    for (const c of (draft.tables[i] as Draft<TableModel>).constraints) {
      if (c.type === 'foreignKey' && referencesTable(c, op.oldTableName, op.schema)) c.referentTable = op.newTableName
    }
  })
}

/** @internal createTableComment: sets the comment. */
export function applyCreateTableComment(draft: Draftable, op: CreateTableCommentOp, _ctx: ApplyContext): void {
  requireTable(draft, op.kind, op.tableName, op.schema, 'tableName').comment = op.comment
}

/** @internal dropTableComment: removes the comment (nothing to do when there is none, as on PostgreSQL). */
export function applyDropTableComment(draft: Draftable, op: DropTableCommentOp, _ctx: ApplyContext): void {
  delete requireTable(draft, op.kind, op.tableName, op.schema, 'tableName').comment
}

/** @internal bulkInsert: changes no schema, but the table and its columns must exist. */
export function applyBulkInsert(draft: Draftable, op: BulkInsertOp, _ctx: ApplyContext): void {
  const table = requireTable(draft, op.kind, op.tableName, op.schema, 'tableName')
  op.columns.forEach((c, i) => {
    if (!table.columns.some((t) => t.name === c.name)) {
      refuse(op.kind, `columns[${i}].name`, `column ${JSON.stringify(c.name)} not found in table ${tableLabel(op.tableName, op.schema)}; expected an existing column`)
    }
  })
}
