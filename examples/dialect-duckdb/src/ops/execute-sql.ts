import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { ExecuteSqlOp } from '@athanor/ir'

/** The SQL as written, without a trailing `;` (a script adds one). */
export function compileExecuteSql(op: ExecuteSqlOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(op.sqltext.replace(/;\s*$/, ''))]
}
