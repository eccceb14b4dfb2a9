import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { ConstraintDefinition, CreateUniqueConstraintOp } from '@athanor/ir'
import { constraintSql } from '../constraint-sql.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE t ADD CONSTRAINT n UNIQUE [CLUSTERED|NONCLUSTERED] (…)` */
export function compileCreateUniqueConstraint(op: CreateUniqueConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  const { kind: _k, constraintName: _n, tableName: _t, schema: _s, ifNotExists: _i, info: _info, ...def } = op
  return addConstraint<ConstraintDefinition>(op.kind, op, { type: 'unique', ...def }, constraintSql)
}
