import { findTable, sqlMentions, type ConstraintModel, type IndexModel, type SchemaSnapshot } from '@athanor/ir'

/** A column of a table, as the ops name it. */
export interface ColumnTarget {
  readonly tableName: string
  readonly schema?: string | undefined
  readonly columnName: string
}

/**
 * The table's own constraints that use the column, as the snapshot shows them (none without a
 * snapshot): keys and UNIQUE constraints listing it, foreign keys from it, checks naming it.
 * DuckDB refuses to drop such a column, and to change its type when a key or UNIQUE uses it.
 * @example
 * import { applyOps, createTable, emptySnapshot } from '@athanor/ir'
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'email', type: 'text', unique: true }] })])
 * constraintsOn(snapshot, { tableName: 't', columnName: 'email' }) // => [{ type: 'unique', columns: ['email'] }]
 */
export function constraintsOn(snapshot: SchemaSnapshot | undefined, target: ColumnTarget): readonly ConstraintModel[] {
  const table = snapshot === undefined ? undefined : findTable(snapshot, target.tableName, target.schema)
  return (table?.constraints ?? []).filter((c) =>
    c.type === 'foreignKey' ? c.localCols.includes(target.columnName) : c.type === 'check' ? sqlMentions(c.condition, target.columnName) : c.columns.includes(target.columnName),
  )
}

/**
 * The name of a table whose foreign key points at `table`, as the snapshot shows it (a key of
 * the table to itself does not count), or undefined. DuckDB will not drop, rename, rebuild or
 * alter a column of a table that other tables' keys point at (adding a column and comments aside).
 * @example
 * import { applyOps, createTable, emptySnapshot } from '@athanor/ir'
 * const snapshot = applyOps(emptySnapshot(), [
 *   createTable({ tableName: 'parent', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
 *   createTable({ tableName: 'child', columns: [{ name: 'parent_id', type: 'integer', foreignKey: { referentTable: 'parent', remoteCol: 'id' } }] }),
 * ])
 * referencingTable(snapshot, 'parent', undefined) // => 'child'
 */
export function referencingTable(snapshot: SchemaSnapshot | undefined, tableName: string, schema: string | undefined): string | undefined {
  for (const t of snapshot?.tables ?? []) {
    if (t.name === tableName && t.schema === schema) continue
    if (t.constraints.some((c) => c.type === 'foreignKey' && c.referentTable === tableName && (c.referentSchema ?? t.schema) === schema)) return t.name
  }
  return undefined
}

/**
 * The first index that uses the column (with `orLater`, the column or any column after it), as
 * the snapshot shows it, or undefined. Inside a transaction DuckDB 1.5 still sees an index dropped
 * earlier in the same transaction: it refuses to change the type of a column such an index uses
 * ("an index depends on it") and to drop a column that it or a later column's index uses ("an
 * index depends on a column after it"). Those changes need a rebuild.
 * @example
 * import { applyOps, createIndex, createTable, emptySnapshot } from '@athanor/ir'
 * const snapshot = applyOps(emptySnapshot(), [
 *   createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: 'n', type: 'integer' }] }),
 *   createIndex({ indexName: 'ix_t_n', tableName: 't', columns: ['n'] }),
 * ])
 * indexOn(snapshot, { tableName: 't', columnName: 'a' }, true) // => { name: 'ix_t_n', columns: ['n'] }
 * indexOn(snapshot, { tableName: 't', columnName: 'a' }, false) // => undefined
 */
export function indexOn(snapshot: SchemaSnapshot | undefined, target: ColumnTarget, orLater: boolean): IndexModel | undefined {
  const table = snapshot === undefined ? undefined : findTable(snapshot, target.tableName, target.schema)
  if (table === undefined) return undefined
  const at = table.columns.findIndex((c) => c.name === target.columnName)
  const names = at === -1 ? [target.columnName] : table.columns.slice(at, orLater ? undefined : at + 1).map((c) => c.name)
  return table.indexes.find((ix) => ix.columns.some((c) => (typeof c === 'string' ? names.includes(c) : names.some((n) => sqlMentions(c.sql, n)))))
}
