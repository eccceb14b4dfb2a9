import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, type AddColumnOp } from '@athanor/ir'
import { appendColumnSpec, inlineCheck, inlineReferences, isSerial } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import { postgresQuote as q } from '../quote.js'

/**
 * `ALTER TABLE t ADD COLUMN [IF NOT EXISTS] spec [PRIMARY KEY] [REFERENCES …] [CHECK (…)]`, then
 * `ALTER TABLE t ADD [CONSTRAINT n] FOREIGN KEY(c) …` and `… ADD UNIQUE (c)`, then
 * `CREATE [UNIQUE] INDEX ix_t_c ON t (c)`, then `COMMENT ON COLUMN t.c IS '…'` (catalog §1.1).
 */
export function compileAddColumn(op: AddColumnOp, _ctx: HandlerContext): readonly Statement[] {
  const col = op.column
  if (col.computed?.persisted === false) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: 'postgresql', path: 'column.computed.persisted', message: 'postgresql: generated columns are STORED (persisted); virtual ones need PostgreSQL 18' })
  }
  const table = alterTable(q, op.tableName, op.schema)
  // As in Alembic and the schema model (catalog §1.1): primaryKey alone makes the column NOT NULL
  // (and SERIAL); only inlinePrimaryKey adds the PRIMARY KEY.
  const pk = col.primaryKey === true
  let sql = appendColumnSpec(op.ifNotExists === true ? `${table} ADD COLUMN IF NOT EXISTS ` : `${table} ADD COLUMN `, col, isSerial(col, pk), op.schema, 'column')
  if (pk && op.inlinePrimaryKey === true) sql += ' PRIMARY KEY'
  // A column constraint cannot be NOT VALID; such a key is added by its own ALTER TABLE.
  const inlineFk = op.inlineReferences === true && col.foreignKey !== undefined && col.foreignKey.postgresqlNotValid !== true
  if (inlineFk) sql += inlineReferences(col)
  if (col.check !== undefined) sql += inlineCheck(col)
  const out: Statement[] = [statement(sql)]
  const fk = col.foreignKey
  if (fk !== undefined && !inlineFk) {
    const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
    out.push(statement(`${table} ADD ${constraintSql({ type: 'foreignKey', localCols: [col.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }, name, 'alter', 'column.foreignKey.')}`))
  }
  if (col.index === true) {
    // The name the schema model gives it: ix_<table>_<column>, ix_<schema>_<table>_<column> (catalog §2.1).
    const ix = columnIndexName(op.tableName, col.name, op.schema)
    out.push(statement(createIndexSql({ columns: [col.name], ...(col.unique === true ? { unique: true } : {}) }, { indexName: ix, tableName: op.tableName, schema: op.schema })))
  } else if (col.unique === true) {
    out.push(statement(`${table} ADD UNIQUE (${q.ident(col.name)})`))
  }
  if (col.comment !== undefined) {
    out.push(statement(`COMMENT ON COLUMN ${q.qualified(op.tableName, op.schema)}.${q.ident(col.name)} IS ${q.literal(col.comment)}`))
  }
  return out
}

