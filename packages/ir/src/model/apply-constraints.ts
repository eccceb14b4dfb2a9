import type { Draft } from 'immer'
import type { CreateCheckConstraintOp } from '../ops/create-check-constraint.js'
import type { CreateForeignKeyOp } from '../ops/create-foreign-key.js'
import type { CreateIndexOp } from '../ops/create-index.js'
import type { CreatePrimaryKeyOp } from '../ops/create-primary-key.js'
import type { CreateUniqueConstraintOp } from '../ops/create-unique-constraint.js'
import type { DropConstraintOp } from '../ops/drop-constraint.js'
import type { DropIndexOp } from '../ops/drop-index.js'
import type { ApplyContext } from '../registry.js'
import { constraintModelOf, indexModelOf } from './convert-constraints.js'
import { draftOf, readTables, refuse, requireTable, tableLabel } from './lookup.js'
import { checkColumns, checkReferent } from './referents.js'
import type { SchemaSnapshot, TableModel } from './snapshot.js'

type Draftable = Draft<SchemaSnapshot>

// Names: a constraint name is unique within its table; an index name within its schema
// (PostgreSQL and SQLite keep indexes in the schema's namespace; MySQL per table).

/** The table of a new constraint, or undefined when `ifNotExists` finds the name taken. */
function tableForConstraint(draft: Draftable, kind: string, tableName: string, schema: string | undefined, tablePath: string, name: string, ifNotExists: boolean | undefined): Draft<TableModel> | undefined {
  const table = requireTable(draft, kind, tableName, schema, tablePath)
  if (!table.constraints.some((c) => c.name === name)) return table
  if (ifNotExists === true) return undefined
  refuse(kind, 'constraintName', `constraint ${JSON.stringify(name)} already exists on table ${tableLabel(tableName, schema)}; expected a new name`)
}

const names = (table: TableModel): string[] => table.columns.map((c) => c.name)

/** @internal createPrimaryKey: the key goes first; its columns become NOT NULL, as on PostgreSQL and MySQL. */
export function applyCreatePrimaryKey(draft: Draftable, op: CreatePrimaryKeyOp, _ctx: ApplyContext): void {
  const table = tableForConstraint(draft, op.kind, op.tableName, op.schema, 'tableName', op.constraintName, op.ifNotExists)
  if (table === undefined) return
  if (table.constraints.some((c) => c.type === 'primaryKey')) {
    refuse(op.kind, 'tableName', `table ${tableLabel(op.tableName, op.schema)} already has a primary key; expected a table without one`)
  }
  checkColumns(op.kind, op.columns, names(table), tableLabel(op.tableName, op.schema), (i) => `columns[${i}]`)
  for (const col of table.columns) if (op.columns.includes(col.name)) col.nullable = false
  table.constraints.unshift(draftOf(constraintModelOf(op)))
}

/** @internal createUniqueConstraint: appended; its columns must exist. */
export function applyCreateUniqueConstraint(draft: Draftable, op: CreateUniqueConstraintOp, _ctx: ApplyContext): void {
  const table = tableForConstraint(draft, op.kind, op.tableName, op.schema, 'tableName', op.constraintName, op.ifNotExists)
  if (table === undefined) return
  const label = tableLabel(op.tableName, op.schema)
  checkColumns(op.kind, op.columns, names(table), label, (i) => `columns[${i}]`)
  checkColumns(op.kind, op.postgresqlInclude ?? [], names(table), label, (i) => `postgresqlInclude[${i}]`)
  table.constraints.push(draftOf(constraintModelOf(op)))
}

/** @internal createForeignKey: appended; its local columns, referent table and remote columns must exist. */
export function applyCreateForeignKey(draft: Draftable, op: CreateForeignKeyOp, _ctx: ApplyContext): void {
  const table = tableForConstraint(draft, op.kind, op.sourceTable, op.sourceSchema, 'sourceTable', op.constraintName, op.ifNotExists)
  if (table === undefined) return
  checkColumns(op.kind, op.localCols, names(table), tableLabel(op.sourceTable, op.sourceSchema), (i) => `localCols[${i}]`)
  checkReferent(draft, op.kind, op, { name: op.sourceTable, schema: op.sourceSchema, columns: names(table) }, {
    table: 'referentTable',
    column: (i) => `remoteCols[${i}]`,
  })
  table.constraints.push(draftOf(constraintModelOf(op)))
}

