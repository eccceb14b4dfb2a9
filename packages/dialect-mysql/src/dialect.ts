import {
  compileBatchAsAlters, containerHandlers, defineDialect, type Capabilities, type Dialect, type Handler, type HandlerContext, type Handlers,
  type Statement,
} from '@athanor/dialect-kit'
import type { AddColumnOp, AlterColumnOp, DropColumnOp, OpBase } from '@athanor/ir'
import { carriesBadName, checkOpNames } from './names.js'
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
import { createMysqlQuoter } from './quote.js'
import { flavourOf, mysqlTarget, supports, type MysqlDialectOptions, type MysqlTarget } from './target.js'

/**
 * What a MySQL or MariaDB server does natively: no transactional DDL (an offline script says so
 * and is not wrapped in a transaction), no deferrable constraints, partial indexes or identity
 * columns; IF [NOT] EXISTS on columns, indexes and constraints on MariaDB only; indexes on
 * expressions on MySQL 8.0.13+ only.
 * @example
 * mysqlCapabilities(mysqlTarget({ flavour: 'mariadb' }, mariadbQuote)).columnIfExists // => true
 */
export function mysqlCapabilities(target: Pick<MysqlTarget, 'flavour' | 'version'>): Capabilities {
  return {
    transactionalDdl: false,
    alterConstraints: true,
    alterColumn: true,
    renameColumn: true,
    dropColumn: true,
    comments: true,
    schemas: true,
    columnIfExists: supports(target, 'columnIfExists'),
    deferrableConstraints: false,
    partialIndexes: false,
    expressionIndexes: supports(target, 'functionalIndexes'),
    identityColumns: false,
  }
}

/** A handler of this package: the op, the context, and the server it compiles for. */
type MysqlHandler<O> = (op: O, ctx: HandlerContext, target: MysqlTarget) => readonly Statement[]

/**
 * The handler of every op kind for one target, in the order of the IR's kinds. A name MySQL cannot
 * take is refused before anything else, at the path of its field (see `checkOpNames`); batches
 * compile their children as ALTERs (MySQL alters in place, so `recreate: "auto"` never rebuilds).
 * @example
 * const handlers = mysqlHandlers(mysqlTarget({ flavour: 'mariadb' }, mariadbQuote))
 */
