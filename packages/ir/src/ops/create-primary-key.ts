import { constraintFields, type PrimaryKeyDefinition } from '../elements/constraint.js'
import type { JsonObject } from '../json.js'
import { makeOp, tableBatchRules, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, name } from '../spec.js'

/**
 * Add a primary key to a table (Alembic's `op.create_primary_key`).
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = createPrimaryKey({ constraintName: 'pk_account', tableName: 'account', columns: ['id'] })
 * postgresql.compile(op) // => [{ sql: 'ALTER TABLE account ADD CONSTRAINT pk_account PRIMARY KEY (id)' }]
 */
export interface CreatePrimaryKeyOp extends Omit<PrimaryKeyDefinition, 'type'> {
  readonly kind: 'createPrimaryKey'
  readonly constraintName: string
  readonly tableName: string
  readonly schema?: string
  /** Only where the engine has `ADD CONSTRAINT IF NOT EXISTS`; the reverse of a `dropConstraint` with `ifExists`. */
  readonly ifNotExists?: boolean
  readonly info?: JsonObject
}

/**
 * `createPrimaryKey` inside a batch.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const child: BatchCreatePrimaryKeyOp = { kind: 'createPrimaryKey', constraintName: 'pk_account', columns: ['id'] }
 * postgresql.compile(batch({ tableName: 'account', ops: [child] })) // => [{ sql: 'ALTER TABLE account ADD CONSTRAINT pk_account PRIMARY KEY (id)' }]
 */
export type BatchCreatePrimaryKeyOp = Omit<CreatePrimaryKeyOp, 'tableName' | 'schema'>

/** Validation rules of `createPrimaryKey`. */
export const createPrimaryKeySpec: OpSpec<CreatePrimaryKeyOp> = {
  kind: 'createPrimaryKey',
  fields: { constraintName: name, tableName: name, schema: name, ifNotExists: boolean, ...constraintFields.primaryKey },
  required: ['constraintName', 'tableName', 'columns'],
  batch: tableBatchRules,
}

/**
 * Builds a frozen {@link CreatePrimaryKeyOp}.
 * @example
 * createPrimaryKey({ constraintName: 'pk_account', tableName: 'account', columns: ['id'] })
 * // => { kind: 'createPrimaryKey', constraintName: 'pk_account', tableName: 'account', columns: ['id'] }
 */
export function createPrimaryKey(fields: OpFields<CreatePrimaryKeyOp>): CreatePrimaryKeyOp {
  return makeOp(createPrimaryKeySpec, fields)
}
