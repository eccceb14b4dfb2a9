import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { applyOps, findTable, type Op } from '@athanor/ir'
import { createIndexSql } from './constraint-sql.js'
import { duckdbQuote as q } from './quote.js'

/**
 * Wraps the statements of an ALTER in `DROP INDEX` and `CREATE INDEX` of the table's indexes.
 * DuckDB 1.5 refuses to change a table that has an index (CREATE INDEX, not the indexes behind
 * PRIMARY KEY and UNIQUE): `Dependency Error: Cannot alter entry "t" because there are entries
 * that depend on it` for DROP COLUMN, RENAME COLUMN, SET DATA TYPE, SET NOT NULL and RENAME TO.
 * So the indexes are dropped first and created again after the change, as the schema model says
 * they are after `op` (renamed columns followed, the indexes of a dropped column gone).
 *
 * Only a schema snapshot says which indexes a table has: without one the statements are returned
 * as they are, and DuckDB refuses them if the table has an index.
 * @example
 * import { applyOps, createIndex, createTable, dropColumn, emptySnapshot } from '@athanor/ir'
 * import { statement, type HandlerContext } from '@athanor/dialect-kit'
 * const snapshot = applyOps(emptySnapshot(), [
 *   createTable({ tableName: 't', columns: [{ name: 'b', type: 'integer' }, { name: 'c', type: 'integer' }] }),
 *   createIndex({ indexName: 'ix_t_b', tableName: 't', columns: ['b'] }),
 * ])
 * const ctx: HandlerContext = { dialect: duckdb, snapshot, compileOps: (ops) => duckdb.compileOps(ops) }
 * const op = dropColumn({ tableName: 't', columnName: 'c' })
 * withIndexesAside(op, { tableName: 't' }, [statement('ALTER TABLE t DROP COLUMN c')], ctx).map((s) => s.sql)
 * // => ['DROP INDEX ix_t_b', 'ALTER TABLE t DROP COLUMN c', 'CREATE INDEX ix_t_b ON t (b)']
 */
export function withIndexesAside(
  op: Op,
  table: { readonly tableName: string; readonly schema?: string | undefined; readonly newTableName?: string },
  statements: readonly Statement[],
  ctx: HandlerContext,
): readonly Statement[] {
  const snapshot = ctx.snapshot
  if (snapshot === undefined) return statements
  const before = findTable(snapshot, table.tableName, table.schema)
  if (before === undefined || before.indexes.length === 0) return statements
  const after = findTable(applyOps(snapshot, [op], ctx.registry === undefined ? {} : { registry: ctx.registry }), table.newTableName ?? table.tableName, table.schema)
  const drops = before.indexes.map((ix) => statement(`DROP INDEX ${q.qualified(ix.name, table.schema)}`))
  const creates = (after?.indexes ?? []).map((ix) => statement(createIndexSql(ix, { indexName: ix.name, tableName: after?.name ?? table.tableName, schema: table.schema })))
  return [...drops, ...statements, ...creates]
}
