/**
 * `@athanor/dialect-mysql`: compiles Athanor ops to MySQL (8.0.16+) and MariaDB (10.6+; tested
 * on 10.11): `mysql` and `mariadb`, or `createMysqlDialect({ flavour, version, noBackslashEscapes,
 * database })`. No transactional DDL: `compileMigration` says so in the script.
 *
 * **String literals** read the same whether or not the server's sql_mode has
 * NO_BACKSLASH_ESCAPES: quotes are doubled (`''`, the same in both modes), and a string holding a
 * backslash or NUL is written as a hex literal with a character set introducer
 * (`_utf8mb4 X'615c62'`), which has no escapes at all. Told the mode (`noBackslashEscapes`), the
 * dialect writes plain literals for it. MySQL takes only a quoted string after COMMENT, so a
 * comment holding a backslash needs the mode, and NUL or characters outside the Basic
 * Multilingual Plane (stored as `?`) are refused. Differs from Alembic, whose doubled backslashes
 * store two under NO_BACKSLASH_ESCAPES.
 *
 * **MODIFY and CHANGE restate the whole column.** An alterColumn that needs them takes what it
 * does not change from its `existing*` fields, else from the schema snapshot (`ctx.snapshot`),
 * else refuses with `MissingExistingStateError` naming the field (`existingNullable`, …,
 * `mysqlOnUpdate`): it never drops a default, comment, NOT NULL, AUTO_INCREMENT or ON UPDATE
 * nobody asked to change. Differs from Alembic, which makes a NOT NULL column nullable when
 * `existing_nullable` is omitted. A rename alone is `RENAME COLUMN` (MySQL 8, MariaDB 10.5.2),
 * and a default alone `ALTER COLUMN … SET/DROP DEFAULT`: neither needs the rest.
 *
 * Names over 64 characters (and others MySQL rejects) are refused with `UNSUPPORTED_OPERATION`
 * and the path of the field, before any SQL. See `impliedAutoincrement` for when a column is
 * AUTO_INCREMENT, and `@athanor/dialect-mysql/introspect` for reading a database back.
 * @packageDocumentation
 */
export { createMysqlDialect, mariadb, mysql, mysqlCapabilities, mysqlHandlers } from './dialect.js'
export { DEFAULT_VERSIONS, parseMysqlVersion, supports } from './target.js'
export type { MysqlDialectOptions, MysqlFeature, MysqlFlavour, MysqlTarget, MysqlVersion } from './target.js'
export { mysqlTarget } from './target.js'
export { MARIADB_RESERVED, MYSQL_RESERVED } from './reserved.js'
export {
  MAX_IDENTIFIER_LENGTH, checkName, createMysqlQuoter, mariadbQuote, mysqlEnumValue, mysqlLiteral, mysqlQuote, mysqlTextLiteral, nameProblem,
} from './quote.js'
export { isDatetimeFamily, isIntegerType, mysqlType, mysqlTypeSpelling, mysqlTypes } from './types.js'
export { impliedAutoincrement } from './autoincrement.js'
export { columnAfter } from './existing-state.js'
export type { ColumnState } from './column-spec.js'
