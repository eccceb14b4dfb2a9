import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { ConstraintDefinition, CreateCheckConstraintOp } from '@athanor/ir'
import { constraintSql } from '../constraint-sql.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE t ADD CONSTRAINT n CHECK (condition)` */
export function compileCreateCheckConstraint(op: CreateCheckConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  const { kind: _k, constraintName: _n, tableName: _t, schema: _s, ifNotExists: _i, info: _info, ...def } = op
  return addConstraint<ConstraintDefinition>(op.kind, op, { type: 'check', ...def }, constraintSql)
}
