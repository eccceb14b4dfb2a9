import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropConstraintOp } from '@athanor/ir'
import { mssqlQuote as q } from '../quote.js'

/** `ALTER TABLE t DROP CONSTRAINT [IF EXISTS] n` (any type; `IF EXISTS` needs SQL Server 2016). */
export function compileDropConstraint(op: DropConstraintOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(`${alterTable(q, op.tableName, op.schema)} DROP CONSTRAINT ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.ident(op.constraintName)}`)]
}
