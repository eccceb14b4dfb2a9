import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import {
  UnsupportedOperationError, columnIndexName, type Column, type ColumnType, type ConstraintDefinition, type CreateTableOp, type TableConstraint, type TableOptions,
} from '@athanor/ir'
import { autoincrementOf } from '../autoincrement.js'
import { appendColumnSpec } from '../column-spec.js'
import { constraintSql, createIndexSql } from '../constraint-sql.js'
import { keyPartRefused, refuseKeyPart } from '../key-parts.js'
import { mysqlTextLiteral, optionWord } from '../quote.js'
import type { MysqlTarget } from '../target.js'
import { checkTableChecks, soleKeyOf, startsKey } from './create-table-rules.js'

const NO_CONSTRAINTS: readonly TableConstraint[] = Object.freeze([])

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
  const { flavour } = target
  const columns = op.columns
  const constraints = op.constraints ?? NO_CONSTRAINTS
  const soleKey = soleKeyOf(op)
  // One pass writes the column definitions and notes what the later steps need from the columns.
  // Refusals keep their order: each column's own, then the checks (see create-table-rules.ts),
  // then the keys (see checkKeyPart). A bad name is refused before any of them whatever fails
  // first here (see mysqlHandlers), so the head can be written before the columns: the statement
  // is then one string grown piece by piece.
  let sql = `${createTableHead(op)}${q.qualified(op.tableName, op.schema)} (\n    `
  let pk = ''
  // Some column says unique, index, foreignKey or check: there are implied lines or indexes to write.
  let flagged = false
  let keyRefused: { readonly column: string; readonly path: string } | undefined
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column
    const { name, primaryKey, unique, index } = c
    const autoincrement = autoincrementOf(c, soleKey, flavour)
    if (autoincrement && !startsKey(op, name)) {
      throw new UnsupportedOperationError({ kind: op.kind, engine: target.name, path: `columns[${i}].autoincrement`, message: `${target.name}: an AUTO_INCREMENT column must be the first column of a key or index` })
    }
    // Quoted once, here: a key column's name is written twice.
    const quoted = q.ident(name)
    sql = appendColumnSpec(i === 0 ? sql : sql + SEPARATOR, c, target, autoincrement, i, quoted)
    if (primaryKey === true) {
      pk = pk === '' ? quoted : `${pk}, ${quoted}`
      if (keyRefused === undefined && keyPartRefused(name, c.type, undefined, 'primaryKey', flavour)) keyRefused = { column: name, path: `columns[${i}].primaryKey` }
    }
    if (unique === true || index === true) {
      if (keyRefused === undefined && keyPartRefused(name, c.type, undefined, unique === true ? 'unique' : 'index', flavour)) {
        keyRefused = { column: name, path: `columns[${i}].${index === true ? 'index' : 'unique'}` }
      }
      flagged = true
    } else if (c.foreignKey !== undefined || c.check !== undefined) flagged = true
  }
  // Checks the server would reject (a check naming an AUTO_INCREMENT column or one a foreign key acts on).
  if (flagged || constraints.length > 0) checkTableChecks(op, soleKey, target)
  if (keyRefused !== undefined) refuseKeyPart(keyRefused.column, target, op.kind, keyRefused.path)
  if (constraints.length > 0) checkConstraintKeys(op, constraints, target)
  if (pk !== '') {
    sql += ',\n    PRIMARY KEY ('
    sql += pk
    sql += ')'
  }
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as TableConstraint
    if (c.type !== 'index') sql += `,\n    ${constraintSql(c, c.name, target, { path: `constraints[${i}].`, schema: op.schema })}`
  }
  if (flagged) sql += impliedConstraints(op, target)
  sql += '\n)'
  if (hasTableOptions(op)) sql += tableOptions(op, target)
  const out: Statement[] = [statement(sql)]
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as TableConstraint
    if (c.type === 'index') out.push(statement(createIndexSql(c, { tableName: op.tableName, schema: op.schema, indexName: c.name }, target, { path: `constraints[${i}].` })))
  }
  if (flagged) {
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as Column
      if (c.index === true) {
        const ix = columnIndexName(op.tableName, c.name, op.schema)
        out.push(statement(createIndexSql({ columns: [c.name], ...(c.unique === true ? { unique: true } : {}) }, { tableName: op.tableName, schema: op.schema, indexName: ix }, target)))
      }
    }
  }
  return out
}

const SEPARATOR = ',\n    '

/** `CREATE [prefixes] TABLE [IF NOT EXISTS] `: a constant for the table most ops create. */
function createTableHead(op: CreateTableOp): string {
  const prefixes = op.prefixes === undefined || op.prefixes.length === 0 ? '' : `${op.prefixes.join(' ')} `
  if (prefixes === '' && op.ifNotExists !== true) return 'CREATE TABLE '
  return `CREATE ${prefixes}TABLE ${op.ifNotExists === true ? 'IF NOT EXISTS ' : ''}`
}

/** True when the op gives any table option (most give none). */
function hasTableOptions(op: CreateTableOp): boolean {
  return op.mysqlEngine !== undefined || op.mysqlCharset !== undefined || op.mysqlCollate !== undefined || op.mysqlRowFormat !== undefined || op.mysqlAutoIncrement !== undefined || op.comment !== undefined
}

/** `,\n    UNIQUE (c)`, FOREIGN KEY and CHECK lines the columns' flags imply, column by column. */
function impliedConstraints(op: CreateTableOp, target: MysqlTarget): string {
  const q = target.quote
  let out = ''
  for (let i = 0; i < op.columns.length; i++) {
    const c = op.columns[i] as Column
    if (c.unique === true && c.index !== true) out += `,\n    UNIQUE (${q.ident(c.name)})`
    const fk = c.foreignKey
    if (fk !== undefined) {
      const { name, remoteCol, referentTable, referentSchema, ...actions } = fk
      const def: ConstraintDefinition = { type: 'foreignKey', localCols: [c.name], referentTable, remoteCols: [remoteCol], ...(referentSchema === undefined ? {} : { referentSchema }), ...actions }
      out += `,\n    ${constraintSql(def, name, target, { path: `columns[${i}].foreignKey.`, schema: op.schema })}`
    }
    // A column-level CHECK would be named after its column on MariaDB; a table-level one keeps its name.
    if (c.check !== undefined) out += `,\n    ${constraintSql({ type: 'check', condition: c.check.condition }, c.check.name, target, { path: `columns[${i}].check.` })}`
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

/** Refuses the explicit keys and indexes on TEXT, BLOB or JSON columns without a prefix length (see `checkKeyPart`). */
function checkConstraintKeys(op: CreateTableOp, constraints: readonly TableConstraint[], target: MysqlTarget): void {
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as TableConstraint
    if (c.type === 'foreignKey' || c.type === 'check' || (c.type === 'index' && c.mysqlPrefix !== undefined)) continue
    const key = c.type === 'index' ? (c.unique === true ? 'unique' : 'index') : c.type
    const lengths = c.type === 'index' ? c.mysqlLength : undefined
    for (let j = 0; j < c.columns.length; j++) {
      const col = c.columns[j]
      if (typeof col === 'string' && keyPartRefused(col, typeOf(op, col), lengths, key, target.flavour)) refuseKeyPart(col, target, op.kind, `constraints[${i}].columns[${j}]`)
    }
  }
}

/** The type of the table's column `name`, if it has one. */
function typeOf(op: CreateTableOp, name: string): ColumnType | undefined {
  return op.columns.find((c) => c.name === name)?.type
}
