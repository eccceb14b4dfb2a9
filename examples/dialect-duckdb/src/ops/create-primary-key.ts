import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type CreatePrimaryKeyOp } from '@athanor/ir'
import { withIndexesAside } from '../indexes-aside.js'
import { duckdbQuote as q } from '../quote.js'

/**
 * `ALTER TABLE t ADD PRIMARY KEY (cols)`: the one constraint DuckDB adds to an existing table.
 * The name is not written (DuckDB names the key itself; see `namedConstraints`), and there is no
 * `IF NOT EXISTS`.
 */
export function compileCreatePrimaryKey(op: CreatePrimaryKeyOp, ctx: HandlerContext): readonly Statement[] {
  if (op.ifNotExists === true) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: 'duckdb', path: 'ifNotExists', message: 'duckdb has no ADD PRIMARY KEY IF NOT EXISTS' })
  }
  return withIndexesAside(op, op, [statement(`${alterTable(q, op.tableName, op.schema)} ADD PRIMARY KEY (${op.columns.map((c) => q.ident(c)).join(', ')})`)], ctx)
}
