import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreatePrimaryKeyOp } from '@athanor/ir'
import { constraintSql } from '../constraint-sql.js'
import { addConstraint } from './add-constraint.js'

/** `ALTER TABLE t ADD CONSTRAINT n PRIMARY KEY [CLUSTERED|NONCLUSTERED] (a, b)` */
export function compileCreatePrimaryKey(op: CreatePrimaryKeyOp, _ctx: HandlerContext): readonly Statement[] {
  return addConstraint(op.kind, op, { type: 'primaryKey', columns: op.columns, ...(op.mssqlClustered === undefined ? {} : { mssqlClustered: op.mssqlClustered }) }, constraintSql)
}
