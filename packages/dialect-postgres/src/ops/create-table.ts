import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, columnIndexName, typeName, type Column, type ConstraintDefinition, type CreateTableOp, type EnumType } from '@athanor/ir'
import { appendColumnSpec, inlineCheck, isSerial } from '../column-spec.js'
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
  const columns = op.columns
  const constraints = op.constraints ?? []
  // One pass over the columns for what needs the whole list first: enums, the key, virtual columns.
  let seenEnums: Set<string> | undefined
  let pkCount = 0
  let pk: Column | undefined
  // Whether any column asks for an index or a comment: most do not, and then the passes that
  // write those statements are skipped.
  let indexes = false
  let comments = false
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column
    if (c.index === true) indexes = true
    if (c.comment !== undefined) comments = true
    const t = c.type
    if (typeof t !== 'string' && t.name === 'enum' && t.enumName !== undefined && seenEnums?.has(t.enumName) !== true) {
      ;(seenEnums ??= new Set()).add(t.enumName)
      out.push(statement(createEnumSql(t, op.schema)))
    }
    if (c.computed?.persisted === false) {
      throw new UnsupportedOperationError({ kind: op.kind, engine: 'postgresql', path: `columns[${i}].computed.persisted`, message: 'postgresql: generated columns are STORED (persisted); virtual ones need PostgreSQL 18' })
    }
    if (c.primaryKey === true) {
      pkCount++
      pk = c
    }
  }
  // SQLAlchemy's "auto" autoincrement skips a key column that a table-level foreign key uses.
  const solePk = pkCount === 1 ? pk : undefined
  const soleIntegerPk =
    solePk !== undefined &&
    INTEGERS.has(typeName(solePk.type)) &&
    !constraints.some((c) => c.type === 'primaryKey' || (c.type === 'foreignKey' && c.localCols.includes(solePk.name) && solePk.autoincrement !== true))
  let body = ''
  let pkList = ''
  let implied = ''
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column
    const serial = c.primaryKey === true && isSerial(c, soleIntegerPk)
    body = appendColumnSpec(body + (i === 0 ? '\n    ' : ',\n    '), c, serial, op.schema, i)
    if (c.check !== undefined) body += inlineCheck(c)
    if (c.primaryKey === true) pkList += (pkList === '' ? '' : ', ') + q.ident(c.name)
    // Constraints the columns imply come after the explicit ones, column by column (catalog §0.8).
    if (c.unique === true && c.index !== true) implied += `,\n    UNIQUE (${q.ident(c.name)})`
    const fk = c.foreignKey
    if (fk !== undefined) {
      const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
      const def: ConstraintDefinition = { type: 'foreignKey', localCols: [c.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }
      implied += `,\n    ${constraintSql(def, name, 'create', `columns[${i}].foreignKey.`)}`
    }
  }
  if (pkList !== '') body += `,\n    PRIMARY KEY (${pkList})`
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as (typeof constraints)[number]
    if (c.type !== 'index') body += `,\n    ${constraintSql(c, c.name, 'create', `constraints[${i}].`)}`
  }
  body += implied
  const prefixes = op.prefixes === undefined || op.prefixes.length === 0 ? '' : `${op.prefixes.join(' ')} `
  let sql = `CREATE ${prefixes}TABLE ${op.ifNotExists === true ? 'IF NOT EXISTS ' : ''}${q.qualified(op.tableName, op.schema)} (${body}\n)`
  if (op.postgresqlInherits !== undefined) sql += ` INHERITS (${op.postgresqlInherits.map((t) => q.ident(t)).join(', ')})`
  if (op.postgresqlPartitionBy !== undefined) sql += ` PARTITION BY ${op.postgresqlPartitionBy}`
  if (op.postgresqlWith !== undefined) {
    sql += ` WITH (${Object.entries(op.postgresqlWith).map(([k, v]) => `${q.ident(k)} = ${typeof v === 'string' ? q.literal(v) : String(v)}`).join(', ')})`
  }
  if (op.postgresqlOnCommit !== undefined) sql += ` ON COMMIT ${op.postgresqlOnCommit}`
  if (op.postgresqlTablespace !== undefined) sql += ` TABLESPACE ${q.ident(op.postgresqlTablespace)}`
  out.push(statement(sql))
  for (const c of constraints) {
    if (c.type === 'index') out.push(statement(createIndexSql(c, { tableName: op.tableName, schema: op.schema, indexName: c.name })))
  }
  if (indexes) for (const c of columns) {
    if (c.index === true) {
      out.push(statement(createIndexSql({ columns: [c.name], ...(c.unique === true ? { unique: true } : {}) }, { tableName: op.tableName, schema: op.schema, indexName: columnIndexName(op.tableName, c.name, op.schema) })))
    }
  }
  let table: string | undefined
  if (op.comment !== undefined) out.push(statement(`COMMENT ON TABLE ${(table ??= q.qualified(op.tableName, op.schema))} IS ${q.literal(op.comment)}`))
  if (comments) for (const c of columns) {
    if (c.comment !== undefined) out.push(statement(`COMMENT ON COLUMN ${(table ??= q.qualified(op.tableName, op.schema))}.${q.ident(c.name)} IS ${q.literal(c.comment)}`))
  }
  return out
}

/** `CREATE TYPE [schema.]e AS ENUM ('a', 'b')` */
export function createEnumSql(type: EnumType, schema?: string): string {
  return `CREATE TYPE ${enumTypeSql(type.enumName ?? '', schema)} AS ENUM (${type.values.map((v) => q.literal(v)).join(', ')})`
}