export function mysqlHandlers(target: MysqlTarget): Handlers {
  // Four wrappers, one per way the names are checked, rather than one that asks the op which:
  // each has call sites of its own that see only the kinds it wraps (one wrapper for all kinds
  // read op.kind and the placement fields of every kind's objects, a slow megamorphic read).
  // The quoter checks each name as it is written, so for kinds whose handler writes every name
  // the names are walked only on failure (a bad name still comes first, at its path).
  /** Kinds whose handler may leave a name unwritten: every name checked first. */
  const checked = <O extends OpBase>(compile: MysqlHandler<O>): Handler<O> => (op, ctx) => {
    checkOpNames(op, target)
    return compile(op, ctx, target)
  }
  /** Kinds whose handler writes every name (createTable, createIndex, createForeignKey, renameTable). */
  const written = <O extends OpBase>(compile: MysqlHandler<O>): Handler<O> => (op, ctx) => {
    try {
      return compile(op, ctx, target)
    } catch (e) {
      checkOpNames(op, target)
      throw e
    }
  }
  /** addColumn and alterColumn: every name is written, unless a batch child places the column. */
  const placing = <O extends AddColumnOp | AlterColumnOp>(compile: MysqlHandler<O>): Handler<O> => (op, ctx) => {
    // The placement fields are read here, not by a helper shared with dropping: each read then
    // sees only the objects of its own kinds.
    const placed = op as { readonly insertBefore?: string; readonly insertAfter?: string }
    if (placed.insertBefore !== undefined || placed.insertAfter !== undefined) {
      checkOpNames(op, target)
      return compile(op, ctx, target)
    }
    try {
      return compile(op, ctx, target)
    } catch (e) {
      checkOpNames(op, target)
      throw e
    }
  }
  /** dropColumn: as {@link placing}, but the column it carries for reversal is never written. */
  const dropping = (compile: MysqlHandler<DropColumnOp>): Handler<DropColumnOp> => (op, ctx) => {
    const placed = op as { readonly insertBefore?: string; readonly insertAfter?: string }
    if (placed.insertBefore !== undefined || placed.insertAfter !== undefined) {
      checkOpNames(op, target)
      return compile(op, ctx, target)
    }
    let out: readonly Statement[]
    try {
      out = compile(op, ctx, target)
    } catch (e) {
      checkOpNames(op, target)
      throw e
    }
    if (carriesBadName(op)) checkOpNames(op, target)
    return out
  }
  return {
    addColumn: placing(compileAddColumn),
    alterColumn: placing(compileAlterColumn),
    dropColumn: dropping(compileDropColumn),
    createTable: written(compileCreateTable),
    dropTable: checked(compileDropTable),
    renameTable: written(compileRenameTable),
    createIndex: written(compileCreateIndex),
    dropIndex: checked(compileDropIndex),
    createPrimaryKey: checked(compileCreatePrimaryKey),
    createUniqueConstraint: checked(compileCreateUniqueConstraint),
    createForeignKey: written(compileCreateForeignKey),
    createCheckConstraint: checked(compileCreateCheckConstraint),
    dropConstraint: checked(compileDropConstraint),
    createTableComment: checked(compileCreateTableComment),
    dropTableComment: checked(compileDropTableComment),
    bulkInsert: checked(compileBulkInsert),
    executeSql: checked(compileExecuteSql),
    batch: compileBatchAsAlters,
    ...containerHandlers,
  } satisfies Handlers
}

/**
 * A MySQL or MariaDB dialect for a server flavour, version and backslash mode (see
 * {@link MysqlDialectOptions}). Its name is the flavour.
 * @example
 * import { dropConstraint } from '@athanor/ir'
 * const mariadb1011 = createMysqlDialect({ flavour: 'mariadb', version: '10.11', noBackslashEscapes: false })
 * mariadb1011.compile(dropConstraint({ constraintName: 'ck_a', tableName: 't', type: 'check' }))
 * // => [{ sql: 'ALTER TABLE t DROP CONSTRAINT ck_a' }]
 */
export function createMysqlDialect(options: MysqlDialectOptions = {}): Dialect {
  const flavour = flavourOf(options)
  const quote = createMysqlQuoter(flavour, options.noBackslashEscapes)
  const target = mysqlTarget({ ...options, flavour }, quote)
  return defineDialect({ name: flavour, capabilities: mysqlCapabilities(target), quote, handlers: mysqlHandlers(target) })
}

/**
 * The MySQL dialect: MySQL 8.0.16 or later, backslash mode unknown (literals are written to read
 * the same with and without NO_BACKSLASH_ESCAPES).
 * @example
 * import { addColumn } from '@athanor/ir'
 * mysql.compile(addColumn({ tableName: 't', column: { name: 'c', type: 'integer', comment: 'count' } }))
 * // => [{ sql: "ALTER TABLE t ADD COLUMN c INTEGER COMMENT 'count'" }]
 */
export const mysql: Dialect = createMysqlDialect({ flavour: 'mysql' })

/**
 * The MariaDB dialect: MariaDB 10.6 or later (tested on 10.11), backslash mode unknown.
 * @example
 * import { dropColumn } from '@athanor/ir'
 * mariadb.compile(dropColumn({ tableName: 't', columnName: 'c', ifExists: true }))
 * // => [{ sql: 'ALTER TABLE t DROP COLUMN IF EXISTS c' }]
 */
export const mariadb: Dialect = createMysqlDialect({ flavour: 'mariadb' })
