import { columnList, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { CreatePrimaryKeyOp } from '@athanor/ir'
import { postgresQuote as q } from '../quote.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE t ADD CONSTRAINT n PRIMARY KEY (a, b)` */
export function compileCreatePrimaryKey(op: CreatePrimaryKeyOp, _ctx: HandlerContext): readonly Statement[] {
  return addConstraint(op.kind, op, () => `PRIMARY KEY (${columnList(q, op.columns)})`)
}
