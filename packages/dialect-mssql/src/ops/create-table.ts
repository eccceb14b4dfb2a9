import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, typeName, type Column, type ConstraintDefinition, type CreateTableOp, type TableConstraint } from '@athanor/ir'
import { appendColumnSpec, inlineCheck, isAutoIdentity } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import type { MssqlSettings } from '../existing.js'
import { extendedProperty, type CommentTarget } from '../extended-property.js'
import { mssqlQuote as q } from '../quote.js'

const INTEGERS = new Set(['integer', 'bigint', 'smallint'])
const NO_CONSTRAINTS: readonly TableConstraint[] = []

function refuse(op: CreateTableOp, path: string, message: string): never {
  throw new UnsupportedOperationError({ kind: op.kind, engine: 'mssql', path, message: `mssql: ${message}` })
}

/**
 * `CREATE TABLE [schema.]t (columns, PRIMARY KEY (…), constraints…)`, then one `CREATE INDEX` per
 * index, then the table comment and the column comments as extended properties
 * (`execute sp_addextendedproperty 'MS_Description', N'…', 'schema', s, 'table', t[, 'column', c]`)
 * (catalog §1.4, §2.5). The table's only integer primary-key column is an `IDENTITY`.
 */
export function compileCreateTable(op: CreateTableOp, _ctx: HandlerContext, settings: MssqlSettings): readonly Statement[] {
  if (op.ifNotExists === true) refuse(op, 'ifNotExists', 'CREATE TABLE has no IF NOT EXISTS form')
  if (op.prefixes !== undefined && op.prefixes.length > 0) refuse(op, 'prefixes', 'CREATE TABLE takes no prefixes (a temporary table is named #t instead)')
  const columns = op.columns
  const constraints = op.constraints ?? NO_CONSTRAINTS
  // Plain loops, no lists built: this is the hottest handler. The key's sole column, if it has
  // one, decides the IDENTITY, so it is found first.
  let pkCount = 0
  let pk: Column | undefined
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column
    if (c.primaryKey === true && pkCount++ === 0) pk = c
  }
  const soleIntegerPk = pkCount === 1 && pk !== undefined && INTEGERS.has(typeName(pk.type)) && !autoincrementRuledOut(constraints, pk)
  let identities = 0
  let body = ''
  let pkList = ''
  // Most columns have no unique, foreign key, index or comment: the passes for those run only when one does.
  let extras = false
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column
    const autoIdentity = c.primaryKey === true && isAutoIdentity(c, soleIntegerPk)
    if ((autoIdentity || c.identity !== undefined) && ++identities > 1) {
      refuse(op, `columns[${i}].identity`, 'a table has at most one identity column')
    }
    body = appendColumnSpec(body + (i === 0 ? '\n    ' : ',\n    '), c, autoIdentity, i)
    if (c.check !== undefined) body += inlineCheck(c)
    if (c.primaryKey === true) pkList += (pkList === '' ? '' : ', ') + q.ident(c.name)
    extras ||= c.unique === true || c.foreignKey !== undefined || c.index === true || c.comment !== undefined
  }
  if (pkList !== '') body += `,\n    PRIMARY KEY (${pkList})`
  // Explicit constraints first, then those the columns imply, column by column (catalog §0.8).
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as TableConstraint
    if (c.type !== 'index') body += `,\n    ${constraintSql(c, c.name, `constraints[${i}].`)}`
  }
  for (let i = 0; extras && i < columns.length; i++) {
    const c = columns[i] as Column
    if (c.unique === true && c.index !== true) body += `,\n    UNIQUE (${q.ident(c.name)})`
    const fk = c.foreignKey
    if (fk !== undefined) {
      const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
      const def: ConstraintDefinition = { type: 'foreignKey', localCols: [c.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }
      body += `,\n    ${constraintSql(def, name, `columns[${i}].foreignKey.`)}`
    }
  }
  const out: Statement[] = [statement(`CREATE TABLE ${q.qualified(op.tableName, op.schema)} (${body}\n)`)]
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as TableConstraint
    if (c.type === 'index') out.push(statement(createIndexSql(c, { tableName: op.tableName, schema: op.schema, indexName: c.name }, `constraints[${i}].`)))
  }
  for (let i = 0; extras && i < columns.length; i++) {
    const c = columns[i] as Column
    if (c.index === true) {
      const indexName = columnIndexName(op.tableName, c.name, op.schema)
      out.push(statement(createIndexSql({ columns: [c.name], ...(c.unique === true ? { unique: true } : {}) }, { tableName: op.tableName, schema: op.schema, indexName })))
    }
  }
  if (op.comment !== undefined || extras) out.push(...commentStatements(op, settings))
  return out
}

/** SQLAlchemy's "auto" autoincrement skips the key column when a table-level key or foreign key rules it out. */
function autoincrementRuledOut(constraints: readonly TableConstraint[], pk: Column): boolean {
  for (const c of constraints) {
    if (c.type === 'primaryKey' || (c.type === 'foreignKey' && c.localCols.includes(pk.name) && pk.autoincrement !== true)) return true
  }
  return false
}

/** The table comment, then the column comments, as extended properties. */
function commentStatements(op: CreateTableOp, settings: MssqlSettings): Statement[] {
  const out: Statement[] = []
  const target: CommentTarget = { schema: op.schema ?? settings.defaultSchema, tableName: op.tableName }
  if (op.comment !== undefined) out.push(extendedProperty('execute', 'add', target, op.comment))
  for (const c of op.columns) {
    if (c.comment !== undefined) out.push(extendedProperty('execute', 'add', { ...target, columnName: c.name }, c.comment))
  }
  return out
}
