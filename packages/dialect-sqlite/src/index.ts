/**
 * `@athanor/dialect-sqlite`: compiles Athanor ops to SQLite, rebuilding a table ("move and
 * copy") for the changes ALTER TABLE cannot make, offline and without losing rows.
 * @packageDocumentation
 */
export { sqlite, sqliteCapabilities, sqliteHandlers } from './dialect.js'
export { SQLITE_RESERVED, sqliteLiteral, sqliteQuote } from './quote.js'
export { sqliteStrictTypes, sqliteType, sqliteTypes } from './types.js'
export { foreignKeyCheck, sqliteRebuildHooks } from './rebuild-hooks.js'
export { rebuildReason } from './ops/batch.js'
export { addColumnProblem } from './ops/add-column.js'
export type { AddColumnProblem } from './ops/add-column.js'
