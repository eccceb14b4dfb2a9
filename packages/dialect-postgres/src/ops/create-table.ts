import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, typeName, type Column, type ConstraintDefinition, type CreateTableOp, type EnumType } from '@athanor/ir'
import { columnSpec, inlineCheck, isSerial } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import { postgresQuote as q } from '../quote.js'
import { enumTypeSql } from '../types.js'

const INTEGERS = new Set(['integer', 'bigint', 'smallint'])

/**
 * `CREATE TYPE e AS ENUM (…)` for each named enum, then `CREATE [prefixes] TABLE [IF NOT EXISTS]
 * t (columns, PRIMARY KEY (…), constraints…) [options]`, then one `CREATE INDEX` per index, then
 * `COMMENT ON TABLE` and `COMMENT ON COLUMN` (catalog §1.4, §2.2).
 */
export function compileCreateTable(op: CreateTableOp, _ctx: HandlerContext): readonly Statement[] {
  const out: Statement[] = []
  const seenEnums = new Set<string>()
  op.columns.forEach((c, i) => {
    if (typeof c.type !== 'string' && c.type.name === 'enum' && c.type.enumName !== undefined && !seenEnums.has(c.type.enumName)) {
      seenEnums.add(c.type.enumName)
      out.push(statement(createEnumSql(c.type, op.schema)))
    }
    if (c.computed?.persisted === false) {
      throw new UnsupportedOperationError({ kind: op.kind, engine: 'postgresql', path: `columns[${i}].computed.persisted`, message: 'postgresql: generated columns are STORED (persisted); virtual ones need PostgreSQL 18' })
    }
  })
  const pkColumns = op.columns.filter((c) => c.primaryKey === true)
  const pk = pkColumns.length === 1 ? (pkColumns[0] as Column) : undefined
  // SQLAlchemy's "auto" autoincrement skips a key column that a table-level foreign key uses.
  const soleIntegerPk =
    pk !== undefined &&
    INTEGERS.has(typeName(pk.type)) &&
    !(op.constraints ?? []).some(
      (c) => c.type === 'primaryKey' || (c.type === 'foreignKey' && c.localCols.includes(pk.name) && pk.autoincrement !== true),
    )
  const lines: string[] = op.columns.map((c, i) => columnSpec(c, { serial: c.primaryKey === true && isSerial(c, soleIntegerPk), path: `columns[${i}]`, schema: op.schema }) + inlineCheck(c))
  if (pkColumns.length > 0) lines.push(`PRIMARY KEY (${pkColumns.map((c) => q.ident(c.name)).join(', ')})`)
  const constraints = op.constraints ?? []
  // Explicit constraints first, then those the columns imply, column by column (catalog §0.8).
  constraints.forEach((c, i) => {
    if (c.type !== 'index') lines.push(constraintSql(c, c.name, 'create', `constraints[${i}].`))
  })
  op.columns.forEach((c, i) => {
    if (c.unique === true && c.index !== true) lines.push(`UNIQUE (${q.ident(c.name)})`)
    const fk = c.foreignKey
    if (fk !== undefined) {
      const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
      const def: ConstraintDefinition = { type: 'foreignKey', localCols: [c.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }
      lines.push(constraintSql(def, name, 'create', `columns[${i}].foreignKey.`))
    }
  })
  const prefixes = op.prefixes === undefined || op.prefixes.length === 0 ? '' : `${op.prefixes.join(' ')} `
  let sql = `CREATE ${prefixes}TABLE ${op.ifNotExists === true ? 'IF NOT EXISTS ' : ''}${q.qualified(op.tableName, op.schema)} (\n    ${lines.join(',\n    ')}\n)`
  if (op.postgresqlInherits !== undefined) sql += ` INHERITS (${op.postgresqlInherits.map((t) => q.ident(t)).join(', ')})`
  if (op.postgresqlPartitionBy !== undefined) sql += ` PARTITION BY ${op.postgresqlPartitionBy}`
  if (op.postgresqlWith !== undefined) {
    sql += ` WITH (${Object.entries(op.postgresqlWith).map(([k, v]) => `${q.ident(k)} = ${typeof v === 'string' ? q.literal(v) : String(v)}`).join(', ')})`
  }
  if (op.postgresqlOnCommit !== undefined) sql += ` ON COMMIT ${op.postgresqlOnCommit}`
  if (op.postgresqlTablespace !== undefined) sql += ` TABLESPACE ${q.ident(op.postgresqlTablespace)}`
  out.push(statement(sql))
  const names = { tableName: op.tableName, schema: op.schema }
  for (const c of constraints) {
    if (c.type === 'index') out.push(statement(createIndexSql(c, { ...names, indexName: c.name })))
  }
  for (const c of op.columns) {
    if (c.index === true) {
      out.push(statement(createIndexSql({ columns: [c.name], ...(c.unique === true ? { unique: true } : {}) }, { ...names, indexName: columnIndexName(op.tableName, c.name, op.schema) })))
    }
  }
  const table = q.qualified(op.tableName, op.schema)
  if (op.comment !== undefined) out.push(statement(`COMMENT ON TABLE ${table} IS ${q.literal(op.comment)}`))
  for (const c of op.columns) {
    if (c.comment !== undefined) out.push(statement(`COMMENT ON COLUMN ${table}.${q.ident(c.name)} IS ${q.literal(c.comment)}`))
  }
  return out
}

/** `CREATE TYPE [schema.]e AS ENUM ('a', 'b')` */
export function createEnumSql(type: EnumType, schema?: string): string {
  return `CREATE TYPE ${enumTypeSql(type.enumName ?? '', schema)} AS ENUM (${type.values.map((v) => q.literal(v)).join(', ')})`
}
