import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import {
  UnsupportedOperationError, columnIndexName, tableModelOf, type ColumnType, type ConstraintDefinition, type CreateTableOp, type TableOptions,
} from '@athanor/ir'
import { impliedAutoincrement, isFirstKeyColumn } from '../autoincrement.js'
import { checkConditionAllowed } from '../check-rules.js'
import { columnSpec } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import { checkKeyPart } from '../key-parts.js'
import { mysqlTextLiteral, optionWord } from '../quote.js'
import type { MysqlTarget } from '../target.js'

const ROW_FORMATS = new Set(['DEFAULT', 'DYNAMIC', 'FIXED', 'COMPRESSED', 'REDUNDANT', 'COMPACT', 'PAGE'])

/**
 * `CREATE [prefixes] TABLE [IF NOT EXISTS] t (columns, PRIMARY KEY (…), constraints…)[options]`,
 * then one `CREATE INDEX` per index (catalog §1.4, §2.3). Comments are inline; table options
 * follow `)` directly in a fixed order: `ENGINE=e CHARSET=c COLLATE x ROW_FORMAT=r
 * AUTO_INCREMENT=n COMMENT='…'`. The constraints a column's flags imply come after the explicit
 * ones, column by column: UNIQUE, FOREIGN KEY, CHECK (catalog §0.8). A column gets AUTO_INCREMENT
 * as `impliedAutoincrement` says, or when it says `autoincrement: true`.
 */
