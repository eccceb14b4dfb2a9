import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, typeName, type Column, type ConstraintDefinition, type CreateTableOp, type PrimaryKeyDefinition, type TableConstraint } from '@athanor/ir'
import { appendColumnSpec } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import { sqliteQuote as q } from '../quote.js'

const NO_CONSTRAINTS: readonly TableConstraint[] = []

/**
 * `CREATE [TEMPORARY] TABLE [IF NOT EXISTS] [schema.]t (columns, PRIMARY KEY (…), constraints…)
 * [WITHOUT ROWID][, STRICT]`, then one `CREATE INDEX` per index (catalog §1.4, §2.4). With
 * `sqliteAutoincrement` the sole INTEGER key is written on its column: `id INTEGER NOT NULL
 * PRIMARY KEY AUTOINCREMENT`. Comments are dropped: SQLite stores none.
 */
export function compileCreateTable(op: CreateTableOp, _ctx: HandlerContext): readonly Statement[] {
  const columns = op.columns
  const constraints = op.constraints ?? NO_CONSTRAINTS
  // The key is a table-level primaryKey constraint or the columns flagged primaryKey, never both
  // (the IR refuses a second key); plain loops, no lists built: this is the hottest handler.
  let explicitPk: (PrimaryKeyDefinition & { readonly name?: string }) | undefined
  for (let i = 0; i < constraints.length && explicitPk === undefined; i++) {
    const c = constraints[i] as TableConstraint
    if (c.type === 'primaryKey') explicitPk = c
  }
  const strict = op.sqliteStrict === true
  let inlinePk: string | undefined
  if (op.sqliteAutoincrement === true) {
    const col = soleKeyColumn(columns, explicitPk)
    if (col !== undefined && typeName(col.type) !== 'integer') {
      throw new UnsupportedOperationError({
        kind: op.kind,
        engine: 'sqlite',
        path: 'sqliteAutoincrement',
        message: `sqlite: AUTOINCREMENT needs an INTEGER primary key; column ${JSON.stringify(col.name)} is ${typeName(col.type)}`,
      })
    }
    inlinePk = col?.name
  }
  let body = ''
  let pkList = ''
  // Most columns imply no constraint or index: the passes for those run only when one does.
  let implies = false
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column
    implies ||= c.unique === true || c.foreignKey !== undefined || c.index === true
    const inPrimaryKey = explicitPk === undefined ? c.primaryKey === true : explicitPk.columns.includes(c.name)
    const autoincrement = c.name === inlinePk
    // A named key written on its column keeps its name: `id INTEGER NOT NULL CONSTRAINT pk PRIMARY KEY AUTOINCREMENT`.
    body = appendColumnSpec(body + (i === 0 ? '\n    ' : ',\n    '), c, i, inPrimaryKey, autoincrement, strict, autoincrement ? explicitPk?.name : undefined)
    if (inPrimaryKey && explicitPk === undefined) pkList += (pkList === '' ? '' : ', ') + q.ident(c.name)
  }
  if (inlinePk === undefined) {
    if (explicitPk === undefined) {
      if (pkList !== '') body += `,\n    PRIMARY KEY (${pkList})`
    } else if (explicitPk.columns.length > 0) {
      body += `,\n    ${constraintSql(explicitPk, explicitPk.name, op.schema)}`
    }
  }
  // Explicit constraints first, then those the columns imply, column by column (catalog §0.8).
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as TableConstraint
    if (c.type !== 'index' && c.type !== 'primaryKey') body += `,\n    ${constraintSql(c, c.name, op.schema, `constraints[${i}].`)}`
  }
  for (let i = 0; implies && i < columns.length; i++) {
    const c = columns[i] as Column
    if (c.unique === true && c.index !== true) body += `,\n    UNIQUE (${q.ident(c.name)})`
    const fk = c.foreignKey
    if (fk !== undefined) {
      const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
      const def: ConstraintDefinition = { type: 'foreignKey', localCols: [c.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }
      body += `,\n    ${constraintSql(def, name, op.schema, `columns[${i}].foreignKey.`)}`
    }
  }
  const prefixes = op.prefixes === undefined || op.prefixes.length === 0 ? '' : `${op.prefixes.join(' ')} `
  const options = op.sqliteWithoutRowid === true ? (strict ? ' WITHOUT ROWID, STRICT' : ' WITHOUT ROWID') : strict ? ' STRICT' : ''
  const out: Statement[] = [statement(`CREATE ${prefixes}TABLE ${op.ifNotExists === true ? 'IF NOT EXISTS ' : ''}${q.qualified(op.tableName, op.schema)} (${body}\n)${options}`)]
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as TableConstraint
    if (c.type === 'index') out.push(statement(createIndexSql(c, { tableName: op.tableName, schema: op.schema, indexName: c.name })))
  }
  for (let i = 0; implies && i < columns.length; i++) {
    const c = columns[i] as Column
    if (c.index === true) {
      const indexName = columnIndexName(op.tableName, c.name, op.schema)
      out.push(statement(createIndexSql({ columns: [c.name], ...(c.unique === true ? { unique: true } : {}) }, { tableName: op.tableName, schema: op.schema, indexName })))
    }
  }
  return out
}

/** The column of the table's key when the key has exactly one column (for `sqliteAutoincrement`). */
function soleKeyColumn(columns: readonly Column[], explicitPk: PrimaryKeyDefinition | undefined): Column | undefined {
  if (explicitPk !== undefined) return explicitPk.columns.length === 1 ? columns.find((c) => c.name === explicitPk.columns[0]) : undefined
  let sole: Column | undefined
  for (const c of columns) {
    if (c.primaryKey !== true) continue
    if (sole !== undefined) return undefined
    sole = c
  }
  return sole
}
