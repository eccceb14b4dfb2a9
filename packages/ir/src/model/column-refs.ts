import { isDraft, type Draft } from 'immer'
import type { ForeignKeyDefinition } from '../elements/constraint.js'
import type { IndexModel, ConstraintModel, SchemaSnapshot, TableModel } from './snapshot.js'
import { readTables } from './lookup.js'
import { renameInSql, sqlMentions } from './sql-identifiers.js'

// Where a table's constraints and indexes use its columns, and where foreign keys point at a
// table: what dropColumn removes or refuses, and what renames rewrite (PostgreSQL's rules).

const WHERE_FIELDS = ['postgresqlWhere', 'mssqlWhere', 'sqliteWhere'] as const

/** @internal True when the constraint uses `column` of its own table (a foreign key: as a local column). */
export function constraintUses(c: ConstraintModel, column: string): boolean {
  switch (c.type) {
    case 'primaryKey':
      return c.columns.includes(column)
    case 'unique':
      return c.columns.includes(column) || (c.postgresqlInclude?.includes(column) ?? false)
    case 'foreignKey':
      return c.localCols.includes(column)
    case 'check':
      return sqlMentions(c.condition, column)
  }
}

/** @internal True when the index uses `column`: as a key column, in an expression, an INCLUDE list or a WHERE predicate. */
export function indexUses(ix: IndexModel, column: string): boolean {
  return (
    ix.columns.some((c) => (typeof c === 'string' ? c === column : sqlMentions(c.sql, column))) ||
    (ix.postgresqlInclude?.includes(column) ?? false) ||
    (ix.mssqlInclude?.includes(column) ?? false) ||
    WHERE_FIELDS.some((f) => {
      const where = ix[f]
      return where !== undefined && sqlMentions(where, column)
    })
  )
}

/** @internal True when the foreign key points at the table `tableName` in `schema`. */
export function referencesTable(fk: ForeignKeyDefinition, tableName: string, schema: string | undefined): boolean {
  return fk.referentTable === tableName && fk.referentSchema === schema
}

/** @internal The first foreign key of another table that points at `column` of the given table (all columns when absent). */
export function foreignReference(
  snapshot: SchemaSnapshot | Draft<SchemaSnapshot>,
  tableName: string,
  schema: string | undefined,
  column?: string,
): { readonly table: TableModel; readonly constraint: ConstraintModel } | undefined {
  const tables = isDraft(snapshot) ? readTables(snapshot as Draft<SchemaSnapshot>) : snapshot.tables
  for (const table of tables) {
    if (table.name === tableName && table.schema === schema) continue
    for (const c of table.constraints) {
      if (c.type === 'foreignKey' && referencesTable(c, tableName, schema) && (column === undefined || c.remoteCols.includes(column))) {
        return { table, constraint: c }
      }
    }
  }
  return undefined
}

const renamer = (from: string, to: string) => (name: string) => (name === from ? to : name)

function renameKeys<V>(record: Readonly<Record<string, V>>, from: string, to: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]))
}

function renameInIndex(ix: Draft<IndexModel>, from: string, to: string): void {
  const r = renamer(from, to)
  ix.columns = ix.columns.map((c) => (typeof c === 'string' ? r(c) : { sql: renameInSql(c.sql, from, to) }))
  if (ix.postgresqlInclude !== undefined) ix.postgresqlInclude = ix.postgresqlInclude.map(r)
  if (ix.mssqlInclude !== undefined) ix.mssqlInclude = ix.mssqlInclude.map(r)
  if (ix.postgresqlOps !== undefined) ix.postgresqlOps = renameKeys(ix.postgresqlOps, from, to)
  if (typeof ix.mysqlLength === 'object') ix.mysqlLength = renameKeys(ix.mysqlLength, from, to)
  for (const f of WHERE_FIELDS) {
    const where = ix[f]
    if (where !== undefined) ix[f] = renameInSql(where, from, to)
  }
}

/**
 * Renames `from` to `to` wherever the table itself uses it: constraint column lists, CHECK
 * conditions, index columns and expressions, computed columns. Foreign keys pointing at the
 * column are {@link renameReferences}' job.
 * @internal
 */
export function renameColumnInTable(table: Draft<TableModel>, from: string, to: string): void {
  const r = renamer(from, to)
  for (const col of table.columns) {
    if (col.computed !== undefined && sqlMentions(col.computed.sqltext, from)) {
      col.computed = { ...col.computed, sqltext: renameInSql(col.computed.sqltext, from, to) }
    }
  }
  for (const c of table.constraints) {
    if (!constraintUses(c, from)) continue
    switch (c.type) {
      case 'primaryKey':
        c.columns = c.columns.map(r)
        break
      case 'unique':
        c.columns = c.columns.map(r)
        if (c.postgresqlInclude !== undefined) c.postgresqlInclude = c.postgresqlInclude.map(r)
        break
      case 'foreignKey':
        c.localCols = c.localCols.map(r)
        break
      case 'check':
        c.condition = renameInSql(c.condition, from, to)
        break
    }
  }
  for (const ix of table.indexes) if (indexUses(ix, from)) renameInIndex(ix, from, to)
}

/** @internal Renames the referenced column `from` to `to` in every foreign key that points at the table (its own included). */
export function renameReferences(draft: Draft<SchemaSnapshot>, tableName: string, schema: string | undefined, from: string, to: string): void {
  const points = (c: ConstraintModel): boolean => c.type === 'foreignKey' && referencesTable(c, tableName, schema) && c.remoteCols.includes(from)
  // Searched on plain values (see readTables); only the tables that change are drafted.
  readTables(draft).forEach((plain, i) => {
    if (!plain.constraints.some(points)) return
    for (const c of (draft.tables[i] as Draft<TableModel>).constraints) {
      if (points(c) && c.type === 'foreignKey') c.remoteCols = c.remoteCols.map(renamer(from, to))
    }
  })
}
