import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type AlterColumnOp } from '@athanor/ir'
import { defaultSql } from '../column-spec.js'
import { constraintsOn, indexOn } from '../column-constraints.js'
import { withIndexesAside } from '../indexes-aside.js'
import { duckdbQuote as q } from '../quote.js'
import { refuseReferencedTable } from '../references.js'
import { duckdbType } from '../types.js'

/**
 * What stops DuckDB from making the change in place, as the snapshot shows it: the path of the
 * field and the reason, or undefined. A key, UNIQUE or foreign key on the column keeps its type;
 * a foreign key from the column keeps its name; an index on the column keeps its type too (see
 * `indexOn`).
 * @example
 * import { alterColumn, applyOps, createTable, emptySnapshot } from '@athanor/ir'
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer', primaryKey: true }] })])
 * alterColumnProblem(alterColumn({ tableName: 't', columnName: 'id', type: 'bigint' }), snapshot)
 * // => { path: 'type', reason: 'duckdb cannot change the type of a column a primaryKey constraint uses' }
 */
export function alterColumnProblem(op: Pick<AlterColumnOp, 'tableName' | 'schema' | 'columnName' | 'type' | 'newColumnName'>, snapshot: HandlerContext['snapshot']): { readonly path: string; readonly reason: string } | undefined {
  const used = constraintsOn(snapshot, op)
  const keyed = used.find((c) => c.type !== 'check')
  if (op.type !== undefined && keyed !== undefined) return { path: 'type', reason: `duckdb cannot change the type of a column a ${keyed.type} constraint uses` }
  const index = op.type === undefined ? undefined : indexOn(snapshot, op, false)
  if (index !== undefined) return { path: 'type', reason: `duckdb cannot change the type of a column index ${index.name} uses, not even with the index dropped first in the same transaction` }
  if (op.newColumnName !== undefined && used.some((c) => c.type === 'foreignKey')) return { path: 'newColumnName', reason: 'duckdb cannot rename a column a foreign key uses' }
  return undefined
}

/**
 * In this order: `ALTER TABLE t ALTER COLUMN c SET DATA TYPE x`, `… SET NOT NULL` / `… DROP NOT
 * NULL`, `… SET DEFAULT d` / `… DROP DEFAULT`, `COMMENT ON COLUMN t.c IS …`, then `ALTER TABLE t
 * RENAME COLUMN c TO n`; the table's indexes set aside around a change of type, nullability or
 * name (see `withIndexesAside`). Identity and auto-increment changes are refused: DuckDB has
 * neither; and so is what {@link alterColumnProblem} finds, and a change of type, nullability or
 * name on a table other tables' foreign keys point at (a batch rebuilds the table for the first).
 */
export function compileAlterColumn(op: AlterColumnOp, ctx: HandlerContext): readonly Statement[] {
  for (const field of ['identity', 'autoincrement'] as const) {
    if (op[field] !== undefined) {
      throw new UnsupportedOperationError({ kind: op.kind, engine: 'duckdb', path: field, message: `duckdb has no ${field === 'identity' ? 'identity' : 'auto-increment'} columns; use a sequence default instead` })
    }
  }
  const blocked = op.type !== undefined || op.nullable !== undefined || (op.newColumnName !== undefined && op.newColumnName !== op.columnName)
  if (blocked) {
    const problem = alterColumnProblem(op, ctx.snapshot)
    if (problem !== undefined) {
      throw new UnsupportedOperationError({ kind: op.kind, engine: 'duckdb', path: problem.path, message: `${problem.reason}; change it in a batch, which rebuilds the table` })
    }
    refuseReferencedTable(ctx.snapshot, op.tableName, op.schema, { kind: op.kind, path: 'tableName', doing: 'change a column of' })
  }
  const table = alterTable(q, op.tableName, op.schema)
  const column = `${table} ALTER COLUMN ${q.ident(op.columnName)}`
  const out: Statement[] = []
  if (op.type !== undefined) out.push(statement(`${column} SET DATA TYPE ${duckdbType(op.type)}`))
  if (op.nullable !== undefined) out.push(statement(`${column} ${op.nullable ? 'DROP' : 'SET'} NOT NULL`))
  if (op.serverDefault !== undefined) {
    out.push(statement(op.serverDefault === null ? `${column} DROP DEFAULT` : `${column} SET DEFAULT ${defaultSql(op.serverDefault)}`))
  }
  if (op.comment !== undefined) {
    out.push(statement(`COMMENT ON COLUMN ${q.qualified(op.tableName, op.schema)}.${q.ident(op.columnName)} IS ${op.comment === null ? 'NULL' : q.literal(op.comment)}`))
  }
  if (op.newColumnName !== undefined && op.newColumnName !== op.columnName) {
    out.push(statement(`${table} RENAME COLUMN ${q.ident(op.columnName)} TO ${q.ident(op.newColumnName)}`))
  }
  return blocked ? withIndexesAside(op, op, out, ctx) : out
}
