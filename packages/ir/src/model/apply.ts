import type { Draft } from 'immer'
import type { BuiltinOpKind, BuiltinOpTypes } from '../op.js'
import type { ApplyContext } from '../registry.js'
import { applyBatch, applyDowngradeOps, applyMigrationScript, applyModifyTableOps, applyUpgradeOps } from './apply-batch.js'
import { applyAddColumn, applyAlterColumn, applyDropColumn } from './apply-columns.js'
import {
  applyCreateCheckConstraint, applyCreateForeignKey, applyCreateIndex, applyCreatePrimaryKey, applyCreateUniqueConstraint, applyDropConstraint,
  applyDropIndex,
} from './apply-constraints.js'
import {
  applyBulkInsert, applyCreateTable, applyCreateTableComment, applyDropTable, applyDropTableComment, applyRenameTable,
} from './apply-tables.js'
import type { SchemaSnapshot } from './snapshot.js'

/**
 * How one kind changes the schema model, on an immer draft. Throws `ModelMismatchError` (path
 * relative to the op) when the op does not fit the model.
 * @example
 * interface CreateViewOp extends OpBase { readonly kind: 'createView'; readonly viewName: string; readonly sqltext: string }
 * const applyCreateView: Applier<CreateViewOp> = (draft, op) => {
 *   draft.views = [...(draft.views ?? []), { name: op.viewName, sql: `CREATE VIEW ${op.viewName} AS ${op.sqltext}` }]
 * }
 */
export type Applier<O> = (draft: Draft<SchemaSnapshot>, op: O, ctx: ApplyContext) => void

/**
 * The model effect of every built-in kind, in the order of `BuiltinOpTypes`. Semantics follow
 * PostgreSQL where engines differ. A missing table, column, constraint or index, or a duplicate
 * name, is refused; `ifExists` / `ifNotExists` turn the missing / duplicate case into no change.
 * @example
 * typeof builtinAppliers.addColumn // => 'function'
 */
export const builtinAppliers: { readonly [K in BuiltinOpKind]?: Applier<BuiltinOpTypes[K]> } = {
  addColumn: applyAddColumn,
  alterColumn: applyAlterColumn,
  dropColumn: applyDropColumn,
  createTable: applyCreateTable,
  dropTable: applyDropTable,
  renameTable: applyRenameTable,
  createIndex: applyCreateIndex,
  dropIndex: applyDropIndex,
  createPrimaryKey: applyCreatePrimaryKey,
  createUniqueConstraint: applyCreateUniqueConstraint,
  createForeignKey: applyCreateForeignKey,
  createCheckConstraint: applyCreateCheckConstraint,
  dropConstraint: applyDropConstraint,
  createTableComment: applyCreateTableComment,
  dropTableComment: applyDropTableComment,
  bulkInsert: applyBulkInsert,
  executeSql: () => {},
  batch: applyBatch,
  modifyTableOps: applyModifyTableOps,
  upgradeOps: applyUpgradeOps,
  downgradeOps: applyDowngradeOps,
  migrationScript: applyMigrationScript,
}
