import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateCheckConstraintOp } from '@athanor/ir'
import { refuseConstraintChange } from './add-constraint.js'

/** Refused: DuckDB cannot add a CHECK constraint to an existing table; a batch rebuilds the table with it. */
export function compileCreateCheckConstraint(op: CreateCheckConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  return refuseConstraintChange(op.kind, 'add a CHECK constraint')
}
