import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { CreateIndexOp } from '@athanor/ir'
import { createIndexSql } from '../constraint-sql.js'
import type { MysqlTarget } from '../target.js'

/**
 * `CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX [IF NOT EXISTS] name ON t (a(10), (expr), b)
 * [USING BTREE | HASH]` with `mysqlLength`, `mysqlPrefix` and `mysqlUsing` (catalog §2.3).
 */
export function compileCreateIndex(op: CreateIndexOp, _ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  return [statement(createIndexSql(op, op, target, { ifNotExists: op.ifNotExists }))]
}
