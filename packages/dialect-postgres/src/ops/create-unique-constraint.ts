import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateUniqueConstraintOp } from '@athanor/ir'
import { uniqueSql } from '../constraint-sql.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE t ADD CONSTRAINT n UNIQUE [NULLS NOT DISTINCT] (…) [INCLUDE (…)] [DEFERRABLE …]` */
export function compileCreateUniqueConstraint(op: CreateUniqueConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  return addConstraint(op.kind, op, () => uniqueSql(op, ''))
}
