import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { DropConstraintOp } from '@athanor/ir'
import { refuseConstraintChange } from './add-constraint.js'

/** Refused: `ALTER TABLE t DROP CONSTRAINT n` does not exist in SQLite; use a batch. */
export function compileDropConstraint(op: DropConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  return refuseConstraintChange(op.kind, 'drop a constraint')
}
