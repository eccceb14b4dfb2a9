/**
 * `@athanor/dialect-mysql/introspect`: reads a live MySQL or MariaDB database into the IR's
 * `SchemaSnapshot` through a query function the caller supplies (so this package needs no
 * driver), and says how the server reports what the ops wrote (`mysqlCanonical`), for comparing a
 * snapshot read from the server with one built by `applyOps`.
 * @packageDocumentation
 */
import { findTable, type ConstraintModel, type SchemaSnapshot, type TableModel, type TableOptions } from '@athanor/ir'
import { columnOfRow } from './introspect-columns.js'
import { foreignKeysOfRows, indexesOfRows, isJsonCheck, keysOf, unwrapParens } from './introspect-constraints.js'
import { checksSql, COLUMNS_SQL, DATABASE_SQL, EXPRESSIONS_SQL, FOREIGN_KEYS_SQL, SESSION_SQL, STATISTICS_SQL, TABLES_SQL } from './introspect-queries.js'
import { byTable, requiredText, textOf, type Row } from './introspect-rows.js'

export { mysqlCanonical, mysqlReportedDefault, mysqlReportedType } from './canonical.js'
export type { MysqlCanonical } from './canonical.js'
export { genericType, unescapeMysql } from './introspect-types.js'
export type { CatalogType } from './introspect-types.js'

/**
 * Runs one SQL statement with positional `?` parameters and returns its rows, each an object
 * keyed by column name. With mysql2: `(sql, params) => connection.query(sql, params).then(([rows]) => rows)`.
 * @example
 * // A query function that records what it is asked, for a test without a server
 * const asked: string[] = []
 * const query: MysqlQuery = async (sql) => {
 *   asked.push(sql)
 *   return []
 * }
 * await introspectMysql(query).catch((e: Error) => e.message) // => 'introspectMysql: the session query returned no row'
 * asked.length // => 1
 */
export type MysqlQuery = (sql: string, params?: unknown[]) => Promise<readonly Record<string, unknown>[]>

/**
 * Options of {@link introspectMysql}.
 * @example
 * import mysql from 'mysql2/promise'
 * import type { SchemaSnapshot } from '@athanor/ir'
 * declare const expected: SchemaSnapshot // the model the migrations built, from applyOps
 * const connection = await mysql.createConnection({ host: '127.0.0.1', user: 'root' })
 * const options: MysqlIntrospectOptions = { database: 'app', like: expected }
 * const snapshot = await introspectMysql((sql, params) => connection.query(sql, params).then(([rows]) => rows as Record<string, unknown>[]), options)
 */
export interface MysqlIntrospectOptions {
  /**
   * The database to read; the connection's current one when absent. Tables of the current
   * database are reported without `schema`, as ops that name no schema describe them; tables of
   * any other database carry its name.
   */
  readonly database?: string
  /**
   * The schema the caller expects (the model its ops built), to settle what MySQL does not record:
   * whether a unique index was made as a UNIQUE constraint or as an index, the name given to a
   * primary key (MySQL calls every one PRIMARY), and whether an index is one InnoDB made for a
   * foreign key. Without it, unique indexes are UNIQUE constraints, primary keys are unnamed, and
   * InnoDB's indexes are recognised by their names.
   */
  readonly like?: SchemaSnapshot
}

function tableOptions(row: Row, defaults: { readonly engine: string | undefined; readonly charset: string | undefined; readonly collation: string | undefined }): TableOptions | undefined {
  const engine = textOf(row, 'engine')
  const collation = textOf(row, 'collation')
  const charset = textOf(row, 'charset')
  const rowFormat = /\brow_format=(\w+)/i.exec(textOf(row, 'create_options') ?? '')?.[1]
  const options: TableOptions = {
    ...(engine === undefined || engine.toLowerCase() === defaults.engine?.toLowerCase() ? {} : { mysqlEngine: engine }),
    ...(charset === undefined || charset === defaults.charset ? {} : { mysqlCharset: charset }),
    ...(collation === undefined || collation === defaults.collation || textOf(row, 'collation_is_default') === 'Yes' ? {} : { mysqlCollate: collation }),
    ...(rowFormat === undefined ? {} : { mysqlRowFormat: rowFormat.toUpperCase() }),
  }
  return Object.keys(options).length === 0 ? undefined : options
}