/** @internal createCheckConstraint: appended (the condition is SQL and is not checked). */
export function applyCreateCheckConstraint(draft: Draftable, op: CreateCheckConstraintOp, _ctx: ApplyContext): void {
  const table = tableForConstraint(draft, op.kind, op.tableName, op.schema, 'tableName', op.constraintName, op.ifNotExists)
  if (table === undefined) return
  table.constraints.push(draftOf(constraintModelOf(op)))
}

/**
 * dropConstraint: by name; `type`, when given, must match. Dropping a primary key leaves its
 * columns NOT NULL, as PostgreSQL does.
 * @internal
 */
export function applyDropConstraint(draft: Draftable, op: DropConstraintOp, _ctx: ApplyContext): void {
  const table = requireTable(draft, op.kind, op.tableName, op.schema, 'tableName')
  const at = table.constraints.findIndex((c) => c.name === op.constraintName)
  const found = table.constraints[at]
  if (found === undefined) {
    if (op.ifExists === true) return
    refuse(op.kind, 'constraintName', `constraint ${JSON.stringify(op.constraintName)} not found on table ${tableLabel(op.tableName, op.schema)}; expected an existing named constraint`)
  }
  if (op.type !== undefined && op.type !== found.type) {
    refuse(op.kind, 'type', `constraint ${JSON.stringify(op.constraintName)} is a ${found.type} constraint; expected ${JSON.stringify(found.type)}, found ${JSON.stringify(op.type)}`)
  }
  table.constraints.splice(at, 1)
}

/** @internal The table holding index `indexName` in `schema`, and its position there. */
export function findIndex<T extends Pick<TableModel, 'name' | 'schema' | 'indexes'>>(tables: readonly T[], indexName: string, schema: string | undefined): { readonly table: T; readonly at: number } | undefined {
  for (const table of tables) {
    if (table.schema !== schema) continue
    const at = table.indexes.findIndex((ix) => ix.name === indexName)
    if (at !== -1) return { table, at }
  }
  return undefined
}

/** @internal createIndex: appended to its table; its name must be new in the schema, its named columns must exist. */
export function applyCreateIndex(draft: Draftable, op: CreateIndexOp, _ctx: ApplyContext): void {
  const table = requireTable(draft, op.kind, op.tableName, op.schema, 'tableName')
  if (findIndex(readTables(draft), op.indexName, op.schema) !== undefined) {
    if (op.ifNotExists === true) return
    refuse(op.kind, 'indexName', `index ${JSON.stringify(op.indexName)} already exists; expected a new index name`)
  }
  const label = tableLabel(op.tableName, op.schema)
  op.columns.forEach((c, i) => {
    if (typeof c === 'string') checkColumns(op.kind, [c], names(table), label, () => `columns[${i}]`)
  })
  checkColumns(op.kind, op.postgresqlInclude ?? [], names(table), label, (i) => `postgresqlInclude[${i}]`)
  checkColumns(op.kind, op.mssqlInclude ?? [], names(table), label, (i) => `mssqlInclude[${i}]`)
  table.indexes.push(draftOf(indexModelOf(op)))
}

/** @internal dropIndex: by name in the schema; with `tableName`, the index must be on that table. */
export function applyDropIndex(draft: Draftable, op: DropIndexOp, _ctx: ApplyContext): void {
  if (op.tableName !== undefined) requireTable(draft, op.kind, op.tableName, op.schema, 'tableName')
  const plain = readTables(draft)
  const found = findIndex(plain, op.indexName, op.schema)
  if (found === undefined) {
    if (op.ifExists === true) return
    refuse(op.kind, 'indexName', `index ${JSON.stringify(op.indexName)} not found; expected an existing index`)
  }
  if (op.tableName !== undefined && found.table.name !== op.tableName) {
    refuse(op.kind, 'indexName', `index ${JSON.stringify(op.indexName)} is on table ${tableLabel(found.table.name, found.table.schema)}; expected an index of table ${tableLabel(op.tableName, op.schema)}`)
  }
  ;(draft.tables[plain.indexOf(found.table)] as Draft<TableModel>).indexes.splice(found.at, 1)
}
