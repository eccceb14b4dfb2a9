import type { DowngradeOps } from './containers/downgrade-ops.js'
import type { MigrationScript } from './containers/migration-script.js'
import type { ModifyTableOps } from './containers/modify-table-ops.js'
import type { UpgradeOps } from './containers/upgrade-ops.js'
import type { AddColumnOp, BatchAddColumnOp } from './ops/add-column.js'
import type { AlterColumnOp, BatchAlterColumnOp } from './ops/alter-column.js'
import type { BatchOp } from './ops/batch.js'
import type { BulkInsertOp } from './ops/bulk-insert.js'
import type { BatchCreateCheckConstraintOp, CreateCheckConstraintOp } from './ops/create-check-constraint.js'
import type { BatchCreateForeignKeyOp, CreateForeignKeyOp } from './ops/create-foreign-key.js'
import type { BatchCreateIndexOp, CreateIndexOp } from './ops/create-index.js'
import type { BatchCreatePrimaryKeyOp, CreatePrimaryKeyOp } from './ops/create-primary-key.js'
import type { BatchCreateTableCommentOp, CreateTableCommentOp } from './ops/create-table-comment.js'
import type { CreateTableOp } from './ops/create-table.js'
import type { BatchCreateUniqueConstraintOp, CreateUniqueConstraintOp } from './ops/create-unique-constraint.js'
import type { BatchDropColumnOp, DropColumnOp } from './ops/drop-column.js'
import type { BatchDropConstraintOp, DropConstraintOp } from './ops/drop-constraint.js'
import type { BatchDropIndexOp, DropIndexOp } from './ops/drop-index.js'
import type { BatchDropTableCommentOp, DropTableCommentOp } from './ops/drop-table-comment.js'
import type { DropTableOp } from './ops/drop-table.js'
import type { ExecuteSqlOp } from './ops/execute-sql.js'
import type { RenameTableOp } from './ops/rename-table.js'

/** The built-in op kinds and their node types, keyed by `kind`. */
export interface BuiltinOpTypes {
  addColumn: AddColumnOp
  alterColumn: AlterColumnOp
  dropColumn: DropColumnOp
  createTable: CreateTableOp
  dropTable: DropTableOp
  renameTable: RenameTableOp
  createIndex: CreateIndexOp
  dropIndex: DropIndexOp
  createPrimaryKey: CreatePrimaryKeyOp
  createUniqueConstraint: CreateUniqueConstraintOp
  createForeignKey: CreateForeignKeyOp
  createCheckConstraint: CreateCheckConstraintOp
  dropConstraint: DropConstraintOp
  createTableComment: CreateTableCommentOp
  dropTableComment: DropTableCommentOp
  bulkInsert: BulkInsertOp
  executeSql: ExecuteSqlOp
  batch: BatchOp
  modifyTableOps: ModifyTableOps
  upgradeOps: UpgradeOps
  downgradeOps: DowngradeOps
  migrationScript: MigrationScript
}

/**
 * Every op kind, built-in and plugin, keyed by `kind`. A plugin adds its kinds by declaration
 * merging, so that they are type-checked like the built-in ones:
 * @example
 * interface CreateViewOp extends OpBase { readonly kind: 'createView'; readonly viewName: string; readonly sqltext: string }
 * declare module '@athanor/ir' {
 *   interface OpTypes { createView: CreateViewOp }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpTypes extends BuiltinOpTypes {}

/** A built-in op kind. */
export type BuiltinOpKind = keyof BuiltinOpTypes
/** A built-in op node. */
export type BuiltinOp = BuiltinOpTypes[BuiltinOpKind]
/** Any op kind, plugin kinds included. */
export type OpKind = keyof OpTypes
/** Any op node, plugin kinds included. */
export type Op = OpTypes[OpKind]
/** The op node of a kind. */
export type OpOf<K extends OpKind> = OpTypes[K]

/** Built-in ops as they appear inside a batch (no table fields), keyed by `kind`. */
export interface BatchChildTypes {
  addColumn: BatchAddColumnOp
  alterColumn: BatchAlterColumnOp
  dropColumn: BatchDropColumnOp
  createIndex: BatchCreateIndexOp
  dropIndex: BatchDropIndexOp
  createPrimaryKey: BatchCreatePrimaryKeyOp
  createUniqueConstraint: BatchCreateUniqueConstraintOp
  createForeignKey: BatchCreateForeignKeyOp
  createCheckConstraint: BatchCreateCheckConstraintOp
  dropConstraint: BatchDropConstraintOp
  createTableComment: BatchCreateTableCommentOp
  dropTableComment: BatchDropTableCommentOp
  executeSql: ExecuteSqlOp
}

/** An op inside a batch. */
export type BatchChildOp = BatchChildTypes[keyof BatchChildTypes]
