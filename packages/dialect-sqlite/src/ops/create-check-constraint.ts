import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateCheckConstraintOp } from '@athanor/ir'
import { refuseConstraintChange } from './add-constraint.js'

/** Refused: `ALTER TABLE t ADD CONSTRAINT n CHECK (…)` does not exist in SQLite; use a batch. */
export function compileCreateCheckConstraint(op: CreateCheckConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  return refuseConstraintChange(op.kind, 'add a CHECK constraint')
}