export function compileCreateTable(op: CreateTableOp, _ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const q = target.quote
  const model = tableModelOf(op)
  const lines = op.columns.map((c, i) => {
    const path = `columns[${i}]`
    const columnModel = model.columns[i]
    const autoincrement = columnModel !== undefined && impliedAutoincrement(model, columnModel, target.flavour)
    if (autoincrement && !isFirstKeyColumn(model, c.name)) {
      throw new UnsupportedOperationError({ kind: op.kind, engine: target.name, path: `${path}.autoincrement`, message: `${target.name}: an AUTO_INCREMENT column must be the first column of a key or index` })
    }
    return columnSpec(c, target, { autoincrement, path })
  })
  const constraints = op.constraints ?? []
  // Checks the server would reject (a check naming an AUTO_INCREMENT column or one a foreign key acts on).
  constraints.forEach((c, i) => {
    if (c.type === 'check') checkConditionAllowed(c.condition, model, target, op.kind, `constraints[${i}].condition`)
  })
  op.columns.forEach((c, i) => {
    if (c.check !== undefined) checkConditionAllowed(c.check.condition, model, target, op.kind, `columns[${i}].check.condition`)
  })
  checkTableKeys(op, target)
  const pkColumns = op.columns.filter((c) => c.primaryKey === true)
  if (pkColumns.length > 0) lines.push(`PRIMARY KEY (${pkColumns.map((c) => q.ident(c.name)).join(', ')})`)
  constraints.forEach((c, i) => {
    if (c.type !== 'index') lines.push(constraintSql(c, c.name, target, { path: `constraints[${i}].`, schema: op.schema }))
  })
  op.columns.forEach((c, i) => {
    if (c.unique === true && c.index !== true) lines.push(`UNIQUE (${q.ident(c.name)})`)
    const fk = c.foreignKey
    if (fk !== undefined) {
      const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
      const def: ConstraintDefinition = { type: 'foreignKey', localCols: [c.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }
      lines.push(constraintSql(def, name, target, { path: `columns[${i}].foreignKey.`, schema: op.schema }))
    }
    // A column-level CHECK would be named after its column on MariaDB; a table-level one keeps its name.
    if (c.check !== undefined) lines.push(constraintSql({ type: 'check', condition: c.check.condition }, c.check.name, target, { path: `columns[${i}].check.` }))
  })
  const prefixes = op.prefixes === undefined || op.prefixes.length === 0 ? '' : `${op.prefixes.join(' ')} `
  const head = `CREATE ${prefixes}TABLE ${op.ifNotExists === true ? 'IF NOT EXISTS ' : ''}${q.qualified(op.tableName, op.schema)}`
  const out: Statement[] = [statement(`${head} (\n    ${lines.join(',\n    ')}\n)${tableOptions(op, target)}`)]
  const names = { tableName: op.tableName, schema: op.schema }
  constraints.forEach((c, i) => {
    if (c.type === 'index') out.push(statement(createIndexSql(c, { ...names, indexName: c.name }, target, { path: `constraints[${i}].` })))
  })
  for (const c of op.columns) {
    if (c.index === true) {
      const ix = columnIndexName(op.tableName, c.name, op.schema)
      out.push(statement(createIndexSql({ columns: [c.name], ...(c.unique === true ? { unique: true } : {}) }, { ...names, indexName: ix }, target)))
    }
  }
  return out
}

/** The table options after `)`, space-separated, in a fixed order (the reference's order varies from run to run: catalog §2.3). */
function tableOptions(op: TableOptions & { readonly kind: string; readonly comment?: string }, target: MysqlTarget): string {
  const parts: string[] = []
  if (op.mysqlEngine !== undefined) parts.push(`ENGINE=${optionWord(op.mysqlEngine, 'mysqlEngine', op.kind, target)}`)
  if (op.mysqlCharset !== undefined) parts.push(`CHARSET=${optionWord(op.mysqlCharset, 'mysqlCharset', op.kind, target)}`)
  if (op.mysqlCollate !== undefined) parts.push(`COLLATE ${optionWord(op.mysqlCollate, 'mysqlCollate', op.kind, target)}`)
  if (op.mysqlRowFormat !== undefined) {
    const format = op.mysqlRowFormat.toUpperCase()
    if (!ROW_FORMATS.has(format)) {
      throw new UnsupportedOperationError({ kind: op.kind, engine: target.name, path: 'mysqlRowFormat', message: `${target.name}: ROW_FORMAT is one of ${[...ROW_FORMATS].join(', ')}; found ${JSON.stringify(op.mysqlRowFormat)}` })
    }
    parts.push(`ROW_FORMAT=${format}`)
  }
  if (op.mysqlAutoIncrement !== undefined) parts.push(`AUTO_INCREMENT=${op.mysqlAutoIncrement}`)
  if (op.comment !== undefined) parts.push(`COMMENT=${mysqlTextLiteral(op.comment, target.noBackslashEscapes, target.name, 'comment')}`)
  return parts.join(' ')
}

/** Refuses the table's keys and indexes on TEXT, BLOB or JSON columns without a prefix length (see `checkKeyPart`). */
function checkTableKeys(op: CreateTableOp, target: MysqlTarget): void {
  const typeOf = (name: string): ColumnType | undefined => op.columns.find((c) => c.name === name)?.type
  op.columns.forEach((c, i) => {
    if (c.primaryKey === true) checkKeyPart(c.name, c.type, undefined, 'primaryKey', target, op.kind, `columns[${i}].primaryKey`)
    if (c.unique === true || c.index === true) checkKeyPart(c.name, c.type, undefined, c.unique === true ? 'unique' : 'index', target, op.kind, `columns[${i}].${c.index === true ? 'index' : 'unique'}`)
  })
  for (const [i, c] of (op.constraints ?? []).entries()) {
    if (c.type === 'foreignKey' || c.type === 'check' || (c.type === 'index' && c.mysqlPrefix !== undefined)) continue
    const key = c.type === 'index' ? (c.unique === true ? 'unique' : 'index') : c.type
    const lengths = c.type === 'index' ? c.mysqlLength : undefined
    c.columns.forEach((col, j) => {
      if (typeof col === 'string') checkKeyPart(col, typeOf(col), lengths, key, target, op.kind, `constraints[${i}].columns[${j}]`)
    })
  }
}
