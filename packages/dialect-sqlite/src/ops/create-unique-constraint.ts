import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateUniqueConstraintOp } from '@athanor/ir'
import { refuseConstraintChange } from './add-constraint.js'

/** Refused: `ALTER TABLE t ADD CONSTRAINT n UNIQUE (…)` does not exist in SQLite; use a batch. */
export function compileCreateUniqueConstraint(op: CreateUniqueConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  return refuseConstraintChange(op.kind, 'add a UNIQUE constraint')
}
