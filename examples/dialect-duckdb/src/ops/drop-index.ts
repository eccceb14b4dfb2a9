import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropIndexOp } from '@athanor/ir'
import { duckdbQuote as q } from '../quote.js'

/** `DROP INDEX [IF EXISTS] [schema.]name` (an index lives in its table's schema). */
export function compileDropIndex(op: DropIndexOp, _ctx: HandlerContext): readonly Statement[] {
  return [statement(`DROP INDEX ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.qualified(op.indexName, op.schema)}`)]
}
