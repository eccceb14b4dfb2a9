import type { JsonObject } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import { jsonObject, sqlText } from '../spec.js'

/**
 * Run SQL written by hand (Alembic's `op.execute`), emitted verbatim. Give `reverseSqltext` to
 * make it reversible (the reverse swaps the two).
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = executeSql({ sqltext: "UPDATE account SET plan = 'free' WHERE plan IS NULL" })
 * postgresql.compile(op) // => [{ sql: "UPDATE account SET plan = 'free' WHERE plan IS NULL" }]
 */
export interface ExecuteSqlOp {
  readonly kind: 'executeSql'
  readonly sqltext: string
  /** SQL that undoes `sqltext`; becomes the `sqltext` of the reverse. */
  readonly reverseSqltext?: string
  readonly executionOptions?: JsonObject
  readonly info?: JsonObject
}

/** Validation rules of `executeSql`. */
export const executeSqlSpec: OpSpec<ExecuteSqlOp> = {
  kind: 'executeSql',
  fields: { sqltext: sqlText, reverseSqltext: sqlText, executionOptions: jsonObject },
  required: ['sqltext'],
  batch: { tableFields: [] },
}

/**
 * Builds a frozen {@link ExecuteSqlOp}.
 * @example
 * executeSql({ sqltext: 'VACUUM' }) // => { kind: 'executeSql', sqltext: 'VACUUM' }
 */
export function executeSql(fields: OpFields<ExecuteSqlOp>): ExecuteSqlOp {
  return makeOp(executeSqlSpec, fields)
}
