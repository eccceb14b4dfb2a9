import { containerHandlers, defineDialect, type Capabilities, type Dialect, type Handlers } from '@athanor/dialect-kit'
import { compileAddColumn } from './ops/add-column.js'
import { compileAlterColumn } from './ops/alter-column.js'
import { compileBatch } from './ops/batch.js'
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
import { duckdbQuote } from './quote.js'

// region capabilities
/**
 * What DuckDB 1.5 does natively. It alters columns in place but adds and drops no constraint
 * (a primary key aside), so a batch rebuilds the table for those; it has no cascading foreign
 * keys, no stored generated columns, no identity columns, no partial indexes, and keeps its own
 * names for constraints.
 * @example
 * duckdbCapabilities.alterConstraints // => false
 */
export const duckdbCapabilities: Capabilities = {
  transactionalDdl: true,
  alterConstraints: false,
  alterColumn: true,
  renameColumn: true,
  dropColumn: true,
  comments: true,
  schemas: true,
  columnIfExists: true,
  deferrableConstraints: false,
  partialIndexes: false,
  expressionIndexes: true,
  identityColumns: false,
  foreignKeyActions: false,
  storedComputedColumns: false,
  crossSchemaForeignKeys: false,
  alterReferencedTables: false,
  namedConstraints: false,
}
// endregion capabilities

// region handlers
/**
 * The handler of every op kind, in the order of the IR's kinds.
 * @example
 * import { dropTable } from '@athanor/ir'
 * import type { HandlerContext } from '@athanor/dialect-kit'
 * declare const ctx: HandlerContext // what `compile` gives a handler
 * duckdbHandlers.dropTable(dropTable({ tableName: 't' }), ctx) // [{ sql: 'DROP TABLE t' }]
 */
export const duckdbHandlers = {
  addColumn: compileAddColumn,
  alterColumn: compileAlterColumn,
  dropColumn: compileDropColumn,
  createTable: compileCreateTable,
  dropTable: compileDropTable,
  renameTable: compileRenameTable,
  createIndex: compileCreateIndex,
  dropIndex: compileDropIndex,
  createPrimaryKey: compileCreatePrimaryKey,
  createUniqueConstraint: compileCreateUniqueConstraint,
  createForeignKey: compileCreateForeignKey,
  createCheckConstraint: compileCreateCheckConstraint,
  dropConstraint: compileDropConstraint,
  createTableComment: compileCreateTableComment,
  dropTableComment: compileDropTableComment,
  bulkInsert: compileBulkInsert,
  executeSql: compileExecuteSql,
  // Rebuilds the table ("move and copy") when a child needs it, see rebuild-hooks.ts.
  batch: compileBatch,
  ...containerHandlers,
} satisfies Handlers
// endregion handlers

// region dialect
/**
 * The DuckDB dialect (tested on DuckDB 1.5 in-process, through `@duckdb/node-api`).
 * @example
 * import { addColumn } from '@athanor/ir'
 * duckdb.compile(addColumn({ tableName: 't', column: { name: 'c', type: 'integer' } }))
 * // => [{ sql: 'ALTER TABLE t ADD COLUMN c INTEGER' }]
 */
export const duckdb: Dialect = defineDialect({
  name: 'duckdb',
  capabilities: duckdbCapabilities,
  quote: duckdbQuote,
  handlers: duckdbHandlers,
})
// endregion dialect
