import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import { findTable, type CreateCheckConstraintOp } from '@athanor/ir'
import { checkConditionAllowed } from '../check-rules.js'
import type { MysqlTarget } from '../target.js'
import { addConstraint } from './add-constraint.js'

/**
 * `ALTER TABLE t ADD CONSTRAINT [IF NOT EXISTS] n CHECK (condition)` (MySQL 8.0.16+, MariaDB
 * 10.2.1+). With a schema snapshot, a condition the server would reject is refused first (see
 * `checkConditionAllowed`).
 */
export function compileCreateCheckConstraint(op: CreateCheckConstraintOp, ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const table = ctx.snapshot === undefined ? undefined : findTable(ctx.snapshot, op.tableName, op.schema)
  if (table !== undefined) checkConditionAllowed(op.condition, table, target, op.kind, 'condition')
  const { kind: _k, constraintName: _n, tableName: _t, schema: _s, ifNotExists: _i, info: _info, ...def } = op
  return addConstraint(op.kind, op, { type: 'check', ...def }, target)
}
