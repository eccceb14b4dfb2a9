import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { MissingExistingStateError, type DropIndexOp } from '@athanor/ir'
import { mssqlQuote as q } from '../quote.js'

/**
 * `DROP INDEX [IF EXISTS] name ON [schema.]table` (catalog §2.5). The table comes from the op,
 * else from the snapshot (the table holding an index of that name in the schema).
 */
export function compileDropIndex(op: DropIndexOp, ctx: HandlerContext): readonly Statement[] {
  const tableName =
    op.tableName ?? ctx.snapshot?.tables.find((t) => t.schema === op.schema && t.indexes.some((ix) => ix.name === op.indexName))?.name
  if (tableName === undefined) {
    // Differs from Alembic, which writes `ON no_table`.
    throw new MissingExistingStateError({ kind: op.kind, path: 'tableName', message: 'mssql: DROP INDEX names the table (DROP INDEX ix ON t); give tableName or compile with a schema snapshot' })
  }
  return [statement(`DROP INDEX ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.ident(op.indexName)} ON ${q.qualified(tableName, op.schema)}`)]
}
