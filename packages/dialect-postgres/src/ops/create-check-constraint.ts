import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateCheckConstraintOp } from '@athanor/ir'
import { checkSql } from '../constraint-sql.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE t ADD CONSTRAINT n CHECK (condition) [NOT VALID]` */
export function compileCreateCheckConstraint(op: CreateCheckConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  return addConstraint(op.kind, op, () => checkSql(op, 'alter', ''))
}
