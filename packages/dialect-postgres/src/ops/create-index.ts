import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { CreateIndexOp } from '@athanor/ir'
import { createIndexSql } from '../constraint-sql.js'

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON t …`; CONCURRENTLY runs outside a transaction. */
export function compileCreateIndex(op: CreateIndexOp, _ctx: HandlerContext): readonly Statement[] {
  const sql = createIndexSql(op, op, { concurrently: op.postgresqlConcurrently, ifNotExists: op.ifNotExists })
  return [statement(sql, { transactional: op.postgresqlConcurrently !== true })]
}
