import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateForeignKeyOp } from '@athanor/ir'
import { refuseConstraintChange } from './add-constraint.js'

/** Refused: DuckDB cannot add a foreign key to an existing table; a batch rebuilds the table with it. */
export function compileCreateForeignKey(op: CreateForeignKeyOp, _ctx: HandlerContext): readonly Statement[] {
  return refuseConstraintChange(op.kind, 'add a foreign key')
}
