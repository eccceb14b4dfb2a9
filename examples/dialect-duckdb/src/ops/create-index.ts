import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { CreateIndexOp } from '@athanor/ir'
import { createIndexSql } from '../constraint-sql.js'

/** `CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON [schema.]t (cols)` */
export function compileCreateIndex(op: CreateIndexOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(createIndexSql(op, op, op.ifNotExists === true))]
}
