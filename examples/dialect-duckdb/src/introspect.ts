/**
 * `athanor-dialect-duckdb/introspect`: reads a live DuckDB database into a `SchemaSnapshot`
 * through a caller-supplied `query` function, so the package itself needs no driver; and the
 * canonical forms the conformance suite compares DuckDB's schema in.
 * @packageDocumentation
 */
import type { ColumnModel, ConstraintModel, IndexModel, SchemaSnapshot, ServerDefault, TableModel, ViewModel } from '@athanor/ir'
import { duckdbColumnType } from './introspect-types.js'
import { generatedColumns, indexItems } from './introspect-sql.js'
import { duckdbLiteral } from './quote.js'

export { duckdbCanonical, duckdbReportedType } from './canonical.js'
export { duckdbColumnType } from './introspect-types.js'

/**
 * Runs one query and returns its rows as plain objects: numbers may come as numbers or as
 * strings (DuckDB's BIGINT), lists as arrays.
 * @example
 * import { DuckDBInstance } from '@duckdb/node-api'
 * const connection = await (await DuckDBInstance.create('app.duckdb')).connect()
 * const query: DuckdbQuery = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson()
 */
export type DuckdbQuery = (sql: string) => Promise<readonly Record<string, unknown>[]>

/**
 * Options of {@link introspectDuckdb}.
 * @example
 * const options: IntrospectOptions = { schemas: ['main', 'staging'] }
 */
export interface IntrospectOptions {
  /** The schemas to read; every schema of the current database by default. Tables of `main` have no `schema`. */
  readonly schemas?: readonly string[]
}

const DEFAULT_SCHEMA = 'main'

type Row = Readonly<Record<string, unknown>>
const text = (row: Row, key: string): string => String(row[key] ?? '')
const optionalText = (row: Row, key: string): string | undefined => (row[key] === null || row[key] === undefined ? undefined : String(row[key]))
const list = (row: Row, key: string): string[] => (Array.isArray(row[key]) ? (row[key] as unknown[]).map(String) : [])
const flag = (row: Row, key: string): boolean => row[key] === true || row[key] === 'true'
const tableKey = (schema: string, table: string): string => `${schema}\u0000${table}`

/** A default as DuckDB reports it: a quoted string is a literal, anything else SQL. */
function serverDefaultOf(sql: string): ServerDefault {
  const m = /^'((?:[^']|'')*)'$/s.exec(sql)
  return m === null ? { sql } : { literal: (m[1] ?? '').replaceAll("''", "'") }
}

/** The SQL that lists the rows of a catalog function for the schemas read. */
function catalog(fn: string, columns: string, schemas: readonly string[] | undefined, more = ''): string {
  const where = schemas === undefined ? "schema_name NOT IN ('information_schema', 'pg_catalog')" : `schema_name IN (${schemas.map(duckdbLiteral).join(', ')})`
  return `SELECT ${columns} FROM ${fn}() WHERE database_name = current_database() AND ${where}${more}`
}

function columnOf(row: Row, generated: ReadonlyMap<string, string>): ColumnModel {
  const name = text(row, 'column_name')
  const expression = generated.get(name)
  const dflt = optionalText(row, 'column_default')
  const comment = optionalText(row, 'comment')
  return {
    name,
    type: duckdbColumnType(text(row, 'data_type')),
    nullable: flag(row, 'is_nullable'),
    ...(dflt === undefined || expression !== undefined ? {} : { serverDefault: serverDefaultOf(dflt) }),
    ...(comment === undefined ? {} : { comment }),
    ...(expression === undefined ? {} : { computed: { sqltext: expression, persisted: false } }),
  }
}

function constraintOf(row: Row, schema: string | undefined): ConstraintModel | undefined {
  const name = text(row, 'constraint_name')
  const columns = list(row, 'constraint_column_names')
  switch (text(row, 'constraint_type')) {
    case 'PRIMARY KEY':
      return { type: 'primaryKey', name, columns }
    case 'UNIQUE':
      return { type: 'unique', name, columns }
    case 'CHECK':
      return { type: 'check', name, condition: text(row, 'expression') }
    case 'FOREIGN KEY': {
      const referentTable = optionalText(row, 'referenced_table')
      // DuckDB keeps no key across schemas: the referenced table is in the table's schema.
      if (referentTable === undefined) return undefined
      return { type: 'foreignKey', name, localCols: columns, referentTable, remoteCols: list(row, 'referenced_column_names'), ...(schema === undefined ? {} : { referentSchema: schema }) }
    }
    default:
      return undefined // NOT NULL is a column's `nullable`
  }
}

