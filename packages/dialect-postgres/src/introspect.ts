/**
 * `@athanor/dialect-postgres/introspect`: reads a live PostgreSQL schema into the IR's
 * `SchemaSnapshot`, through a query function the caller supplies (so this package needs no
 * driver), and says how PostgreSQL reports what the ops wrote (`postgresCanonical`), for
 * comparing a snapshot read from the server with one built by `applyOps`.
 * @packageDocumentation
 */
import type { ColumnModel, ConstraintModel, IndexModel, SchemaSnapshot, TableModel, TableOptions } from '@athanor/ir'
import { columnOfRow } from './introspect-columns.js'
import { constraintOfRow, indexOfRow } from './introspect-constraints.js'
import { COLUMNS_SQL, constraintsSql, indexesSql, SESSION_SQL, TABLES_SQL } from './introspect-queries.js'
import { intOf, namesOf, optionsOf, requiredText, textOf, type Row } from './introspect-rows.js'

export { postgresCanonical, postgresReportedDefault, postgresReportedType } from './canonical.js'
export type { PostgresCanonical } from './canonical.js'

/**
 * Runs one SQL statement with positional parameters (`$1`, `$2`, …) and returns its rows, each
 * an object keyed by column name. Booleans may come as `true` or `'t'`, numbers as numbers or
 * strings: the introspector reads either.
 * @example
 * import pg from 'pg'
 * const client = new pg.Client({ database: 'app' })
 * const query: PostgresQuery = (sql, params) => client.query(sql, params).then((r) => r.rows)
 */
export type PostgresQuery = (sql: string, params?: unknown[]) => Promise<readonly Record<string, unknown>[]>

/**
 * Options of {@link introspectPostgres}.
 * @example
 * const options: PostgresIntrospectOptions = { schema: 'billing' } // tables come with schema: 'billing' unless it is the current schema
 */
export interface PostgresIntrospectOptions {
  /**
   * The schema to read; the session's current schema (the first existing one of `search_path`)
   * when absent. Tables of the current schema are reported without `schema`, as ops that name no
   * schema describe them; tables of any other schema carry its name.
   */
  readonly schema?: string
}

function tableOptions(row: Row): TableOptions | undefined {
  const withOptions = optionsOf(row, 'reloptions')
  const tablespace = textOf(row, 'tablespace')
  const partitionBy = textOf(row, 'partition_by')
  const inherits = namesOf(row, 'inherits')
  const options: TableOptions = {
    ...(partitionBy === undefined ? {} : { postgresqlPartitionBy: partitionBy }),
    ...(withOptions === undefined ? {} : { postgresqlWith: withOptions }),
    ...(tablespace === undefined ? {} : { postgresqlTablespace: tablespace }),
    ...(inherits.length === 0 ? {} : { postgresqlInherits: inherits }),
  }
  return Object.keys(options).length === 0 ? undefined : options
}

/** Groups rows by their `table_oid`, keeping their order. */
function byTable<T>(rows: readonly Row[], of: (row: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const oid = requiredText(row, 'table_oid')
    const list = out.get(oid) ?? []
    list.push(of(row))
    out.set(oid, list)
  }
  return out
}

/**
 * Reads the tables of one schema: columns in ordinal order with their generic types
 * (`integer`, `varchar(n)`, `numeric(p, s)`, `datetime` with `timezone`, named enums, and
 * `{ name: 'raw', sql }` for anything else), nullability, defaults (a SERIAL column is
 * `autoincrement: true`; `'abc'::text` is `{ literal: 'abc' }`; other expressions are `{ sql }`),
 * identity and generated columns, comments; primary key, unique, foreign key and check
 * constraints with their names; and the indexes that do not back a constraint. Parameters equal
 * to PostgreSQL's defaults are omitted (`TIMESTAMP(6)`, `ON DELETE NO ACTION`, `USING btree`).
 *
 * Tables come in creation order (catalog oid), constraints and indexes likewise within a table.
 * Needs PostgreSQL 12 or later.
 * @example
 * import pg from 'pg'
 * import { introspectPostgres } from '@athanor/dialect-postgres/introspect'
 * const client = new pg.Client({ database: 'app' })
 * await client.connect()
 * const snapshot = await introspectPostgres((sql, params) => client.query(sql, params).then((r) => r.rows), { schema: 'public' })
 * snapshot.tables.map((t) => t.name) // ['account', 'post']
 */
export async function introspectPostgres(query: PostgresQuery, options: PostgresIntrospectOptions = {}): Promise<SchemaSnapshot> {
  const [session] = await query(SESSION_SQL)
  if (session === undefined) throw new Error('introspectPostgres: the session query returned no row')
  const currentSchema = textOf(session, 'current_schema')
  const version = intOf(session, 'version')
  const schema = options.schema ?? currentSchema
  if (schema === undefined) throw new Error('introspectPostgres: no schema given and search_path names no existing schema')
  const params = [schema]
  // One after the other: a single connection runs one query at a time.
  const tables = await query(TABLES_SQL, params)
  const columns = await query(COLUMNS_SQL, params)
  const constraints = await query(constraintsSql(version), params)
  const indexes = await query(indexesSql(version), params)
  const columnsOf = byTable<ColumnModel>(columns, columnOfRow)
  const constraintsOf = byTable<ConstraintModel>(constraints, (row) => constraintOfRow(row, currentSchema))
  const indexesOf = byTable<IndexModel>(indexes, indexOfRow)
  const out: TableModel[] = tables.map((row) => {
    const oid = requiredText(row, 'oid')
    const comment = textOf(row, 'comment')
    const tableOpts = tableOptions(row)
    // The primary key first, as the model lists it.
    const cons = constraintsOf.get(oid) ?? []
    return {
      name: requiredText(row, 'name'),
      ...(schema === currentSchema ? {} : { schema }),
      columns: columnsOf.get(oid) ?? [],
      constraints: [...cons.filter((c) => c.type === 'primaryKey'), ...cons.filter((c) => c.type !== 'primaryKey')],
      indexes: indexesOf.get(oid) ?? [],
      ...(comment === undefined ? {} : { comment }),
      ...(textOf(row, 'persistence') === 'u' ? { prefixes: ['UNLOGGED'] } : {}),
      ...(tableOpts === undefined ? {} : { options: tableOpts }),
    }
  })
  return { tables: out }
}
