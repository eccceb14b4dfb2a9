import type { ConstraintModel, IndexColumn, IndexModel } from '@athanor/ir'
import { flagOf, requiredText, textOf, unwrapParens, type Row } from './introspect-rows.js'
import { mssqlQuote as q } from './quote.js'

const nameOf = (row: Row): { readonly name?: string } => (flagOf(row, 'is_system_named') ? {} : { name: requiredText(row, 'name') })

/**
 * A primary key or unique constraint from its rows (one per column, in key order). A name the
 * engine chose is left out, as the model leaves out the names of unnamed constraints; CLUSTERED
 * or NONCLUSTERED only when it is not the default (clustered for a primary key).
 * @example
 * keyOfRows([{ name: 'PK__t__3213E83F', type: 'PK', is_system_named: true, index_type: 'CLUSTERED', column_name: 'id' }])
 * // => { type: 'primaryKey', columns: ['id'] }
 */
export function keyOfRows(rows: readonly Row[]): ConstraintModel {
  const first = rows[0] ?? {}
  const columns = rows.map((r) => requiredText(r, 'column_name'))
  const clustered = textOf(first, 'index_type') === 'CLUSTERED'
  if (textOf(first, 'type')?.trim() === 'PK') return { type: 'primaryKey', ...nameOf(first), columns, ...(clustered ? {} : { mssqlClustered: false }) }
  return { type: 'unique', ...nameOf(first), columns, ...(clustered ? { mssqlClustered: true } : {}) }
}

const action = (row: Row, key: string): string | undefined => {
  const a = textOf(row, key)?.replaceAll('_', ' ')
  return a === undefined || a === 'NO ACTION' ? undefined : a
}

/**
 * A foreign key from its rows (one per column pair). The referent's schema is named unless it is
 * `defaultSchema`; `NO ACTION` is left out.
 * @example
 * foreignKeyOfRows([{ name: 'fk', is_system_named: false, referent_table: 'o', referent_schema: 'dbo', local_column: 'a', remote_column: 'id', on_delete: 'CASCADE', on_update: 'NO_ACTION' }], 'dbo')
 * // => { type: 'foreignKey', name: 'fk', localCols: ['a'], referentTable: 'o', remoteCols: ['id'], onDelete: 'CASCADE' }
 */
export function foreignKeyOfRows(rows: readonly Row[], defaultSchema: string | undefined): ConstraintModel {
  const first = rows[0] ?? {}
  const referentSchema = textOf(first, 'referent_schema')
  const onDelete = action(first, 'on_delete')
  const onUpdate = action(first, 'on_update')
  return {
    type: 'foreignKey',
    ...nameOf(first),
    localCols: rows.map((r) => requiredText(r, 'local_column')),
    referentTable: requiredText(first, 'referent_table'),
    remoteCols: rows.map((r) => requiredText(r, 'remote_column')),
    ...(referentSchema === undefined || referentSchema === defaultSchema ? {} : { referentSchema }),
    ...(onDelete === undefined ? {} : { onDelete }),
    ...(onUpdate === undefined ? {} : { onUpdate }),
  }
}

/**
 * A CHECK constraint; its condition without the outer parentheses SQL Server adds (SQL Server
 * rewrites the text otherwise too: `[qty]>=(0)` for `qty >= 0`).
 * @example
 * checkOfRow({ name: 'ck', is_system_named: false, definition: '([qty]>=(0))' }) // => { type: 'check', name: 'ck', condition: '[qty]>=(0)' }
 */
export function checkOfRow(row: Row): ConstraintModel {
  return { type: 'check', ...nameOf(row), condition: unwrapParens(requiredText(row, 'definition')) }
}

/**
 * An index from its rows (key columns in order, then INCLUDE columns): names as names, a
 * descending column as `{ sql: '[c] DESC' }`, `mssqlClustered` when clustered, the filter as
 * `mssqlWhere`.
 * @example
 * indexOfRows([{ name: 'ix', is_unique: false, index_type: 'NONCLUSTERED', column_name: 'a', is_descending: false, is_included: false }])
 * // => { name: 'ix', columns: ['a'] }
 */
export function indexOfRows(rows: readonly Row[]): IndexModel {
  const first = rows[0] ?? {}
  const columns: IndexColumn[] = []
  const include: string[] = []
  for (const r of rows) {
    const name = requiredText(r, 'column_name')
    if (flagOf(r, 'is_included')) include.push(name)
    else columns.push(flagOf(r, 'is_descending') ? { sql: `${q.ident(name)} DESC` } : name)
  }
  const filter = textOf(first, 'filter')
  return {
    name: requiredText(first, 'name'),
    columns,
    ...(flagOf(first, 'is_unique') ? { unique: true } : {}),
    ...(textOf(first, 'index_type') === 'CLUSTERED' ? { mssqlClustered: true } : {}),
    ...(include.length === 0 ? {} : { mssqlInclude: include }),
    ...(filter === undefined ? {} : { mssqlWhere: unwrapParens(filter) }),
  }
}
