import { indexDefinitionFields, type IndexDefinition } from '../elements/index-definition.js'
import type { JsonObject } from '../json.js'
import { makeOp, tableBatchRules, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, name } from '../spec.js'

/**
 * Create an index (Alembic's `op.create_index`). Columns are names or `{ sql }` expressions.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = createIndex({ indexName: 'ix_account_email', tableName: 'account', columns: [{ sql: 'lower(email)' }], unique: true })
 * postgresql.compile(op) // => [{ sql: 'CREATE UNIQUE INDEX ix_account_email ON account (lower(email))' }]
 */
export interface CreateIndexOp extends IndexDefinition {
  readonly kind: 'createIndex'
  readonly indexName: string
  readonly tableName: string
  readonly schema?: string
  readonly ifNotExists?: boolean
  /** PostgreSQL `CREATE INDEX CONCURRENTLY` (a statement that runs outside a transaction). */
  readonly postgresqlConcurrently?: boolean
  readonly info?: JsonObject
}

/**
 * `createIndex` inside a batch.
 * @example
 * import { sqlite } from '@athanor/dialect-sqlite'
 * const child: BatchCreateIndexOp = { kind: 'createIndex', indexName: 'ix_account_email', columns: ['email'], unique: true }
 * sqlite.compile(batch({ tableName: 'account', ops: [child] })) // => [{ sql: 'CREATE UNIQUE INDEX ix_account_email ON account (email)' }]
 */
export type BatchCreateIndexOp = Omit<CreateIndexOp, 'tableName' | 'schema'>

/** Validation rules of `createIndex`. */
export const createIndexSpec: OpSpec<CreateIndexOp> = {
  kind: 'createIndex',
  fields: { indexName: name, tableName: name, schema: name, ifNotExists: boolean, postgresqlConcurrently: boolean, ...indexDefinitionFields },
  required: ['indexName', 'tableName', 'columns'],
  batch: tableBatchRules,
}

/**
 * Builds a frozen {@link CreateIndexOp}.
 * @example
 * createIndex({ indexName: 'ix_account_email', tableName: 'account', columns: ['email'] })
 * // => { kind: 'createIndex', indexName: 'ix_account_email', tableName: 'account', columns: ['email'] }
 * createIndex({ indexName: 'ix', tableName: 'account', columns: [] }) // throws { code: 'INVALID_VALUE', path: 'columns' }
 */
export function createIndex(fields: OpFields<CreateIndexOp>): CreateIndexOp {
  return makeOp(createIndexSpec, fields)
}
