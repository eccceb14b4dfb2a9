/**
 * `@athanor/ir`: Alembic's migration operations as immutable, JSON-serialisable nodes, with
 * `reverse`, `parse`, a schema model and a plugin registry. No SQL lives here.
 * @packageDocumentation
 */

// JSON, errors, immutability
export type { JsonObject, JsonValue } from './json.js'
export {
  AthanorError, DuplicateKindError, InvalidOpError, MissingExistingStateError, ModelMismatchError, NotReversibleError,
  ParseError, UnsupportedOperationError,
} from './errors.js'
export type { AthanorErrorFields, ErrorCode, ParseErrorCode, ParseErrorFields } from './errors.js'
export { deepFreeze, isDeepFrozen } from './freeze.js'
export type { DeepReadonly } from './freeze.js'

// Elements: columns, types, defaults, constraints, indexes, tables
export { GENERIC_TYPE_NAMES, normalizeType, typeName } from './elements/column-type.js'
export type {
  BinaryType, ColumnType, EnumType, FloatType, GenericTypeName, NumericType, PlainType, RawType, StringType, TemporalType,
} from './elements/column-type.js'
export { isSqlDefault } from './elements/server-default.js'
export type { LiteralDefault, ServerDefault, SqlDefault } from './elements/server-default.js'
export { isNullable } from './elements/column.js'
export type { Column, ColumnCheck, ColumnForeignKey, Computed, Identity } from './elements/column.js'
export type { Deferrability, ForeignKeyOptions, ReferentialAction } from './elements/constraint-options.js'
export { CONSTRAINT_TYPES } from './elements/constraint.js'
export type {
  CheckDefinition, ConstraintDefinition, ConstraintType, ForeignKeyDefinition, PrimaryKeyDefinition, TableConstraint, TableIndex,
  UniqueDefinition,
} from './elements/constraint.js'
export type { IndexColumn, IndexDefinition, OptionMap } from './elements/index-definition.js'
export type { TableDefinition, TableOptions } from './elements/table-definition.js'

// Ops, one per kind
export { addColumn } from './ops/add-column.js'
export type { AddColumnOp, BatchAddColumnOp } from './ops/add-column.js'
export { ALTER_COLUMN_CHANGES, alterColumn, alterColumnHasChanges } from './ops/alter-column.js'
export type { AlterColumnOp, BatchAlterColumnOp } from './ops/alter-column.js'
export { dropColumn } from './ops/drop-column.js'
export type { BatchDropColumnOp, DropColumnOp } from './ops/drop-column.js'
export { createTable } from './ops/create-table.js'
export type { CreateTableOp } from './ops/create-table.js'
export { dropTable } from './ops/drop-table.js'
export type { DropTableOp } from './ops/drop-table.js'
export { renameTable } from './ops/rename-table.js'
export type { RenameTableOp } from './ops/rename-table.js'
export { createIndex } from './ops/create-index.js'
export type { BatchCreateIndexOp, CreateIndexOp } from './ops/create-index.js'
export { dropIndex } from './ops/drop-index.js'
export type { BatchDropIndexOp, DropIndexOp } from './ops/drop-index.js'
export { createPrimaryKey } from './ops/create-primary-key.js'
export type { BatchCreatePrimaryKeyOp, CreatePrimaryKeyOp } from './ops/create-primary-key.js'
export { createUniqueConstraint } from './ops/create-unique-constraint.js'
export type { BatchCreateUniqueConstraintOp, CreateUniqueConstraintOp } from './ops/create-unique-constraint.js'
export { createForeignKey } from './ops/create-foreign-key.js'
export type { BatchCreateForeignKeyOp, CreateForeignKeyOp } from './ops/create-foreign-key.js'
export { createCheckConstraint } from './ops/create-check-constraint.js'
export type { BatchCreateCheckConstraintOp, CreateCheckConstraintOp } from './ops/create-check-constraint.js'
export { dropConstraint } from './ops/drop-constraint.js'
export type { BatchDropConstraintOp, DropConstraintOp } from './ops/drop-constraint.js'
export { createTableComment } from './ops/create-table-comment.js'
export type { BatchCreateTableCommentOp, CreateTableCommentOp } from './ops/create-table-comment.js'
export { dropTableComment } from './ops/drop-table-comment.js'
export type { BatchDropTableCommentOp, DropTableCommentOp } from './ops/drop-table-comment.js'
export { bulkInsert } from './ops/bulk-insert.js'
export type { BulkInsertColumn, BulkInsertOp } from './ops/bulk-insert.js'
export { executeSql } from './ops/execute-sql.js'
export type { ExecuteSqlOp } from './ops/execute-sql.js'
export { batch } from './ops/batch.js'
export type { BatchOp, Recreate } from './ops/batch.js'

