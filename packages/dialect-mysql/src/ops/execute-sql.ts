import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { ExecuteSqlOp } from '@athanor/ir'
import type { MysqlTarget } from '../target.js'

/** The SQL as written, without a trailing `;` (the script framing adds one). */
export function compileExecuteSql(op: ExecuteSqlOp, _ctx: HandlerContext, _target: MysqlTarget): readonly Statement[] {
  return [statement(op.sqltext.replace(/;\s*$/, ''))]
}
