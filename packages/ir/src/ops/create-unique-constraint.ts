import { constraintFields, type UniqueDefinition } from '../elements/constraint.js'
import type { JsonObject } from '../json.js'
import { makeOp, tableBatchRules, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, name } from '../spec.js'

/**
 * Add a UNIQUE constraint (Alembic's `op.create_unique_constraint`).
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = createUniqueConstraint({ constraintName: 'uq_account_email', tableName: 'account', columns: ['email'] })
 * postgresql.compile(op) // => [{ sql: 'ALTER TABLE account ADD CONSTRAINT uq_account_email UNIQUE (email)' }]
 */
export interface CreateUniqueConstraintOp extends Omit<UniqueDefinition, 'type'> {
  readonly kind: 'createUniqueConstraint'
  readonly constraintName: string
  readonly tableName: string
  readonly schema?: string
  readonly ifNotExists?: boolean
  readonly info?: JsonObject
}

/**
 * `createUniqueConstraint` inside a batch.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const child: BatchCreateUniqueConstraintOp = { kind: 'createUniqueConstraint', constraintName: 'uq_account_email', columns: ['email'] }
 * postgresql.compile(batch({ tableName: 'account', ops: [child] })) // => [{ sql: 'ALTER TABLE account ADD CONSTRAINT uq_account_email UNIQUE (email)' }]
 */
export type BatchCreateUniqueConstraintOp = Omit<CreateUniqueConstraintOp, 'tableName' | 'schema'>

/** Validation rules of `createUniqueConstraint`. */
export const createUniqueConstraintSpec: OpSpec<CreateUniqueConstraintOp> = {
  kind: 'createUniqueConstraint',
  fields: { constraintName: name, tableName: name, schema: name, ifNotExists: boolean, ...constraintFields.unique },
  required: ['constraintName', 'tableName', 'columns'],
  batch: tableBatchRules,
}

/**
 * Builds a frozen {@link CreateUniqueConstraintOp}.
 * @example
 * createUniqueConstraint({ constraintName: 'uq_account_email', tableName: 'account', columns: ['email'] })
 * // => { kind: 'createUniqueConstraint', constraintName: 'uq_account_email', tableName: 'account', columns: ['email'] }
 */
export function createUniqueConstraint(fields: OpFields<CreateUniqueConstraintOp>): CreateUniqueConstraintOp {
  return makeOp(createUniqueConstraintSpec, fields)
}
