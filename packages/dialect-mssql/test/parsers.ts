/**
 * The two T-SQL parsers the property tests read our statements with: node-sql-parser 5.4.0
 * (`database: 'transactsql'`) and @guanmingchiu/sqlparser-ts 0.62.0 (`MsSqlDialect`, the WASM
 * build of sqlparser-rs). Neither knows all of T-SQL; each misses constructs the other reads.
 */
import { MsSqlDialect, init, parse } from '@guanmingchiu/sqlparser-ts'
import NodeSqlParser from 'node-sql-parser'

await init()
const nodeParser = new NodeSqlParser.Parser()
const dialect = new MsSqlDialect()

/** Which parser read a statement. */
export type ParserName = 'sqlparser-ts' | 'node-sql-parser'

/** The error message, or `undefined` when sqlparser-ts (MsSqlDialect) reads the SQL. */
export function sqlparserError(sql: string): string | undefined {
  try {
    parse(sql, dialect)
    return undefined
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/** The error message, or `undefined` when node-sql-parser (transactsql) reads the SQL. */
export function nodeSqlParserError(sql: string): string | undefined {
  try {
    nodeParser.astify(sql, { database: 'transactsql' })
    return undefined
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/** The statements sqlparser-ts reads from the SQL, as its AST (to read names and values back). */
export function sqlparserAst(sql: string): unknown {
  return parse(sql, dialect)
}
