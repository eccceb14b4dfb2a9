import { statement, type HandlerContext, type RebuildHooks } from '@athanor/dialect-kit'
import { createTableOf } from '@athanor/ir'
import { createIndexSql } from './constraint-sql.js'
import { compileCreateTable } from './ops/create-table.js'
import { duckdbQuote as q } from './quote.js'
import { duckdbType } from './types.js'

/**
 * DuckDB's side of the shared "move and copy" rebuild (`compileRebuild` of
 * `@athanor/dialect-kit`): the new table is created by this dialect's `createTable`, filled with
 * `INSERT … SELECT`, the old one dropped and the new one renamed with `ALTER TABLE … RENAME TO`,
 * then its indexes created. A column whose type changes family is read through
 * `CAST(c AS <type>)`, which fails (and rolls the migration back) on a value that does not
 * convert, rather than storing something else. No `renameColumn` hook: DuckDB cannot rename a
 * column once the rebuilt table has its indexes, so renamed columns are created under their new
 * names and filled from the old ones.
 * @example
 * import type { BatchOp } from '@athanor/ir'
 * import { compileRebuild, type HandlerContext } from '@athanor/dialect-kit'
 * declare const op: BatchOp
 * declare const ctx: HandlerContext // what the batch handler was given
 * compileRebuild(op, ctx, duckdbRebuildHooks(ctx))
 */
export function duckdbRebuildHooks(ctx: HandlerContext): RebuildHooks {
  return {
    engine: 'duckdb',
    quote: q,
    createTable: (table) => compileCreateTable(createTableOf(table), ctx),
    createIndex: (ix, table) => [statement(createIndexSql(ix, { indexName: ix.name, tableName: table.name, schema: table.schema }))],
    renameTable: (from, to, schema) => [statement(`ALTER TABLE ${q.qualified(from, schema)} RENAME TO ${q.ident(to)}`)],
    cast: (expression, _from, to) => `CAST(${expression} AS ${duckdbType(to.type)})`,
  }
}
