import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, type AddColumnOp, type Column } from '@athanor/ir'
import { appendColumnSpec, isConstantDefault } from '../column-spec.js'
import { createIndexSql, referencesSql } from '../constraint-sql.js'
import { sqliteQuote as q } from '../quote.js'

/**
 * Why `ALTER TABLE … ADD COLUMN` cannot add a column, as a path in the op and a reason.
 * @example
 * import { addColumn } from '@athanor/ir'
 * const op = addColumn({ tableName: 'account', column: { name: 'email', type: 'text', nullable: false } })
 * const problem: AddColumnProblem | undefined = addColumnProblem(op)
 * problem // => { path: 'column.nullable', reason: 'SQLite cannot add a NOT NULL column without a non-NULL default' }
 */
export interface AddColumnProblem {
  readonly path: string
  readonly reason: string
}

/**
 * What stops SQLite's `ADD COLUMN` from adding this column as the schema model says, or
 * undefined when it can. SQLite refuses a PRIMARY KEY or UNIQUE column, NOT NULL without a
 * non-NULL default, a non-constant default, a STORED generated column, and a REFERENCES column
 * with a non-NULL default; it has no `IF NOT EXISTS` there.
 * @example
 * addColumnProblem({ column: { name: 'c', type: 'integer', unique: true } }) // => { path: 'column.unique', reason: 'SQLite cannot add a UNIQUE column' }
 */
export function addColumnProblem(op: { readonly column: Column; readonly ifNotExists?: boolean }): AddColumnProblem | undefined {
  const c = op.column
  if (op.ifNotExists === true) return { path: 'ifNotExists', reason: 'SQLite has no ADD COLUMN IF NOT EXISTS' }
  if (c.primaryKey === true) return { path: 'column.primaryKey', reason: 'SQLite cannot add a PRIMARY KEY column' }
  if (c.unique === true && c.index !== true) return { path: 'column.unique', reason: 'SQLite cannot add a UNIQUE column' }
  if (c.computed?.persisted === true) return { path: 'column.computed.persisted', reason: 'SQLite cannot add a STORED generated column' }
  const d = c.serverDefault
  if (d !== undefined && !isConstantDefault(d)) return { path: 'column.serverDefault', reason: 'SQLite cannot add a column with a non-constant default' }
  const nullDefault = d === undefined || ('sql' in d && /^\(*\s*null\s*\)*$/i.test(d.sql.trim()))
  if (c.nullable === false && c.computed === undefined && nullDefault) return { path: 'column.nullable', reason: 'SQLite cannot add a NOT NULL column without a non-NULL default' }
  if (c.foreignKey !== undefined && !nullDefault) return { path: 'column.foreignKey', reason: 'SQLite cannot add a REFERENCES column with a non-NULL default' }
  return undefined
}

/**
 * `ALTER TABLE t ADD COLUMN spec [REFERENCES …]`, then `CREATE [UNIQUE] INDEX ix_t_c ON t (c)`
 * for `index` (catalog §2.4). A foreign key is always written on the column, the only way SQLite
 * adds one. What `ADD COLUMN` cannot do (see {@link addColumnProblem}) is refused: use a batch,
 * which rebuilds the table.
 */
export function compileAddColumn(op: AddColumnOp, _ctx: HandlerContext): readonly Statement[] {
  const problem = addColumnProblem(op)
  if (problem !== undefined) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: 'sqlite', path: problem.path, message: `sqlite: ${problem.reason}; add it in a batch (recreate "auto"), which rebuilds the table` })
  }
  const col = op.column
  let sql = appendColumnSpec(`${alterTable(q, op.tableName, op.schema)} ADD COLUMN `, col, undefined, false, false, false)
  const fk = col.foreignKey
  if (fk !== undefined) {
    const { name, remoteCol, ...rest } = fk
    sql += `${name === undefined ? '' : ` CONSTRAINT ${q.ident(name)}`}${referencesSql({ ...rest, remoteCols: [remoteCol] }, op.schema, 'column.foreignKey.')}`
  }
  const out: Statement[] = [statement(sql)]
  if (col.index === true) {
    const indexName = columnIndexName(op.tableName, col.name, op.schema)
    out.push(statement(createIndexSql({ columns: [col.name], ...(col.unique === true ? { unique: true } : {}) }, { indexName, tableName: op.tableName, schema: op.schema })))
  }
  return out
}
