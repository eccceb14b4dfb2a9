import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, type Column, type ConstraintDefinition, type CreateTableOp } from '@athanor/ir'
import { columnSpec } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import { duckdbQuote as q } from '../quote.js'

/** The words DuckDB takes between CREATE and TABLE. */
const PREFIXES = new Set(['TEMP', 'TEMPORARY'])

/** The foreign key a column's `foreignKey` implies, as a table constraint. */
function columnKey(c: Column): ConstraintDefinition | undefined {
  const fk = c.foreignKey
  if (fk === undefined) return undefined
  const { name: _name, remoteCol, ...rest } = fk
  return { type: 'foreignKey', localCols: [c.name], remoteCols: [remoteCol], ...rest }
}

/**
 * `CREATE [TEMPORARY] TABLE [IF NOT EXISTS] [schema.]t (columns, PRIMARY KEY (…), constraints…)`,
 * the table's own constraints first, then those its columns imply (UNIQUE, FOREIGN KEY, CHECK,
 * column by column), then one `CREATE INDEX` per index and `COMMENT ON TABLE` / `COMMENT ON
 * COLUMN`. Other dialects' table options are theirs and left alone.
 */
export function compileCreateTable(op: CreateTableOp, _ctx: HandlerContext): readonly Statement[] {
  const prefixes = op.prefixes ?? []
  prefixes.forEach((p, i) => {
    if (!PREFIXES.has(p.toUpperCase())) {
      throw new UnsupportedOperationError({ kind: op.kind, engine: 'duckdb', path: `prefixes[${i}]`, message: `duckdb: CREATE ${p} TABLE does not exist; only TEMPORARY` })
    }
  })
  const constraints = op.constraints ?? []
  const commented = op.comment !== undefined || op.columns.some((c) => c.comment !== undefined)
  if (op.ifNotExists === true && commented) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: 'duckdb', path: 'ifNotExists', message: 'duckdb: comments of a table created only if it does not exist would change the existing table' })
  }
  const parts: string[] = op.columns.map((c, i) => columnSpec(c, { path: `columns[${i}]` }))
  const pk = op.columns.filter((c) => c.primaryKey === true).map((c) => q.ident(c.name))
  if (pk.length > 0) parts.push(`PRIMARY KEY (${pk.join(', ')})`)
  constraints.forEach((c, i) => {
    if (c.type !== 'index') parts.push(constraintSql(c, c.name, op.schema, `constraints[${i}].`))
  })
  op.columns.forEach((c, i) => {
    if (c.unique === true && c.index !== true) parts.push(`UNIQUE (${q.ident(c.name)})`)
    const key = columnKey(c)
    if (key !== undefined) parts.push(constraintSql(key, c.foreignKey?.name, op.schema, `columns[${i}].foreignKey.`))
    if (c.check !== undefined) parts.push(constraintSql({ type: 'check', condition: c.check.condition }, c.check.name, op.schema, `columns[${i}].check.`))
  })
  const prefix = prefixes.length === 0 ? '' : `${prefixes.join(' ')} `
  const table = q.qualified(op.tableName, op.schema)
  const out: Statement[] = [statement(`CREATE ${prefix}TABLE ${op.ifNotExists === true ? 'IF NOT EXISTS ' : ''}${table} (${parts.join(', ')})`)]
  const names = { tableName: op.tableName, schema: op.schema }
  for (const c of constraints) {
    if (c.type === 'index') out.push(statement(createIndexSql(c, { ...names, indexName: c.name }, op.ifNotExists === true)))
  }
  for (const c of op.columns) {
    if (c.index === true) {
      const index = { columns: [c.name], ...(c.unique === true ? { unique: true } : {}) }
      out.push(statement(createIndexSql(index, { ...names, indexName: columnIndexName(op.tableName, c.name, op.schema) }, op.ifNotExists === true)))
    }
  }
  if (op.comment !== undefined) out.push(statement(`COMMENT ON TABLE ${table} IS ${q.literal(op.comment)}`))
  for (const c of op.columns) {
    if (c.comment !== undefined) out.push(statement(`COMMENT ON COLUMN ${table}.${q.ident(c.name)} IS ${q.literal(c.comment)}`))
  }
  return out
}
