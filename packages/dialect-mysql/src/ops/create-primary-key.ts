import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import { findTable, type CreatePrimaryKeyOp } from '@athanor/ir'
import type { MysqlTarget } from '../target.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE t ADD CONSTRAINT n PRIMARY KEY (a, b)` (MySQL names every primary key PRIMARY; the name is kept in the model only). */
export function compileCreatePrimaryKey(op: CreatePrimaryKeyOp, ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const model = ctx.snapshot === undefined ? undefined : findTable(ctx.snapshot, op.tableName, op.schema)
  return addConstraint(op.kind, op, { type: 'primaryKey', columns: op.columns }, target, model)
}
