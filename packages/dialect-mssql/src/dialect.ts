import {
  compileBatchAsAlters, containerHandlers, defineDialect, type Capabilities, type Dialect, type Handlers, type ScriptFraming,
} from '@athanor/dialect-kit'
import type { MssqlSettings } from './existing.js'
import { compileAddColumn } from './ops/add-column.js'
import { compileAlterColumn } from './ops/alter-column.js'
import { compileBulkInsert } from './ops/bulk-insert.js'
import { compileCreateCheckConstraint } from './ops/create-check-constraint.js'
import { compileCreateForeignKey } from './ops/create-foreign-key.js'
import { compileCreateIndex } from './ops/create-index.js'
import { compileCreatePrimaryKey } from './ops/create-primary-key.js'
import { compileCreateTableComment } from './ops/create-table-comment.js'
import { compileCreateTable } from './ops/create-table.js'
import { compileCreateUniqueConstraint } from './ops/create-unique-constraint.js'
import { compileDropColumn } from './ops/drop-column.js'
import { compileDropConstraint } from './ops/drop-constraint.js'
import { compileDropIndex } from './ops/drop-index.js'
import { compileDropTableComment } from './ops/drop-table-comment.js'
import { compileDropTable } from './ops/drop-table.js'
import { compileExecuteSql } from './ops/execute-sql.js'
import { compileRenameTable } from './ops/rename-table.js'
import { mssqlQuote } from './quote.js'

/**
 * What SQL Server does natively (2016 and later, for `DROP … IF EXISTS`).
 * @example
 * mssqlCapabilities.deferrableConstraints // => false
 */
export const mssqlCapabilities: Capabilities = {
  transactionalDdl: true,
  alterConstraints: true,
  alterColumn: true,
  renameColumn: true,
  dropColumn: true,
  comments: true,
  schemas: true,
  // DROP COLUMN IF EXISTS exists; ADD has no IF NOT EXISTS.
  columnIfExists: false,
  deferrableConstraints: false,
  partialIndexes: true,
  // An index holds columns; an expression is indexed through a computed column.
  expressionIndexes: false,
  // IDENTITY columns exist, but cannot be added to or removed from a column in place, and a table
  // has at most one: the identity scenarios are refused.
  identityColumns: false,
}

/**
 * Offline scripts: `BEGIN TRANSACTION;` … `COMMIT;`, and `GO` after every statement and after
 * the commit (catalog §0.3, §2.5).
 * @example
 * mssqlScriptFraming.separator // => 'GO'
 */
export const mssqlScriptFraming: ScriptFraming = { begin: 'BEGIN TRANSACTION;', commit: 'COMMIT;', separator: 'GO' }

/**
 * Options of {@link createMssqlDialect}.
 * @example
 * const options: MssqlOptions = { defaultSchema: 'app' }
 */
export interface MssqlOptions {
  /**
   * The schema that statements which must name one (the extended properties that hold comments)
   * name when the op has no `schema`. Default `dbo`. The reference reads it from a live
   * connection and, offline, refuses such ops; we take it from here.
   */
  readonly defaultSchema?: string
}

/**
 * The handler of every op kind, in the order of the IR's kinds, for the given settings.
 * @example
 * Object.keys(mssqlHandlers({ defaultSchema: 'dbo' })).length // => 22
 */
export function mssqlHandlers(settings: MssqlSettings): Handlers {
  return {
    addColumn: (op, ctx) => compileAddColumn(op, ctx, settings),
    alterColumn: (op, ctx) => compileAlterColumn(op, ctx, settings),
    dropColumn: compileDropColumn,
    createTable: (op, ctx) => compileCreateTable(op, ctx, settings),
    dropTable: compileDropTable,
    renameTable: compileRenameTable,
    createIndex: compileCreateIndex,
    dropIndex: compileDropIndex,
    createPrimaryKey: compileCreatePrimaryKey,
    createUniqueConstraint: compileCreateUniqueConstraint,
    createForeignKey: compileCreateForeignKey,
    createCheckConstraint: compileCreateCheckConstraint,
    dropConstraint: compileDropConstraint,
    createTableComment: (op, ctx) => compileCreateTableComment(op, ctx, settings),
    dropTableComment: (op, ctx) => compileDropTableComment(op, ctx, settings),
    bulkInsert: compileBulkInsert,
    executeSql: compileExecuteSql,
    // SQL Server alters in place; a batch is its ops as ALTERs ("always" is refused for now).
    batch: compileBatchAsAlters,
    ...containerHandlers,
  } satisfies Handlers
}

/**
 * Builds a SQL Server dialect with its options.
 *
 * Checked against the SQL the reference writes and against two T-SQL parsers; no SQL Server
 * was available to run the statements (a live conformance run needs `ATHANOR_MSSQL_URL`).
 * @example
 * import { createTableComment } from '@athanor/ir'
 * const app = createMssqlDialect({ defaultSchema: 'app' })
 * app.compile(createTableComment({ tableName: 't', comment: 'hi' }))
 * // => [{ sql: "execute sp_addextendedproperty 'MS_Description', N'hi', 'schema', app, 'table', t" }]
 */
export function createMssqlDialect(options: MssqlOptions = {}): Dialect {
  const settings: MssqlSettings = Object.freeze({ defaultSchema: options.defaultSchema ?? 'dbo' })
  return defineDialect({
    name: 'mssql',
    capabilities: mssqlCapabilities,
    quote: mssqlQuote,
    handlers: mssqlHandlers(settings),
    scriptFraming: mssqlScriptFraming,
  })
}

/**
 * The SQL Server dialect, with default schema `dbo`.
 *
 * Checked against the SQL the reference writes and against two T-SQL parsers; no SQL Server
 * was available to run the statements.
 * @example
 * import { addColumn } from '@athanor/ir'
 * mssql.compile(addColumn({ tableName: 't', column: { name: 'c', type: 'integer' } }))
 * // => [{ sql: 'ALTER TABLE t ADD c INTEGER NULL' }]
 */
export const mssql: Dialect = createMssqlDialect()