// Containers
export { modifyTableOps } from './containers/modify-table-ops.js'
export type { ModifyTableOps } from './containers/modify-table-ops.js'
export { upgradeOps } from './containers/upgrade-ops.js'
export type { UpgradeOps } from './containers/upgrade-ops.js'
export { downgradeOps } from './containers/downgrade-ops.js'
export type { DowngradeOps } from './containers/downgrade-ops.js'
export { downgradeOpsOf, migrationScript, upgradeOpsOf } from './containers/migration-script.js'
export type { MigrationScript } from './containers/migration-script.js'

// The op unions and the plugin registry
export type { BatchChildOp, BatchChildTypes, BuiltinOp, BuiltinOpKind, BuiltinOpTypes, Op, OpKind, OpOf, OpTypes } from './op.js'
export { makeOp } from './op-spec.js'
export type { BatchRules, ColumnPosition, OpBase, OpFields, OpSpec } from './op-spec.js'
export { builtinRegistry, createRegistry } from './registry.js'
export type { ApplyContext, OpDefinition, ParseOptions, ParseResult, Registry, RegistryOptions, ReverseContext } from './registry.js'
export { builtinDefinitions, builtinSpecs } from './builtins.js'

// Behaviour across kinds
export { parse, parseJson, parseMigrationScript, parseOp, parseOps } from './parse.js'
export { isReversible, reverse } from './reverse.js'
export type { BuiltinReverseTypes, ReverseOf, ReverseOptions } from './reverse.js'

// Diff tuples
export { asDiffs, toDiffTuple } from './diff.js'
export type {
  AlterColumnDiff, ColumnPlaceholder, DiffableOp, DiffContainer, DiffKind, DiffOf, DiffTuple, DiffTupleOfOp, ExistingColumnState,
} from './diff.js'

// Validators, for plugin specs
export {
  INVALID, MAX_JSON_DEPTH, arrayOf, boolean, describe, either, fail, finiteNumber, integer, isPlainObject, json, jsonObject, keyword,
  literal, name, nullable, objectOf, pathIndex, pathKey, recordOf, sqlText, string, tagged,
} from './spec.js'
export type { FieldSpecs, ForbiddenField, Invalid, ObjectShape, OpPlace, Spec, SpecContext } from './spec.js'
export { columnType } from './elements/column-type.js'
export { serverDefault } from './elements/server-default.js'
export { column } from './elements/column.js'
export { constraintDefinition, tableConstraint } from './elements/constraint.js'
export { indexColumn, indexDefinition } from './elements/index-definition.js'
export { tableDefinition } from './elements/table-definition.js'

// Schema model
export type { ColumnModel, ConstraintModel, IndexModel, SchemaSnapshot, TableModel, TriggerModel, ViewModel } from './model/snapshot.js'
export { applyOps, emptySnapshot } from './model/apply-ops.js'
export type { ApplyOptions } from './model/apply-ops.js'
export { builtinAppliers } from './model/apply.js'
export type { Applier } from './model/apply.js'
export { findTable } from './model/lookup.js'
export { columnIndexName, columnModelOf, normalizeColumn, normalizeTable, tableModelOf } from './model/normalize.js'
export type { NormalizedColumn } from './model/normalize.js'
export { addColumnOf, columnOf, createTableOf, dropColumnOf, tableDefinitionOf } from './model/convert.js'
export {
  constraintDefinitionOf, constraintModelOf, createConstraintOf, createIndexOf, dropConstraintOf, dropIndexOf, indexDefinitionOf, indexModelOf,
} from './model/convert-constraints.js'
export type { CreateConstraintOp } from './model/convert-constraints.js'
export { fillExisting, fillExistingAll } from './model/fill-existing.js'
export type { FillExistingOptions, FillResult } from './model/fill-existing.js'
export { tableAfterBatch } from './model/table-after-batch.js'
export { sameSchema } from './model/same-schema.js'
export { renameInSql, sqlMentions } from './model/sql-identifiers.js'
