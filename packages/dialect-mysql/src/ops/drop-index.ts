import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { MissingExistingStateError, UnsupportedOperationError, type DropIndexOp } from '@athanor/ir'
import { supports, type MysqlTarget } from '../target.js'

/**
 * `DROP INDEX [IF EXISTS] name ON [schema.]table` (catalog §2.3). The table comes from the op,
 * else from the schema snapshot; with neither, `MissingExistingStateError` at `tableName` (the
 * reference writes a placeholder table name instead).
 */
export function compileDropIndex(op: DropIndexOp, ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  if (op.ifExists === true && !supports(target, 'indexIfExists')) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: target.name, path: 'ifExists', message: `${target.name}: DROP INDEX has no IF EXISTS form on MySQL` })
  }
  const tableName = op.tableName ?? ctx.snapshot?.tables.find((t) => t.schema === op.schema && t.indexes.some((ix) => ix.name === op.indexName))?.name
  if (tableName === undefined) {
    throw new MissingExistingStateError({
      kind: op.kind,
      path: 'tableName',
      message: `${target.name}: DROP INDEX names the table, and index ${JSON.stringify(op.indexName)} is ${ctx.snapshot === undefined ? 'not in a schema snapshot (none was given)' : 'in no table of the schema snapshot'}; give tableName`,
    })
  }
  const q = target.quote
  return [statement(`DROP INDEX ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.ident(op.indexName)} ON ${q.qualified(tableName, op.schema)}`)]
}
