import { downgradeOpsSpec } from './containers/downgrade-ops.js'
import { migrationScriptSpec } from './containers/migration-script.js'
import { modifyTableOpsSpec } from './containers/modify-table-ops.js'
import { upgradeOpsSpec } from './containers/upgrade-ops.js'
import { builtinAppliers } from './model/apply.js'
import type { OpSpec } from './op-spec.js'
import type { BuiltinOpKind, BuiltinOpTypes } from './op.js'
import { addColumnSpec } from './ops/add-column.js'
import { alterColumnSpec } from './ops/alter-column.js'
import { batchSpec } from './ops/batch.js'
import { bulkInsertSpec } from './ops/bulk-insert.js'
import { createCheckConstraintSpec } from './ops/create-check-constraint.js'
import { createForeignKeySpec } from './ops/create-foreign-key.js'
import { createIndexSpec } from './ops/create-index.js'
import { createPrimaryKeySpec } from './ops/create-primary-key.js'
import { createTableCommentSpec } from './ops/create-table-comment.js'
import { createTableSpec } from './ops/create-table.js'
import { createUniqueConstraintSpec } from './ops/create-unique-constraint.js'
import { dropColumnSpec } from './ops/drop-column.js'
import { dropConstraintSpec } from './ops/drop-constraint.js'
import { dropIndexSpec } from './ops/drop-index.js'
import { dropTableCommentSpec } from './ops/drop-table-comment.js'
import { dropTableSpec } from './ops/drop-table.js'
import { executeSqlSpec } from './ops/execute-sql.js'
import { renameTableSpec } from './ops/rename-table.js'
import type { OpDefinition } from './registry.js'
import { builtinReversers } from './reverse.js'

/**
 * The validation rules of every built-in kind, in the order of {@link BuiltinOpTypes}.
 * @example
 * builtinSpecs.renameTable.required // => ['oldTableName', 'newTableName']
 * makeOp(builtinSpecs.dropTable, { tableName: 'legacy' }) // => { kind: 'dropTable', tableName: 'legacy' }
 */
export const builtinSpecs: { readonly [K in BuiltinOpKind]: OpSpec<BuiltinOpTypes[K]> } = {
  addColumn: addColumnSpec,
  alterColumn: alterColumnSpec,
  dropColumn: dropColumnSpec,
  createTable: createTableSpec,
  dropTable: dropTableSpec,
  renameTable: renameTableSpec,
  createIndex: createIndexSpec,
  dropIndex: dropIndexSpec,
  createPrimaryKey: createPrimaryKeySpec,
  createUniqueConstraint: createUniqueConstraintSpec,
  createForeignKey: createForeignKeySpec,
  createCheckConstraint: createCheckConstraintSpec,
  dropConstraint: dropConstraintSpec,
  createTableComment: createTableCommentSpec,
  dropTableComment: dropTableCommentSpec,
  bulkInsert: bulkInsertSpec,
  executeSql: executeSqlSpec,
  batch: batchSpec,
  modifyTableOps: modifyTableOpsSpec,
  upgradeOps: upgradeOpsSpec,
  downgradeOps: downgradeOpsSpec,
  migrationScript: migrationScriptSpec,
}

function definition<K extends BuiltinOpKind>(kind: K): OpDefinition {
  const reverse = builtinReversers[kind]
  const apply = builtinAppliers[kind]
  return Object.freeze({
    ...builtinSpecs[kind],
    ...(reverse === undefined ? {} : { reverse }),
    ...(apply === undefined ? {} : { apply }),
  }) as unknown as OpDefinition
}

/**
 * Every built-in kind as an {@link OpDefinition}: the same shape a plugin registers.
 * @example
 * builtinDefinitions.length // => 22
 * builtinDefinitions.filter((d) => d.reverse === undefined).map((d) => d.kind) // => ['bulkInsert']
 */
export const builtinDefinitions: readonly OpDefinition[] = Object.freeze(
  (Object.keys(builtinSpecs) as BuiltinOpKind[]).map((k) => definition(k)),
)
