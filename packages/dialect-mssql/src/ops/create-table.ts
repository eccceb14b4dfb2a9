import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, typeName, type Column, type ConstraintDefinition, type CreateTableOp } from '@athanor/ir'
import { columnSpec, inlineCheck, isAutoIdentity } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import type { MssqlSettings } from '../existing.js'
import { extendedProperty } from '../extended-property.js'
import { mssqlQuote as q } from '../quote.js'

const INTEGERS = new Set(['integer', 'bigint', 'smallint'])

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
  const pkColumns = op.columns.filter((c) => c.primaryKey === true)
  const pk = pkColumns.length === 1 ? (pkColumns[0] as Column) : undefined
  // SQLAlchemy's "auto" autoincrement skips a key column that a table-level foreign key uses.
  const soleIntegerPk =
    pk !== undefined &&
    INTEGERS.has(typeName(pk.type)) &&
    !(op.constraints ?? []).some(
      (c) => c.type === 'primaryKey' || (c.type === 'foreignKey' && c.localCols.includes(pk.name) && pk.autoincrement !== true),
    )
  let identities = 0
  const lines: string[] = op.columns.map((c, i) => {
    const autoIdentity = c.primaryKey === true && isAutoIdentity(c, soleIntegerPk)
    if ((autoIdentity || c.identity !== undefined) && ++identities > 1) {
      refuse(op, `columns[${i}].identity`, 'a table has at most one identity column')
    }
    return columnSpec(c, { autoIdentity, path: `columns[${i}]` }) + inlineCheck(c)
  })
  if (pkColumns.length > 0) lines.push(`PRIMARY KEY (${pkColumns.map((c) => q.ident(c.name)).join(', ')})`)
  const constraints = op.constraints ?? []
  // Explicit constraints first, then those the columns imply, column by column (catalog §0.8).
  constraints.forEach((c, i) => {
    if (c.type !== 'index') lines.push(constraintSql(c, c.name, `constraints[${i}].`))
  })
  op.columns.forEach((c, i) => {
    if (c.unique === true && c.index !== true) lines.push(`UNIQUE (${q.ident(c.name)})`)
    const fk = c.foreignKey
    if (fk !== undefined) {
      const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
      const def: ConstraintDefinition = { type: 'foreignKey', localCols: [c.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }
      lines.push(constraintSql(def, name, `columns[${i}].foreignKey.`))
    }
  })
  const out: Statement[] = [statement(`CREATE TABLE ${q.qualified(op.tableName, op.schema)} (\n    ${lines.join(',\n    ')}\n)`)]
  const names = { tableName: op.tableName, schema: op.schema }
  constraints.forEach((c, i) => {
    if (c.type === 'index') out.push(statement(createIndexSql(c, { ...names, indexName: c.name }, `constraints[${i}].`)))
  })
  for (const c of op.columns) {
    if (c.index === true) {
      out.push(statement(createIndexSql({ columns: [c.name], ...(c.unique === true ? { unique: true } : {}) }, { ...names, indexName: columnIndexName(op.tableName, c.name, op.schema) })))
    }
  }
  const target = { schema: op.schema ?? settings.defaultSchema, tableName: op.tableName }
  if (op.comment !== undefined) out.push(extendedProperty('execute', 'add', target, op.comment))
  for (const c of op.columns) {
    if (c.comment !== undefined) out.push(extendedProperty('execute', 'add', { ...target, columnName: c.name }, c.comment))
  }
  return out
}
