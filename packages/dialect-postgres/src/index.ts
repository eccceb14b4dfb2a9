/**
 * `@athanor/dialect-postgres`: compiles Athanor ops to PostgreSQL.
 * @packageDocumentation
 */
export { postgresCapabilities, postgresHandlers, postgresql } from './dialect.js'
export { POSTGRESQL_RESERVED, postgresLiteral, postgresQuote } from './quote.js'
export { postgresType, postgresTypes } from './types.js'
