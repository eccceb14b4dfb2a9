import { CONSTRAINT_TYPES, constraintDefinition, type ConstraintDefinition, type ConstraintType } from '../elements/constraint.js'
import type { JsonObject } from '../json.js'
import { makeOp, tableBatchRules, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, fail, literal, name, pathKey } from '../spec.js'

/**
 * Drop a constraint (Alembic's `op.drop_constraint`). `type` is needed by MySQL (which drops
 * foreign keys, checks and unique constraints with different statements); `constraint`, the
 * definition dropped, makes it reversible and then requires `type`.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = dropConstraint({ constraintName: 'fk_post_author', tableName: 'post', type: 'foreignKey' })
 * postgresql.compile(op) // => [{ sql: 'ALTER TABLE post DROP CONSTRAINT fk_post_author' }]
 */
export interface DropConstraintOp {
  readonly kind: 'dropConstraint'
  readonly constraintName: string
  readonly tableName: string
  readonly schema?: string
  readonly type?: ConstraintType
  readonly ifExists?: boolean
  /** What is dropped, so that `reverse` can create it again. */
  readonly constraint?: ConstraintDefinition
  readonly info?: JsonObject
}

/**
 * `dropConstraint` inside a batch.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const child: BatchDropConstraintOp = { kind: 'dropConstraint', constraintName: 'uq_account_email', type: 'unique' }
 * postgresql.compile(batch({ tableName: 'account', ops: [child] })) // => [{ sql: 'ALTER TABLE account DROP CONSTRAINT uq_account_email' }]
 */
export type BatchDropConstraintOp = Omit<DropConstraintOp, 'tableName' | 'schema'>

/** Validation rules of `dropConstraint`. */
export const dropConstraintSpec: OpSpec<DropConstraintOp> = {
  kind: 'dropConstraint',
  fields: {
    constraintName: name,
    tableName: name,
    schema: name,
    type: literal(CONSTRAINT_TYPES),
    ifExists: boolean,
    constraint: constraintDefinition,
  },
  required: ['constraintName', 'tableName'],
  batch: tableBatchRules,
  refine: (op, path, ctx) => {
    const c = op['constraint'] as ConstraintDefinition | undefined
    if (c !== undefined && op['type'] !== c.type) {
      fail(ctx, 'INVALID_VALUE', pathKey(path, 'type'), `${JSON.stringify(c.type)} (the type of the constraint carried)`, op['type'])
    }
  },
}

/**
 * Builds a frozen {@link DropConstraintOp}.
 * @example
 * dropConstraint({ constraintName: 'uq_account_email', tableName: 'account', type: 'unique' })
 * // => { kind: 'dropConstraint', constraintName: 'uq_account_email', tableName: 'account', type: 'unique' }
 */
export function dropConstraint(fields: OpFields<DropConstraintOp>): DropConstraintOp {
  return makeOp(dropConstraintSpec, fields)
}
