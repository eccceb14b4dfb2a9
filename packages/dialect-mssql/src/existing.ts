import { findTable, typeName, type ColumnModel, type SchemaSnapshot, type TableModel } from '@athanor/ir'

/**
 * The dialect's settings, fixed when it is built (see `createMssqlDialect`).
 * @example
 * const settings: MssqlSettings = { defaultSchema: 'dbo' }
 */
export interface MssqlSettings {
  /** The schema named by statements that must name one (extended properties) when the op names none. */
  readonly defaultSchema: string
}

/** The table and column a compile call knows from its snapshot, if it has one and they are there. */
export function knownColumn(
  snapshot: SchemaSnapshot | undefined,
  tableName: string,
  schema: string | undefined,
  columnName: string,
): { readonly table: TableModel; readonly column: ColumnModel } | undefined {
  const table = snapshot === undefined ? undefined : findTable(snapshot, tableName, schema)
  const column = table?.columns.find((c) => c.name === columnName)
  return table === undefined || column === undefined ? undefined : { table, column }
}

const INTEGERS = new Set(['integer', 'bigint', 'smallint'])

/**
 * How sure the snapshot is that a column is an `IDENTITY`: `declared` (an identity, or
 * `autoincrement: true`), `inferred` (the table's only primary-key column, an integer without a
 * default: `createTable` makes such a column `IDENTITY` unless it was declared with
 * `autoincrement: false` or as a table-level key, which the model cannot tell apart), or `no`.
 */
export function identityOf(table: TableModel, column: ColumnModel): 'declared' | 'inferred' | 'no' {
  if (column.identity !== undefined || column.autoincrement === true) return 'declared'
  if (column.autoincrement === false || column.serverDefault !== undefined || column.computed !== undefined || !INTEGERS.has(typeName(column.type))) return 'no'
  const pk = table.constraints.find((c) => c.type === 'primaryKey')
  const sole = pk !== undefined && pk.type === 'primaryKey' && pk.columns.length === 1 && pk.columns[0] === column.name
  const referencing = table.constraints.some((c) => c.type === 'foreignKey' && c.localCols.includes(column.name))
  return sole && !referencing ? 'inferred' : 'no'
}
