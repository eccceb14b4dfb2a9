import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import { findTable, type CreateUniqueConstraintOp } from '@athanor/ir'
import type { MysqlTarget } from '../target.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE t ADD CONSTRAINT n UNIQUE [IF NOT EXISTS] (a, b)`: a unique index named n. */
export function compileCreateUniqueConstraint(op: CreateUniqueConstraintOp, ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const model = ctx.snapshot === undefined ? undefined : findTable(ctx.snapshot, op.tableName, op.schema)
  const { kind: _k, constraintName: _n, tableName: _t, schema: _s, ifNotExists: _i, info: _info, ...def } = op
  return addConstraint(op.kind, op, { type: 'unique', ...def }, target, model)
}
