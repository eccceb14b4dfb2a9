import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateUniqueConstraintOp } from '@athanor/ir'
import { refuseConstraintChange } from './add-constraint.js'

/** Refused: DuckDB cannot add a UNIQUE constraint to an existing table; a batch rebuilds the table with it. */
export function compileCreateUniqueConstraint(op: CreateUniqueConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  return refuseConstraintChange(op.kind, 'add a UNIQUE constraint')
}
