import { compileBatchAsAlters, containerHandlers, defineDialect, type Capabilities, type Dialect, type Handlers } from '@athanor/dialect-kit'
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
import { postgresQuote } from './quote.js'

/**
 * What PostgreSQL does natively.
 * @example
 * postgresCapabilities.transactionalDdl // => true
 */
export const postgresCapabilities: Capabilities = {
  transactionalDdl: true,
  alterConstraints: true,
  alterColumn: true,
  renameColumn: true,
  dropColumn: true,
  comments: true,
  schemas: true,
  columnIfExists: true,
  deferrableConstraints: true,
  partialIndexes: true,
  expressionIndexes: true,
  identityColumns: true,
}

/**
 * The handler of every op kind, in the order of the IR's kinds.
 * @example
 * import { defineDialect } from '@athanor/dialect-kit'
 * // PostgreSQL with one handler changed
 * const mine = defineDialect({ name: 'mine', capabilities: postgresCapabilities, quote: postgresQuote, handlers: { ...postgresHandlers, executeSql: () => [] } })
 */
export const postgresHandlers = {
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
  // PostgreSQL alters everything in place, so a batch never rebuilds its table on "auto".
  batch: compileBatchAsAlters,
  ...containerHandlers,
} satisfies Handlers

/**
 * The PostgreSQL dialect (tested on PostgreSQL 15).
 * @example
 * import { addColumn } from '@athanor/ir'
 * postgresql.compile(addColumn({ tableName: 't', column: { name: 'c', type: 'integer' } }))
 * // => [{ sql: 'ALTER TABLE t ADD COLUMN c INTEGER' }]
 */
export const postgresql: Dialect = defineDialect({
  name: 'postgresql',
  capabilities: postgresCapabilities,
  quote: postgresQuote,
  handlers: postgresHandlers,
})
