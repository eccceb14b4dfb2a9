/**
 * `@athanor/dialect-mssql`: compiles Athanor ops to SQL Server (2016 and later).
 *
 * There is no SQL Server on the machines this was built on: the output is checked against the
 * SQL the reference (Alembic) writes for SQL Server and parsed by two T-SQL parsers, and the
 * conformance suite runs against a live server only when `ATHANOR_MSSQL_URL` is given.
 * @packageDocumentation
 */
export { createMssqlDialect, mssql, mssqlCapabilities, mssqlHandlers, mssqlScriptFraming } from './dialect.js'
export type { MssqlOptions } from './dialect.js'
export type { MssqlSettings } from './existing.js'
export { MSSQL_RESERVED, mssqlLiteral, mssqlQuote, mssqlUnicodeLiteral } from './quote.js'
export { mssqlType, mssqlTypes } from './types.js'
export { dropLookup } from './drop-lookup.js'
export type { LookupKind } from './drop-lookup.js'
export { extendedProperty } from './extended-property.js'
export type { CommentTarget, PropertyAction } from './extended-property.js'
export { MAX_ROWS_PER_INSERT } from './ops/bulk-insert.js'
