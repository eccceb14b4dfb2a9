import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { MissingExistingStateError, UnsupportedOperationError, type DropIndexOp } from '@athanor/ir'
import { indexesForForeignKeys } from '../constraint-drops.js'
import { supports, type MysqlTarget } from '../target.js'

/**
 * `DROP INDEX [IF EXISTS] name ON [schema.]table` (catalog §2.3). The table comes from the op,
 * else from the schema snapshot; with neither, `MissingExistingStateError` at `tableName` (the
 * reference writes a placeholder table name instead). When the snapshot says a foreign key needs
 * the index, `ALTER TABLE t DROP INDEX name, ADD INDEX fk (cols)` keeps the key indexed (see
 * `indexesForForeignKeys`).
 */
export function compileDropIndex(op: DropIndexOp, ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  if (op.ifExists === true && !supports(target, 'indexIfExists')) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: target.name, path: 'ifExists', message: `${target.name}: DROP INDEX has no IF EXISTS form on MySQL` })
  }
  const found = ctx.snapshot?.tables.find((t) => (op.tableName === undefined || t.name === op.tableName) && t.schema === op.schema && t.indexes.some((ix) => ix.name === op.indexName))
  const tableName = op.tableName ?? found?.name
  if (tableName === undefined) {
    throw new MissingExistingStateError({
      kind: op.kind,
      path: 'tableName',
      message: `${target.name}: DROP INDEX names the table, and index ${JSON.stringify(op.indexName)} is ${ctx.snapshot === undefined ? 'not in a schema snapshot (none was given)' : 'in no table of the schema snapshot'}; give tableName`,
    })
  }
  const q = target.quote
  const drop = `DROP INDEX ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.ident(op.indexName)}`
  // Differs from Alembic, whose DROP INDEX InnoDB refuses while a foreign key needs the index.
  const keep = found === undefined ? [] : indexesForForeignKeys(found, { ...found, indexes: found.indexes.filter((ix) => ix.name !== op.indexName) }, target)
  if (keep.length > 0) return [statement(`${alterTable(q, tableName, op.schema)} ${[drop, ...keep].join(', ')}`)]
  return [statement(`${drop} ON ${q.qualified(tableName, op.schema)}`)]
}
