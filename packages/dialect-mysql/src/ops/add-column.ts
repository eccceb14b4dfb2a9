import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, sqlMentions, type AddColumnOp } from '@athanor/ir'
import { autoincrementOf } from '../autoincrement.js'
import { hasReferentialAction, refuseCheckNaming } from '../check-rules.js'
import { appendColumnSpec } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import { supports, type MysqlTarget } from '../target.js'

/**
 * `ALTER TABLE t ADD COLUMN [IF NOT EXISTS] spec [PRIMARY KEY]` (the comment inline), then
 * `ALTER TABLE t ADD [CONSTRAINT n] FOREIGN KEY(c) REFERENCES …`, then `ALTER TABLE t ADD UNIQUE (c)`
 * or `CREATE [UNIQUE] INDEX ix_t_c ON t (c)`, then `ALTER TABLE t ADD [CONSTRAINT n] CHECK (…)`
 * (catalog §1.1, §2.3).
 */
export function compileAddColumn(op: AddColumnOp, _ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const q = target.quote
  const col = op.column
  if (op.ifNotExists === true && !supports(target, 'columnIfExists')) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: target.name, path: 'ifNotExists', message: `${target.name}: ADD COLUMN has no IF NOT EXISTS form on MySQL` })
  }
  const table = alterTable(q, op.tableName, op.schema)
  // As in Alembic and the schema model (catalog §1.1): primaryKey alone makes the column NOT NULL;
  // only inlinePrimaryKey adds the PRIMARY KEY.
  const makesKey = col.primaryKey === true && op.inlinePrimaryKey === true
  // Differs from Alembic, which writes AUTO_INCREMENT on any integer primaryKey column, although
  // MySQL refuses it on a column that is not a key (here: without inlinePrimaryKey).
  const autoincrement = makesKey && autoincrementOf(col, /* the only column of the key it makes */ col.name, target.flavour)
  if (col.autoincrement === true && !makesKey) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: target.name, path: 'column.autoincrement', message: `${target.name}: an AUTO_INCREMENT column must be a key; add it with primaryKey and inlinePrimaryKey` })
  }
  let sql = appendColumnSpec(op.ifNotExists === true ? `${table} ADD COLUMN IF NOT EXISTS ` : `${table} ADD COLUMN `, col, target, autoincrement, 'column')
  if (makesKey) sql += ' PRIMARY KEY'
  const out: Statement[] = [statement(sql)]
  const fk = col.foreignKey
  if (fk !== undefined) {
    // Differs from Alembic: inlineReferences is not honoured. MySQL parses a column's REFERENCES
    // clause and ignores it, so the key is always added by its own ALTER TABLE.
    const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
    const def = { type: 'foreignKey' as const, localCols: [col.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }
    out.push(statement(`${table} ADD ${constraintSql(def, name, target, { path: 'column.foreignKey.', schema: op.schema })}`))
  }
  if (col.index === true) {
    const ix = columnIndexName(op.tableName, col.name, op.schema)
    out.push(statement(createIndexSql({ columns: [col.name], ...(col.unique === true ? { unique: true } : {}) }, { indexName: ix, tableName: op.tableName, schema: op.schema }, target)))
  } else if (col.unique === true) {
    out.push(statement(`${table} ADD UNIQUE (${q.ident(col.name)})`))
  }
  const check = col.check
  if (check !== undefined) {
    // The check's neighbours are the column and what its flags imply: it may name neither an
    // AUTO_INCREMENT column nor one its foreign key acts on.
    const named = sqlMentions(check.condition, col.name)
    if (named && autoincrement) refuseCheckNaming(col.name, true, target, op.kind, 'column.check.condition')
    if (named && fk !== undefined && hasReferentialAction(fk, target.flavour)) refuseCheckNaming(col.name, false, target, op.kind, 'column.check.condition')
    // A column-level CHECK would be named after the column on MariaDB; a table-level one keeps its name.
    out.push(statement(`${table} ADD ${constraintSql({ type: 'check', condition: check.condition }, check.name, target, { path: 'column.check.' })}`))
  }
  return out
}
