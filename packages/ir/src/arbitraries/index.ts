/**
 * `@athanor/ir/arbitraries`: fast-check arbitraries of every IR value, for property tests of
 * Athanor itself and of dialects. Every value they produce passes `parse` and its kind's
 * factory; they are plain (not frozen) JSON objects.
 *
 * Needs `fast-check` (an optional peer dependency of `@athanor/ir`).
 * @example
 * import fc from 'fast-check'
 * import { AthanorError } from '@athanor/ir'
 * import { arbAnyOp } from '@athanor/ir/arbitraries'
 * import type { Dialect } from '@athanor/dialect-kit'
 * declare const myDialect: Dialect
 * fc.assert(fc.property(arbAnyOp({ names: 'hostile' }), (op) => {
 *   try { myDialect.compile(op) } catch (e) { if (!(e instanceof AthanorError)) throw e } // typed errors only
 * }))
 * @packageDocumentation
 */

// Options
export type { ArbitraryOptions, NameStyle, OpArbitraryOptions } from './options.js'

// Names, SQL text, JSON
export {
  HOSTILE_NAMES, arbComment, arbDistinctNames, arbHostileName, arbIdentifier, arbKeyName, arbKeyword, arbName, arbSqlText,
} from './names.js'
export { arbJsonObject, arbJsonValue } from './json.js'

// Elements
export { arbColumnType, arbServerDefault } from './column-type.js'
export type { ColumnTypeOptions } from './column-type.js'
export { arbColumn, arbColumnCheck, arbColumnForeignKey, arbComputed, arbIdentity } from './column.js'
export type { ColumnOptions } from './column.js'
export { arbDeferrability, arbForeignKeyOptions, arbReferentialAction } from './constraint-options.js'
export {
  arbCheckDefinition, arbConstraintDefinition, arbForeignKeyDefinition, arbPrimaryKeyDefinition, arbTableConstraint, arbTableIndex,
  arbUniqueDefinition,
} from './constraint.js'
export type { ConstraintOptions } from './constraint.js'
export { arbColumnList, arbIndexColumn, arbIndexDefinition, arbOptionMap } from './index-definition.js'
export type { ColumnsOptions } from './index-definition.js'
export { arbTableDefinition, arbTableOptions } from './table-definition.js'

// Ops, one per kind, and their batch forms
export { arbAddColumn, arbAlterColumn, arbBatchAddColumn, arbBatchAlterColumn, arbBatchDropColumn, arbDropColumn } from './column-ops.js'
export {
  arbBatchCreateTableComment, arbBatchDropTableComment, arbCreateTable, arbCreateTableComment, arbDropTable, arbDropTableComment,
  arbRenameTable,
} from './table-ops.js'
export { arbBatchCreateIndex, arbBatchDropIndex, arbCreateIndex, arbDropIndex } from './index-ops.js'
export {
  arbBatchCreateCheckConstraint, arbBatchCreateForeignKey, arbBatchCreatePrimaryKey, arbBatchCreateUniqueConstraint, arbBatchDropConstraint,
  arbCreateCheckConstraint, arbCreateForeignKey, arbCreatePrimaryKey, arbCreateUniqueConstraint, arbDropConstraint,
} from './constraint-ops.js'
export { arbBulkInsert, arbColumnValue, arbExecuteSql } from './data-ops.js'
export { BATCH_CHILD_KINDS, arbBatch, arbBatchChild } from './batch.js'
export type { BatchChildKind, BatchChildOptions, BatchOptions } from './batch.js'

// Containers and ops of any kind
export { arbDowngradeOps, arbMigrationScript, arbModifyTableOps, arbUpgradeOps } from './containers.js'
export type { ContainerOptions } from './containers.js'
export { LEAF_OP_ARBITRARIES, arbLeafOp } from './leaf-ops.js'
export type { LeafOp, LeafOpKind, LeafOpOptions } from './leaf-ops.js'
export { BUILTIN_OP_KINDS, OP_ARBITRARIES, arbAnyOp, arbOp, arbReversibleOp } from './any-op.js'
export type { AnyOpOptions } from './any-op.js'

// Sequences valid on a simulated schema
export { SEQUENCE_OP_KINDS, opSequence, simulateSequence } from './op-sequence.js'
export type { OpSequenceOptions } from './op-sequence.js'
export type { SequenceOpKind } from './schema-sim.js'
