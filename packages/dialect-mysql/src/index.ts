/**
 * `@athanor/dialect-mysql`: compiles Athanor ops to MySQL and MariaDB.
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
