/**
 * `@athanor/cli`: the `athanor` command, also callable in-process with {@link run}.
 * @packageDocumentation
 */
export { run } from './run.js'
export { nodeIo } from './node-io.js'
export { CliError } from './io.js'
export type { CliIo } from './io.js'
export { DIALECT_NAMES, importDialect, loadDialect } from './dialects.js'
export type { DialectEntry } from './dialects.js'