/**
 * Reads the base tables of one database: columns in ordinal order with their generic types (see
 * `genericType`; MariaDB's JSON columns, LONGTEXT with a `json_valid` check, are `json`),
 * nullability, defaults, AUTO_INCREMENT (`autoincrement: true`), `ON UPDATE`, generated columns
 * and comments; the primary key, UNIQUE constraints, foreign keys (RESTRICT and NO ACTION
 * omitted) and checks; the other indexes with `mysqlLength`, `mysqlPrefix` and `mysqlUsing`; the
 * table comment and the options that differ from the server's and database's defaults (engine,
 * charset, collation, row format). See {@link MysqlIntrospectOptions.like} for what MySQL does not
 * record. Needs MySQL 8.0.16+ or MariaDB 10.2.7+ (the way information_schema prints defaults).
 * @example
 * import mysql from 'mysql2/promise'
 * import { introspectMysql } from '@athanor/dialect-mysql/introspect'
 * const connection = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: 'app' })
 * const snapshot = await introspectMysql((sql, params) => connection.query(sql, params).then(([rows]) => rows as Record<string, unknown>[]))
 * snapshot.tables.map((t) => t.name) // ['account', 'post']
 */
export async function introspectMysql(query: MysqlQuery, options: MysqlIntrospectOptions = {}): Promise<SchemaSnapshot> {
  const [session] = await query(SESSION_SQL)
  if (session === undefined) throw new Error('introspectMysql: the session query returned no row')
  const currentDatabase = textOf(session, 'current_database')
  const database = options.database ?? currentDatabase
  if (database === undefined) throw new Error('introspectMysql: no database given and the connection has no current database')
  const mariadb = /mariadb/i.test(textOf(session, 'version') ?? '')
  const params = [database]
  // One after the other: a single connection runs one query at a time.
  const [databaseRow] = await query(DATABASE_SQL, params)
  const tables = await query(TABLES_SQL, params)
  const columns = await query(COLUMNS_SQL, params)
  const statistics = await query(STATISTICS_SQL, params)
  const expressions = mariadb ? [] : await query(EXPRESSIONS_SQL, params).catch(() => [])
  const foreignKeyRows = await query(FOREIGN_KEYS_SQL, params)
  const checks = await query(checksSql(mariadb), params)
  const defaults = {
    engine: textOf(session, 'default_engine'),
    charset: databaseRow === undefined ? undefined : textOf(databaseRow, 'charset'),
    collation: databaseRow === undefined ? undefined : textOf(databaseRow, 'collation'),
  }
  const columnsOf = byTable(columns, (row) => row)
  const statisticsOf = byTable(statistics, (row) => row)
  const expressionsOf = byTable(expressions, (row) => row)
  const foreignKeysOf = byTable(foreignKeyRows, (row) => row)
  const checksOf = byTable(checks, (row) => row)
  const schema = database === currentDatabase ? undefined : database
  const out: TableModel[] = tables.map((row) => {
    const name = requiredText(row, 'table_name')
    const like = options.like === undefined ? undefined : findTable(options.like, name, schema)
    const columnRows = columnsOf.get(name) ?? []
    const checkRows = checksOf.get(name) ?? []
    // MariaDB's JSON is LONGTEXT with a check of the column's own, named after it.
    const jsonColumns = new Set(
      columnRows
        .map((c) => requiredText(c, 'name'))
        .filter((c) => checkRows.some((k) => textOf(k, 'level') === 'Column' && textOf(k, 'name') === c && isJsonCheck(textOf(k, 'clause') ?? '', c))),
    )
    const foreignKeys = foreignKeysOfRows(foreignKeysOf.get(name) ?? [], currentDatabase)
    const keys = keysOf(indexesOfRows(statisticsOf.get(name) ?? [], expressionsOf.get(name) ?? []), foreignKeys, like)
    const checkModels: ConstraintModel[] = checkRows
      .filter((k) => !jsonColumns.has(requiredText(k, 'name')) || textOf(k, 'level') !== 'Column')
      .map((k) => ({ type: 'check', name: requiredText(k, 'name'), condition: unwrapParens(requiredText(k, 'clause')) }))
    const comment = textOf(row, 'comment') ?? ''
    const tableOpts = tableOptions(row, defaults)
    const context = { tableCollation: textOf(row, 'collation'), mariadb, jsonColumns }
    return {
      name,
      ...(schema === undefined ? {} : { schema }),
      columns: columnRows.map((c) => columnOfRow(c, context)),
      constraints: [...keys.constraints, ...foreignKeys, ...checkModels],
      indexes: keys.indexes,
      ...(comment === '' ? {} : { comment }),
      ...(tableOpts === undefined ? {} : { options: tableOpts }),
    }
  })
  return { tables: out }
}
