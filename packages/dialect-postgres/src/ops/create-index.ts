import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { CreateIndexOp } from '@athanor/ir'
import { createIndexSql } from '../constraint-sql.js'

// CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
const OUTSIDE_TRANSACTION = { transactional: false } as const

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON t …`; CONCURRENTLY runs outside a transaction. */
export function compileCreateIndex(op: CreateIndexOp, _ctx: HandlerContext): readonly Statement[] {
  const concurrently = op.postgresqlConcurrently === true
  const sql = createIndexSql(op, op, concurrently, op.ifNotExists === true)
  return [concurrently ? statement(sql, OUTSIDE_TRANSACTION) : statement(sql)]
}
