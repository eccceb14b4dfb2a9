import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { DropConstraintOp } from '@athanor/ir'
import { refuseConstraintChange } from './add-constraint.js'

/** Refused: DuckDB cannot drop a constraint from an existing table; a batch rebuilds the table without it. */
export function compileDropConstraint(op: DropConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  return refuseConstraintChange(op.kind, 'drop a constraint')
}
