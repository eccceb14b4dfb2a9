import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, isNullable, type AddColumnOp } from '@athanor/ir'
import { columnSpec } from '../column-spec.js'
import { createIndexSql } from '../constraint-sql.js'
import { withIndexesAside } from '../indexes-aside.js'
import { duckdbQuote as q } from '../quote.js'
import { refuseReferencedTable } from '../references.js'

/** Column flags `ADD COLUMN` cannot carry on DuckDB ("Adding columns with constraints not yet supported"). */
const CONSTRAINED = [
  ['unique', 'a UNIQUE column'],
  ['foreignKey', 'a REFERENCES column'],
  ['check', 'a column with a CHECK'],
] as const

/**
 * `ALTER TABLE t ADD COLUMN [IF NOT EXISTS] spec`, then `ALTER TABLE t ALTER COLUMN c SET NOT
 * NULL` (DuckDB adds no column with a constraint, NOT NULL included, so the default fills the
 * rows first), `ALTER TABLE t ADD PRIMARY KEY (c)` for `inlinePrimaryKey`, `CREATE [UNIQUE]
 * INDEX ix_t_c ON t (c)` for `index`, and `COMMENT ON COLUMN t.c IS '…'`. A UNIQUE, REFERENCES
 * or CHECK column is refused: a batch adds it by rebuilding the table.
 */
export function compileAddColumn(op: AddColumnOp, ctx: HandlerContext): readonly Statement[] {
  const col = op.column
  for (const [field, what] of CONSTRAINED) {
    if (col[field] !== undefined && !(field === 'unique' && (col.unique === false || col.index === true))) {
      throw new UnsupportedOperationError({ kind: op.kind, engine: 'duckdb', path: `column.${field}`, message: `duckdb cannot add ${what} to an existing table; add it in a batch, which rebuilds the table` })
    }
  }
  const table = alterTable(q, op.tableName, op.schema)
  const notNull = !isNullable(col)
  const indexed = col.index === true
  const pk = col.primaryKey === true && op.inlinePrimaryKey === true
  if (op.ifNotExists === true && (notNull || indexed || pk || col.comment !== undefined)) {
    throw new UnsupportedOperationError({
      kind: op.kind,
      engine: 'duckdb',
      path: 'ifNotExists',
      message: 'duckdb: a column added only if it does not exist cannot also be made NOT NULL, indexed, keyed or commented (those statements would change the existing column)',
    })
  }
  // DuckDB adds a column to a table other tables' keys point at, but alters none of its columns.
  if (notNull || pk) refuseReferencedTable(ctx.snapshot, op.tableName, op.schema, { kind: op.kind, path: notNull ? 'column.nullable' : 'inlinePrimaryKey', doing: 'make an added column NOT NULL or a key in' })
  const out: Statement[] = [statement(`${table} ADD COLUMN ${op.ifNotExists === true ? 'IF NOT EXISTS ' : ''}${columnSpec(col, { notNull: false })}`)]
  if (notNull) out.push(statement(`${table} ALTER COLUMN ${q.ident(col.name)} SET NOT NULL`))
  if (pk) out.push(statement(`${table} ADD PRIMARY KEY (${q.ident(col.name)})`))
  if (indexed) {
    const indexName = columnIndexName(op.tableName, col.name, op.schema)
    out.push(statement(createIndexSql({ columns: [col.name], ...(col.unique === true ? { unique: true } : {}) }, { indexName, tableName: op.tableName, schema: op.schema })))
  }
  if (col.comment !== undefined) out.push(statement(`COMMENT ON COLUMN ${q.qualified(op.tableName, op.schema)}.${q.ident(col.name)} IS ${q.literal(col.comment)}`))
  return notNull || pk ? withIndexesAside(op, op, out, ctx) : out
}
