/**
 * `@athanor/dialect-kit`: the contract an Athanor SQL dialect implements, the helpers all
 * dialects share, and `compileMigration` for offline scripts.
 * @packageDocumentation
 */
export type { Capabilities, CompileContext, Dialect, DialectDefinition, Handler, HandlerContext, Handlers, ScriptFraming } from './contract.js'
export { defineDialect } from './define-dialect.js'
export { statement } from './statement.js'
export type { Statement } from './statement.js'
export { NOT_BARE, bareNameHash, reservedWordTest } from './bare-names.js'
export { createQuoter } from './quoting.js'
export { fieldPath } from './paths.js'
export type { FieldPlace } from './paths.js'
export type { Quoter, QuoterOptions } from './quoting.js'
export { renderType } from './types.js'
export type { SpelledTypeName, TypeParams, TypeSpelling } from './types.js'
export { alterTable, columnList, constraintPrefix, deferrabilityClause, foreignKeyActions, indexColumnSql } from './clauses.js'
export { batchChildAsOp, compileBatchAsAlters, compileBatchChild } from './batch.js'
export { compileDowngradeOps, compileMigrationScript, compileModifyTableOps, compileUpgradeOps, containerHandlers } from './containers.js'
export { compileMigration } from './migration.js'
export type { CompiledMigration, MigrationOptions } from './migration.js'
export { MissingExistingStateError, UnsupportedOperationError } from '@athanor/ir'
export { renderLiteral } from './literals.js'
export type { LiteralRules } from './literals.js'
export { compileRebuild, planRebuild } from './rebuild.js'
export type { RebuildCopy, RebuildHooks, RebuildPlan } from './rebuild.js'
export { needsCast, typeFamily } from './rebuild-cast.js'
export { columnOrigins, tableAfterRebuild, tableBeforeBatch } from './rebuild-state.js'
