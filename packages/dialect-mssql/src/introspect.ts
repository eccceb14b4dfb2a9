/**
 * `@athanor/dialect-mssql/introspect`: reads a live SQL Server schema into the IR's
 * `SchemaSnapshot` through a query function the caller supplies (so this package needs no
 * driver), and says how SQL Server reports what the ops wrote (`mssqlCanonical`).
 *
 * Written from SQL Server's documentation of its catalog views (`sys.tables`, `sys.columns`,
 * `sys.key_constraints`, …); no SQL Server was available, so it has not been run against one.
 * @packageDocumentation
 */
import type { ColumnModel, ConstraintModel, IndexModel, SchemaSnapshot, TableModel } from '@athanor/ir'
import { columnOfRow } from './introspect-columns.js'
import { checkOfRow, foreignKeyOfRows, indexOfRows, keyOfRows } from './introspect-constraints.js'
import { CHECKS_SQL, COLUMNS_SQL, FOREIGN_KEYS_SQL, INDEXES_SQL, KEYS_SQL, SESSION_SQL, TABLES_SQL } from './introspect-queries.js'
import { byTable, groupsOf, requiredText, textOf } from './introspect-rows.js'

export { mssqlCanonical, mssqlReportedDefault, mssqlReportedType } from './canonical.js'
export type { MssqlCanonical } from './canonical.js'

/**
 * Runs one SQL statement with named parameters (`@schema`) and returns its rows, each an object
 * keyed by column name. Bits may come as `true` or `1`, numbers as numbers or strings.
 * @example
 * import sql from 'mssql'
 * const pool = await sql.connect('Server=localhost;Database=app;User Id=sa;Password=…;Encrypt=false')
 * const query: MssqlQuery = async (text, params = {}) => {
 *   const request = pool.request()
 *   for (const [name, value] of Object.entries(params)) request.input(name, value)
 *   return (await request.query(text)).recordset
 * }
 */
export type MssqlQuery = (sql: string, params?: Readonly<Record<string, unknown>>) => Promise<readonly Record<string, unknown>[]>

/**
 * Options of {@link introspectMssql}.
 * @example
 * const options: MssqlIntrospectOptions = { schema: 'billing' }
 */
export interface MssqlIntrospectOptions {
  /**
   * The schema to read; the session's default schema (`SCHEMA_NAME()`) when absent. Tables of the
   * default schema are reported without `schema`, as ops that name no schema describe them.
   */
  readonly schema?: string
}

/**
 * Reads the tables of one schema: columns in order with their generic types, nullability,
 * defaults, identity, computed expressions and comments (extended properties named
 * `MS_Description`); primary key, unique, foreign key and check constraints (names the engine
 * chose are left out); and the indexes that do not back a constraint, with INCLUDE columns and
 * filters. Tables come in creation order (object_id), constraints and indexes likewise.
 *
 * Needs SQL Server 2016 or later. Not run against a server yet (none was available).
 * @example
 * declare const query: MssqlQuery
 * const snapshot = await introspectMssql(query, { schema: 'dbo' })
 * snapshot.tables.map((t) => t.name) // ['account', 'post']
 */
export async function introspectMssql(query: MssqlQuery, options: MssqlIntrospectOptions = {}): Promise<SchemaSnapshot> {
  const [session] = await query(SESSION_SQL)
  const defaultSchema = session === undefined ? undefined : textOf(session, 'default_schema')
  const schema = options.schema ?? defaultSchema
  if (schema === undefined) throw new Error('introspectMssql: no schema given and the session has no default schema')
  const params = { schema }
  // One after the other: a connection runs one request at a time.
  const tables = await query(TABLES_SQL, params)
  const columns = byTable<ColumnModel>(await query(COLUMNS_SQL, params), (rows) => rows.map(columnOfRow))
  const keys = byTable<ConstraintModel>(await query(KEYS_SQL, params), (rows) => groupsOf(rows, 'constraint_id').map(keyOfRows))
  const foreignKeys = byTable<ConstraintModel>(await query(FOREIGN_KEYS_SQL, params), (rows) =>
    groupsOf(rows, 'constraint_id').map((g) => foreignKeyOfRows(g, defaultSchema)),
  )
  const checks = byTable<ConstraintModel>(await query(CHECKS_SQL, params), (rows) => rows.map(checkOfRow))
  const indexes = byTable<IndexModel>(await query(INDEXES_SQL, params), (rows) => groupsOf(rows, 'index_id').map(indexOfRows))
  const out: TableModel[] = tables.map((row) => {
    const id = requiredText(row, 'table_id')
    const comment = textOf(row, 'comment')
    const keyList = keys.get(id) ?? []
    return {
      name: requiredText(row, 'name'),
      ...(schema === defaultSchema ? {} : { schema }),
      columns: columns.get(id) ?? [],
      // The primary key first, as the model lists it.
      constraints: [
        ...keyList.filter((c) => c.type === 'primaryKey'),
        ...keyList.filter((c) => c.type !== 'primaryKey'),
        ...(foreignKeys.get(id) ?? []),
        ...(checks.get(id) ?? []),
      ],
      indexes: indexes.get(id) ?? [],
      ...(comment === undefined ? {} : { comment }),
    }
  })
  return { tables: out }
}
