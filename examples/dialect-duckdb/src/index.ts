/**
 * `athanor-dialect-duckdb`: compiles Athanor ops to DuckDB, written against the public API of
 * `@athanor/ir` and `@athanor/dialect-kit` only. The worked example of docs/dialect-authors.md.
 * @packageDocumentation
 */
export { duckdb, duckdbCapabilities, duckdbHandlers } from './dialect.js'
export { DUCKDB_RESERVED, duckdbLiteral, duckdbQuote } from './quote.js'
export { duckdbType, duckdbTypes } from './types.js'
export { duckdbRebuildHooks } from './rebuild-hooks.js'
export { rebuildReason } from './ops/batch.js'
export { alterColumnProblem } from './ops/alter-column.js'
export { withIndexesAside } from './indexes-aside.js'
