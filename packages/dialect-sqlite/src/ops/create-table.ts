import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, typeName, type ConstraintDefinition, type CreateTableOp } from '@athanor/ir'
import { columnSpec } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import { sqliteQuote as q } from '../quote.js'

/**
 * `CREATE [TEMPORARY] TABLE [IF NOT EXISTS] [schema.]t (columns, PRIMARY KEY (…), constraints…)
 * [WITHOUT ROWID][, STRICT]`, then one `CREATE INDEX` per index (catalog §1.4, §2.4). With
 * `sqliteAutoincrement` the sole INTEGER key is written on its column: `id INTEGER NOT NULL
 * PRIMARY KEY AUTOINCREMENT`. Comments are dropped: SQLite stores none.
 */
export function compileCreateTable(op: CreateTableOp, _ctx: HandlerContext): readonly Statement[] {
  const constraints = op.constraints ?? []
  const explicitPk = constraints.find((c) => c.type === 'primaryKey')
  const pkColumns = explicitPk?.type === 'primaryKey' ? explicitPk.columns : op.columns.filter((c) => c.primaryKey === true).map((c) => c.name)
  const strict = op.sqliteStrict === true
  let inlinePk: string | undefined
  if (op.sqliteAutoincrement === true && pkColumns.length === 1) {
    const col = op.columns.find((c) => c.name === pkColumns[0])
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
  const lines: string[] = op.columns.map((c, i) => {
    const spec = columnSpec(c, { path: `columns[${i}]`, inPrimaryKey: pkColumns.includes(c.name), autoincrement: c.name === inlinePk, strict })
    // A named key written on its column keeps its name: `id INTEGER NOT NULL CONSTRAINT pk PRIMARY KEY AUTOINCREMENT`.
    return c.name === inlinePk && explicitPk?.name !== undefined ? spec.replace(' PRIMARY KEY AUTOINCREMENT', ` CONSTRAINT ${q.ident(explicitPk.name)} PRIMARY KEY AUTOINCREMENT`) : spec
  })
  if (inlinePk === undefined && pkColumns.length > 0) {
    lines.push(constraintSql({ type: 'primaryKey', columns: pkColumns }, explicitPk?.name, op.schema))
  }
  // Explicit constraints first, then those the columns imply, column by column (catalog §0.8).
  constraints.forEach((c, i) => {
    if (c.type !== 'index' && c.type !== 'primaryKey') lines.push(constraintSql(c, c.name, op.schema, `constraints[${i}].`))
  })
  op.columns.forEach((c, i) => {
    if (c.unique === true && c.index !== true) lines.push(`UNIQUE (${q.ident(c.name)})`)
    const fk = c.foreignKey
    if (fk !== undefined) {
      const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
      const def: ConstraintDefinition = { type: 'foreignKey', localCols: [c.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }
      lines.push(constraintSql(def, name, op.schema, `columns[${i}].foreignKey.`))
    }
  })
  const prefixes = op.prefixes === undefined || op.prefixes.length === 0 ? '' : `${op.prefixes.join(' ')} `
  const options = [...(op.sqliteWithoutRowid === true ? ['WITHOUT ROWID'] : []), ...(strict ? ['STRICT'] : [])]
  const sql = `CREATE ${prefixes}TABLE ${op.ifNotExists === true ? 'IF NOT EXISTS ' : ''}${q.qualified(op.tableName, op.schema)} (\n    ${lines.join(',\n    ')}\n)${options.length === 0 ? '' : ` ${options.join(', ')}`}`
  const out: Statement[] = [statement(sql)]
  const names = { tableName: op.tableName, schema: op.schema }
  for (const c of constraints) {
    if (c.type === 'index') out.push(statement(createIndexSql(c, { ...names, indexName: c.name })))
  }
  for (const c of op.columns) {
    if (c.index === true) {
      out.push(statement(createIndexSql({ columns: [c.name], ...(c.unique === true ? { unique: true } : {}) }, { ...names, indexName: columnIndexName(op.tableName, c.name, op.schema) })))
    }
  }
  return out
}
