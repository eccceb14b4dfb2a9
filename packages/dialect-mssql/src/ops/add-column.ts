import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, findTable, type AddColumnOp } from '@athanor/ir'
import { appendColumnSpec, inlineCheck, inlineReferences, isAutoIdentity } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import { identityOf, type MssqlSettings } from '../existing.js'
import { extendedProperty } from '../extended-property.js'
import { mssqlQuote as q } from '../quote.js'

/**
 * `ALTER TABLE t ADD spec [PRIMARY KEY] [REFERENCES …] [CHECK (…)]` (no `COLUMN` keyword), then
 * `ALTER TABLE t ADD [CONSTRAINT n] FOREIGN KEY(c) …` and `… ADD UNIQUE (c)`, then
 * `CREATE [UNIQUE] INDEX ix_t_c ON t (c)`, then
 * `execute sp_addextendedproperty 'MS_Description', N'…', 'schema', s, 'table', t, 'column', c`
 * (catalog §1.1, §2.5).
 */
export function compileAddColumn(op: AddColumnOp, ctx: HandlerContext, settings: MssqlSettings): readonly Statement[] {
  const col = op.column
  if (op.ifNotExists === true) {
    // Differs from Alembic, which drops the clause silently on SQL Server: the ADD would then fail.
    throw new UnsupportedOperationError({ kind: op.kind, engine: 'mssql', path: 'ifNotExists', message: 'mssql: ALTER TABLE … ADD has no IF NOT EXISTS form' })
  }
  const table = alterTable(q, op.tableName, op.schema)
  // As in Alembic (catalog §1.1): primaryKey alone makes the column NOT NULL (and IDENTITY);
  // only inlinePrimaryKey adds the PRIMARY KEY.
  const pk = col.primaryKey === true
  const autoIdentity = isAutoIdentity(col, pk)
  if (col.identity !== undefined || autoIdentity) refuseSecondIdentity(op, ctx)
  let sql = appendColumnSpec(`${table} ADD `, col, autoIdentity, undefined)
  if (pk && op.inlinePrimaryKey === true) sql += ' PRIMARY KEY'
  // Differs from Alembic, whose SQL Server ADD ignores inlinePrimaryKey and inlineReferences (the
  // foreign key is then lost) and leaves out column checks (catalog §2.5).
  const inlineFk = op.inlineReferences === true && col.foreignKey !== undefined
  if (inlineFk) sql += inlineReferences(col)
  if (col.check !== undefined) sql += inlineCheck(col)
  const out: Statement[] = [statement(sql)]
  const fk = col.foreignKey
  if (fk !== undefined && !inlineFk) {
    const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
    const def = { type: 'foreignKey' as const, localCols: [col.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }
    out.push(statement(`${table} ADD ${constraintSql(def, name, 'column.foreignKey.')}`))
  }
  if (col.index === true) {
    // The name the schema model gives it: ix_<table>_<column>, ix_<schema>_<table>_<column> (catalog §2.1).
    const ix = columnIndexName(op.tableName, col.name, op.schema)
    out.push(statement(createIndexSql({ columns: [col.name], ...(col.unique === true ? { unique: true } : {}) }, { indexName: ix, tableName: op.tableName, schema: op.schema })))
  } else if (col.unique === true) {
    out.push(statement(`${table} ADD UNIQUE (${q.ident(col.name)})`))
  }
  if (col.comment !== undefined) {
    const target = { schema: op.schema ?? settings.defaultSchema, tableName: op.tableName, columnName: col.name }
    out.push(extendedProperty('execute', 'add', target, col.comment))
  }
  return out
}

/** SQL Server allows one identity column per table: refused when the snapshot shows one already. */
function refuseSecondIdentity(op: AddColumnOp, ctx: HandlerContext): void {
  const table = ctx.snapshot === undefined ? undefined : findTable(ctx.snapshot, op.tableName, op.schema)
  const existing = table?.columns.find((c) => identityOf(table, c) !== 'no')
  if (table !== undefined && existing !== undefined) {
    throw new UnsupportedOperationError({
      kind: op.kind,
      engine: 'mssql',
      path: op.column.identity === undefined ? 'column.primaryKey' : 'column.identity',
      message: `mssql: a table has at most one identity column, and ${JSON.stringify(existing.name)} is one`,
    })
  }
}
