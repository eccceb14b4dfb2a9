import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateUniqueConstraintOp } from '@athanor/ir'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE t ADD CONSTRAINT n UNIQUE [CLUSTERED|NONCLUSTERED] (…)` */
export function compileCreateUniqueConstraint(op: CreateUniqueConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  const { kind: _k, constraintName: _n, tableName: _t, schema: _s, ifNotExists: _i, info: _info, ...def } = op
  return addConstraint(op.kind, op, { type: 'unique', ...def })
}
