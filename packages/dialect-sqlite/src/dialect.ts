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
import { sqliteQuote } from './quote.js'

/**
 * What SQLite (3.35+) does natively. Constraints and in-place column changes are not among it:
 * a batch rebuilds the table for them.
 * @example
 * sqliteCapabilities.alterConstraints // => false
 */
export const sqliteCapabilities: Capabilities = {
  // SQLite rolls back DDL with the rest of a transaction. Differs from Alembic, which reports
  // no transactional DDL for SQLite and writes no BEGIN/COMMIT (catalog §2.4, Appendix B).
  transactionalDdl: true,
  alterConstraints: false,
  alterColumn: false,
  renameColumn: true,
  dropColumn: true,
  comments: false,
  // Schemas are attached database files, which a migration cannot assume.
  schemas: false,
  columnIfExists: false,
  // Only foreign keys can be DEFERRABLE on SQLite.
  deferrableConstraints: false,
  partialIndexes: true,
  expressionIndexes: true,
  identityColumns: false,
}

/**
 * The handler of every op kind, in the order of the IR's kinds.
 * @example
 * import { defineDialect } from '@athanor/dialect-kit'
 * // SQLite with one handler changed
 * const mine = defineDialect({ name: 'mine', capabilities: sqliteCapabilities, quote: sqliteQuote, handlers: { ...sqliteHandlers, executeSql: () => [] } })
 */
export const sqliteHandlers = {
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

/**
 * The SQLite dialect (tested on SQLite 3.53 through better-sqlite3; needs 3.35+ for DROP COLUMN).
 * @example
 * import { addColumn } from '@athanor/ir'
 * sqlite.compile(addColumn({ tableName: 't', column: { name: 'c', type: 'integer' } }))
 * // => [{ sql: 'ALTER TABLE t ADD COLUMN c INTEGER' }]
 */
export const sqlite: Dialect = defineDialect({
  name: 'sqlite',
  capabilities: sqliteCapabilities,
  quote: sqliteQuote,
  handlers: sqliteHandlers,
})
