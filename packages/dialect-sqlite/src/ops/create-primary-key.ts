import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreatePrimaryKeyOp } from '@athanor/ir'
import { refuseConstraintChange } from './add-constraint.js'

/** Refused: `ALTER TABLE t ADD CONSTRAINT n PRIMARY KEY (…)` does not exist in SQLite; use a batch. */
export function compileCreatePrimaryKey(op: CreatePrimaryKeyOp, _ctx: HandlerContext): readonly Statement[] {
  return refuseConstraintChange(op.kind, 'add a primary key')
}
