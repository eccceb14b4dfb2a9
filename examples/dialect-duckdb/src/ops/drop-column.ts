import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type DropColumnOp } from '@athanor/ir'
import { constraintsOn, indexOn } from '../column-constraints.js'
import { withIndexesAside } from '../indexes-aside.js'
import { duckdbQuote as q } from '../quote.js'
import { refuseReferencedTable } from '../references.js'

/**
 * `ALTER TABLE t DROP COLUMN [IF EXISTS] c`, with the table's indexes set aside (see
 * `withIndexesAside`). Refused, when the snapshot shows it, for a column a constraint uses
 * (DuckDB drops no constraint), for a column that an index uses or that comes before an indexed
 * column (see `indexOn`) — a batch drops those by rebuilding the table — and on a table other
 * tables' foreign keys point at. The SQL Server flags (`mssqlDrop…`) are SQL Server's.
 */
export function compileDropColumn(op: DropColumnOp, ctx: HandlerContext): readonly Statement[] {
  const [used] = constraintsOn(ctx.snapshot, op)
  if (used !== undefined) {
    throw new UnsupportedOperationError({
      kind: op.kind,
      engine: 'duckdb',
      path: 'columnName',
      message: `duckdb cannot drop column ${JSON.stringify(op.columnName)}: a ${used.type} constraint uses it, and DuckDB drops no constraint; drop it in a batch, which rebuilds the table`,
    })
  }
  const index = indexOn(ctx.snapshot, op, true)
  if (index !== undefined) {
    throw new UnsupportedOperationError({
      kind: op.kind,
      engine: 'duckdb',
      path: 'columnName',
      message: `duckdb cannot drop column ${JSON.stringify(op.columnName)} while index ${index.name} uses it or a column after it (not even with the index dropped first in the same transaction); drop it in a batch, which rebuilds the table`,
    })
  }
  refuseReferencedTable(ctx.snapshot, op.tableName, op.schema, { kind: op.kind, path: 'tableName', doing: 'drop a column of' })
  const sql = `${alterTable(q, op.tableName, op.schema)} DROP COLUMN ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.ident(op.columnName)}`
  return withIndexesAside(op, op, [statement(sql)], ctx)
}
