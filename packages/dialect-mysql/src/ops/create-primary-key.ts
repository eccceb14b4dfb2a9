import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreatePrimaryKeyOp } from '@athanor/ir'
import type { MysqlTarget } from '../target.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE t ADD CONSTRAINT n PRIMARY KEY (a, b)` (MySQL names every primary key PRIMARY; the name is kept in the model only). */
export function compileCreatePrimaryKey(op: CreatePrimaryKeyOp, _ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  return addConstraint(op.kind, op, { type: 'primaryKey', columns: op.columns }, target)
}
