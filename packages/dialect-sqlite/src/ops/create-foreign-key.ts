import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateForeignKeyOp } from '@athanor/ir'
import { refuseConstraintChange } from './add-constraint.js'

/** Refused: `ALTER TABLE t ADD CONSTRAINT n FOREIGN KEY(…) REFERENCES …` does not exist in SQLite; use a batch. */
export function compileCreateForeignKey(op: CreateForeignKeyOp, _ctx: HandlerContext): readonly Statement[] {
  return refuseConstraintChange(op.kind, 'add a foreign key')
}
