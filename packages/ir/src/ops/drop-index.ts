import { indexDefinition, type IndexDefinition } from '../elements/index-definition.js'
import type { JsonObject } from '../json.js'
import { makeOp, tableBatchRules, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, name } from '../spec.js'

/**
 * Drop an index (Alembic's `op.drop_index`). `tableName` is needed by MySQL and SQL Server
 * (`DROP INDEX ix ON t`) and by `reverse`, which also needs `index`, the definition dropped.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = dropIndex({ indexName: 'ix_account_email', tableName: 'account' })
 * postgresql.compile(op) // => [{ sql: 'DROP INDEX ix_account_email' }]
 */
export interface DropIndexOp {
  readonly kind: 'dropIndex'
  readonly indexName: string
  readonly tableName?: string
  readonly schema?: string
  readonly ifExists?: boolean
  /** PostgreSQL `DROP INDEX CONCURRENTLY`. */
  readonly postgresqlConcurrently?: boolean
  /** What is dropped, so that `reverse` can create it again. */
  readonly index?: IndexDefinition
  readonly info?: JsonObject
}

/**
 * `dropIndex` inside a batch.
 * @example
 * import { sqlite } from '@athanor/dialect-sqlite'
 * const child: BatchDropIndexOp = { kind: 'dropIndex', indexName: 'ix_account_email' }
 * sqlite.compile(batch({ tableName: 'account', ops: [child] })) // => [{ sql: 'DROP INDEX ix_account_email' }]
 */
export type BatchDropIndexOp = Omit<DropIndexOp, 'tableName' | 'schema'>

/** Validation rules of `dropIndex`. */
export const dropIndexSpec: OpSpec<DropIndexOp> = {
  kind: 'dropIndex',
  fields: { indexName: name, tableName: name, schema: name, ifExists: boolean, postgresqlConcurrently: boolean, index: indexDefinition },
  required: ['indexName'],
  batch: tableBatchRules,
}

/**
 * Builds a frozen {@link DropIndexOp}.
 * @example
 * dropIndex({ indexName: 'ix_account_email', tableName: 'account' })
 * // => { kind: 'dropIndex', indexName: 'ix_account_email', tableName: 'account' }
 */
export function dropIndex(fields: OpFields<DropIndexOp>): DropIndexOp {
  return makeOp(dropIndexSpec, fields)
}
