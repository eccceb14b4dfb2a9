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

/**
 * The built-in op kinds and their node types, keyed by `kind`.
 * @example
 * // Functions keyed by kind, each typed by its kind's node
 * const summary: { readonly [K in keyof BuiltinOpTypes]?: (op: BuiltinOpTypes[K]) => string } = {
 *   addColumn: (op) => `add ${op.column.name} to ${op.tableName}`,
 *   dropTable: (op) => `drop ${op.tableName}`,
 * }
 * summary.addColumn?.(addColumn({ tableName: 'account', column: { name: 'plan', type: 'text' } })) // => 'add plan to account'
 */
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

/**
 * A built-in op kind.
 * @example
 * const kind: BuiltinOpKind = 'renameTable'
 * builtinSpecs[kind].required // => ['oldTableName', 'newTableName']
 */
export type BuiltinOpKind = keyof BuiltinOpTypes
/**
 * A built-in op node.
 * @example
 * // The table an op works on, for the built-in kinds
 * const tableOf = (op: BuiltinOp): string | undefined =>
 *   'tableName' in op ? op.tableName : op.kind === 'renameTable' ? op.oldTableName : op.kind === 'createForeignKey' ? op.sourceTable : undefined
 * tableOf(renameTable({ oldTableName: 'account', newTableName: 'user_account' })) // => 'account'
 */
export type BuiltinOp = BuiltinOpTypes[BuiltinOpKind]
/**
 * Any op kind, plugin kinds included.
 * @example
 * const counts = new Map<OpKind, number>()
 * for (const op of [dropTable({ tableName: 'a' }), dropTable({ tableName: 'b' }), renameTable({ oldTableName: 'c', newTableName: 'd' })]) {
 *   counts.set(op.kind, (counts.get(op.kind) ?? 0) + 1)
 * }
 * counts // => new Map<OpKind, number>([['dropTable', 2], ['renameTable', 1]])
 */
export type OpKind = keyof OpTypes
/**
 * Any op node, plugin kinds included.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const ops: Op[] = [renameTable({ oldTableName: 'account', newTableName: 'user_account' }), dropTable({ tableName: 'legacy' })]
 * postgresql.compileOps(ops).map((s) => s.sql) // => ['ALTER TABLE account RENAME TO user_account', 'DROP TABLE legacy']
 */
export type Op = OpTypes[OpKind]
/**
 * The op node of a kind.
 * @example
 * const renames: OpOf<'renameTable'>[] = [renameTable({ oldTableName: 'a', newTableName: 'b' })]
 * renames.map((op) => op.newTableName) // => ['b']
 */
export type OpOf<K extends OpKind> = OpTypes[K]

/**
 * Built-in ops as they appear inside a batch (no table fields), keyed by `kind`.
 * @example
 * const child: BatchChildTypes['addColumn'] = { kind: 'addColumn', column: { name: 'plan', type: 'text' }, insertAfter: 'email' }
 * batch({ tableName: 'account', ops: [child] }).ops // => [{ kind: 'addColumn', column: { name: 'plan', type: 'text' }, insertAfter: 'email' }]
 */
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

/**
 * An op inside a batch.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const ops: BatchChildOp[] = [{ kind: 'alterColumn', columnName: 'email', nullable: false }, { kind: 'dropColumn', columnName: 'legacy' }]
 * postgresql.compile(batch({ tableName: 'account', ops })).map((s) => s.sql)
 * // => ['ALTER TABLE account ALTER COLUMN email SET NOT NULL', 'ALTER TABLE account DROP COLUMN legacy']
 */
export type BatchChildOp = BatchChildTypes[keyof BatchChildTypes]