/**
 * Reads the tables (columns, primary key, unique, foreign key and check constraints, indexes,
 * comments) and views of a DuckDB database into a `SchemaSnapshot`, from `duckdb_tables()`,
 * `duckdb_columns()`, `duckdb_constraints()`, `duckdb_indexes()` and `duckdb_views()`. Tables
 * come in creation order, columns in table order. DuckDB names constraints itself
 * (`t_a_check`); those names are reported.
 * @example
 * import { DuckDBInstance } from '@duckdb/node-api'
 * const connection = await (await DuckDBInstance.create('app.duckdb')).connect()
 * const snapshot = await introspectDuckdb(async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson())
 */
export async function introspectDuckdb(query: DuckdbQuery, options: IntrospectOptions = {}): Promise<SchemaSnapshot> {
  const schemas = options.schemas
  const [tables, columns, constraints, indexes, views] = await Promise.all([
    query(catalog('duckdb_tables', 'schema_name, table_name, comment, sql', schemas, ' AND NOT internal ORDER BY table_oid')),
    query(catalog('duckdb_columns', 'schema_name, table_name, column_name, comment, column_default, is_nullable, data_type', schemas, ' AND NOT internal ORDER BY table_oid, column_index')),
    query(catalog('duckdb_constraints', 'schema_name, table_name, constraint_name, constraint_type, expression, constraint_column_names, referenced_table, referenced_column_names', schemas, ' ORDER BY table_oid, constraint_index')),
    query(catalog('duckdb_indexes', 'schema_name, table_name, index_name, is_unique, sql', schemas, ' ORDER BY index_oid')),
    query(catalog('duckdb_views', 'schema_name, view_name, sql', schemas, ' AND NOT internal ORDER BY view_oid')),
  ])
  const byTable = <T>(rows: readonly Row[], build: (row: Row) => T | undefined): Map<string, T[]> => {
    const out = new Map<string, T[]>()
    for (const row of rows) {
      const item = build(row)
      if (item === undefined) continue
      const key = tableKey(text(row, 'schema_name'), text(row, 'table_name'))
      const items = out.get(key) ?? []
      items.push(item)
      out.set(key, items)
    }
    return out
  }
  const generated = new Map(tables.map((t) => [tableKey(text(t, 'schema_name'), text(t, 'table_name')), generatedColumns(text(t, 'sql'))]))
  const schemaOf = (row: Row): string | undefined => (text(row, 'schema_name') === DEFAULT_SCHEMA ? undefined : text(row, 'schema_name'))
  const columnsOf = byTable(columns, (row) => columnOf(row, generated.get(tableKey(text(row, 'schema_name'), text(row, 'table_name'))) ?? new Map()))
  const constraintsOf = byTable(constraints, (row) => constraintOf(row, schemaOf(row)))
  const indexesOf = byTable(indexes, (row): IndexModel => ({ name: text(row, 'index_name'), columns: indexItems(text(row, 'sql')), ...(flag(row, 'is_unique') ? { unique: true } : {}) }))
  const out: TableModel[] = tables.map((t) => {
    const key = tableKey(text(t, 'schema_name'), text(t, 'table_name'))
    const schema = schemaOf(t)
    const comment = optionalText(t, 'comment')
    const found = constraintsOf.get(key) ?? []
    return {
      name: text(t, 'table_name'),
      ...(schema === undefined ? {} : { schema }),
      columns: columnsOf.get(key) ?? [],
      // The primary key first, as the schema model keeps it.
      constraints: [...found.filter((c) => c.type === 'primaryKey'), ...found.filter((c) => c.type !== 'primaryKey')],
      indexes: indexesOf.get(key) ?? [],
      ...(comment === undefined ? {} : { comment }),
    }
  })
  const viewModels: ViewModel[] = views.map((v) => {
    const schema = schemaOf(v)
    return { name: text(v, 'view_name'), ...(schema === undefined ? {} : { schema }), sql: text(v, 'sql') }
  })
  return { tables: out, ...(viewModels.length === 0 ? {} : { views: viewModels }) }
}
