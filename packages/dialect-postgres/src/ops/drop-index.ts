import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropIndexOp } from '@athanor/ir'
import { postgresQuote as q } from '../quote.js'

/** `DROP INDEX [CONCURRENTLY] [IF EXISTS] [schema.]name` (the table name is not needed). */
export function compileDropIndex(op: DropIndexOp, _ctx: HandlerContext): readonly Statement[] {
  const concurrently = op.postgresqlConcurrently === true
  const sql = `DROP INDEX ${concurrently ? 'CONCURRENTLY ' : ''}${op.ifExists === true ? 'IF EXISTS ' : ''}${q.qualified(op.indexName, op.schema)}`
  return [statement(sql, { transactional: !concurrently })]
}
