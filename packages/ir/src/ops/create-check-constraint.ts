import { constraintFields, type CheckDefinition } from '../elements/constraint.js'
import type { JsonObject } from '../json.js'
import { makeOp, tableBatchRules, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, name } from '../spec.js'

/**
 * Add a CHECK constraint (Alembic's `op.create_check_constraint`); `condition` is SQL, emitted
 * verbatim.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = createCheckConstraint({ constraintName: 'ck_account_age', tableName: 'account', condition: 'age >= 0' })
 * postgresql.compile(op) // => [{ sql: 'ALTER TABLE account ADD CONSTRAINT ck_account_age CHECK (age >= 0)' }]
 */
export interface CreateCheckConstraintOp extends Omit<CheckDefinition, 'type'> {
  readonly kind: 'createCheckConstraint'
  readonly constraintName: string
  readonly tableName: string
  readonly schema?: string
  readonly ifNotExists?: boolean
  readonly info?: JsonObject
}

/**
 * `createCheckConstraint` inside a batch.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const child: BatchCreateCheckConstraintOp = { kind: 'createCheckConstraint', constraintName: 'ck_account_age', condition: 'age >= 0' }
 * postgresql.compile(batch({ tableName: 'account', ops: [child] })) // => [{ sql: 'ALTER TABLE account ADD CONSTRAINT ck_account_age CHECK (age >= 0)' }]
 */
export type BatchCreateCheckConstraintOp = Omit<CreateCheckConstraintOp, 'tableName' | 'schema'>

/** Validation rules of `createCheckConstraint`. */
export const createCheckConstraintSpec: OpSpec<CreateCheckConstraintOp> = {
  kind: 'createCheckConstraint',
  fields: { constraintName: name, tableName: name, schema: name, ifNotExists: boolean, ...constraintFields.check },
  required: ['constraintName', 'tableName', 'condition'],
  batch: tableBatchRules,
}

/**
 * Builds a frozen {@link CreateCheckConstraintOp}.
 * @example
 * createCheckConstraint({ constraintName: 'ck_age', tableName: 'account', condition: 'age >= 0' })
 * // => { kind: 'createCheckConstraint', constraintName: 'ck_age', tableName: 'account', condition: 'age >= 0' }
 */
export function createCheckConstraint(fields: OpFields<CreateCheckConstraintOp>): CreateCheckConstraintOp {
  return makeOp(createCheckConstraintSpec, fields)
}
