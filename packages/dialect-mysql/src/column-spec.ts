import { UnsupportedOperationError, isNullable, type AlterColumnOp, type Column, type ColumnType, type Computed, type ServerDefault } from '@athanor/ir'
import { appendMysqlLiteral, mysqlTextLiteral } from './quote.js'
import { supports, type MysqlTarget } from './target.js'
import { fieldPath, type FieldPlace } from '@athanor/dialect-kit'
import { appendType, isDatetimeFamily } from './types.js'

// A column's definition, in the two orders the reference writes it (catalog §0.7, §2.3):
//   CREATE TABLE / ADD COLUMN: name TYPE [GENERATED …] [NOT NULL] [COMMENT 'c'] [AUTO_INCREMENT | DEFAULT d [ON UPDATE x]]
//   MODIFY / CHANGE:           TYPE [GENERATED …] NULL|NOT NULL [AUTO_INCREMENT] [DEFAULT d [ON UPDATE x]] [COMMENT 'c']

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/
const NOW_CALL = /^(CURRENT_TIMESTAMP|NOW|LOCALTIME|LOCALTIMESTAMP)\s*\(\s*\d*\s*\)$/i
const LEADING_LITERAL = /^(['"(]|[xXbB]'|0[xXbB]|_[A-Za-z0-9]+\s*['xXbB])/

/**
 * True when an SQL default must be wrapped in parentheses to be accepted as an expression default
 * (MySQL 8.0.13+, MariaDB 10.2.1+; catalog §0.7): not a quoted literal or one already in
 * parentheses, not a number or a single word (`NULL`, `CURRENT_TIMESTAMP`), not `now(n)`-style
 * calls MySQL takes bare on DATETIME, and not a legacy `… ON UPDATE …` default.
 * @example
 * needsParentheses('uuid()') // => true
 * needsParentheses('CURRENT_TIMESTAMP') // => false
 */
export function needsParentheses(sql: string): boolean {
  const s = sql.trim()
  // A single word (CURRENT_TIMESTAMP, NULL) is the most common default: tested first.
  return !(WORD.test(s) || LEADING_LITERAL.test(s) || NUMBER.test(s) || NOW_CALL.test(s) || /\bON\s+UPDATE\b/i.test(s))
}

const NO_LITERAL_DEFAULT = new Set(['text', 'json', 'binary'])

/**
 * The text after `DEFAULT`: a literal quoted (see `mysqlLiteral`), SQL verbatim, or in parentheses
 * where the server takes expression defaults and the SQL needs them. On MySQL a TEXT, BLOB or JSON
 * column takes only an expression default, so a literal there is written `('…')`.
 * @example
 * const target = mysqlTarget({ flavour: 'mysql' }, mysqlQuote)
 * defaultSql({ literal: '5' }, 'integer', target) // => "'5'"
 */
export function defaultSql(value: ServerDefault, type: ColumnType | undefined, target: MysqlTarget, path = 'serverDefault'): string {
  return appendDefault('', value, type, target, '', path)
}

/** {@link defaultSql} for the default in `field` at `place`, appended to `sql`, the error path built only for a refusal. */
function appendDefault(sql: string, value: ServerDefault, type: ColumnType | undefined, target: MysqlTarget, place: FieldPlace, field: string): string {
  if ('literal' in value) {
    if (target.flavour === 'mysql' && type !== undefined && NO_LITERAL_DEFAULT.has(typeof type === 'string' ? type : type.name)) {
      if (!supports(target, 'expressionDefaults')) {
        throw new UnsupportedOperationError({ engine: target.name, path: fieldPath(place, field), message: `${target.name}: a TEXT, BLOB or JSON column takes a default from MySQL 8.0.13 on` })
      }
      return appendMysqlLiteral(sql + '(', value.literal, target.noBackslashEscapes) + ')'
    }
    return appendMysqlLiteral(sql, value.literal, target.noBackslashEscapes)
  }
  return supports(target, 'expressionDefaults') && needsParentheses(value.sql) ? `${sql}(${value.sql})` : sql + value.sql
}

/** ` GENERATED ALWAYS AS (e) [STORED | VIRTUAL]` (absent `persisted`: the engine's default, VIRTUAL). */
export function computedSql(computed: Computed): string {
  const kind = computed.persisted === true ? ' STORED' : computed.persisted === false ? ' VIRTUAL' : ''
  return ` GENERATED ALWAYS AS (${computed.sqltext})${kind}`
}

/** ` COMMENT '…'`, or nothing for no comment or an empty one (MySQL stores no comment as ''). */
function commentClause(comment: string | null | undefined, target: MysqlTarget, place: FieldPlace, field: string): string {
  return comment === undefined || comment === null || comment === '' ? '' : ` COMMENT ${mysqlTextLiteral(comment, target.noBackslashEscapes, target.name, fieldPath(place, field))}`
}

/** Refuses an `ON UPDATE` on a type that has none (MySQL: only DATETIME and TIMESTAMP). */
function checkOnUpdate(onUpdate: string | null | undefined, type: ColumnType, target: MysqlTarget, place: FieldPlace, field: string): void {
  if (onUpdate !== undefined && onUpdate !== null && !isDatetimeFamily(type, target.flavour)) {
    throw new UnsupportedOperationError({ engine: target.name, path: fieldPath(place, field), message: `${target.name}: ON UPDATE applies to DATETIME and TIMESTAMP columns only` })
  }
}

const NUMBERED = ' (the column of an unnamed integer primary key is AUTO_INCREMENT unless it says autoincrement: false)'

/** Refuses AUTO_INCREMENT together with a default or a generated value, which MySQL rejects. */
function checkAutoincrement(autoincrement: boolean, hasDefault: boolean, computed: boolean, target: MysqlTarget, place: FieldPlace, field: string): void {
  if (autoincrement && (hasDefault || computed)) {
    throw new UnsupportedOperationError({ engine: target.name, path: fieldPath(place, field), message: `${target.name}: an AUTO_INCREMENT column cannot have a ${hasDefault ? 'default' : 'generated value'}${NUMBERED}` })
  }
}

/**
 * `name TYPE [GENERATED ALWAYS AS (e) [STORED|VIRTUAL]] [NOT NULL] [COMMENT 'c']
 * [AUTO_INCREMENT | DEFAULT d [ON UPDATE x]]`, for CREATE TABLE and ADD COLUMN, appended to `sql`
 * (the statement so far). `autoincrement` is whether the column gets AUTO_INCREMENT (see
 * `autoincrementOf`); `place` is where the column is in its op, for errors; `quotedName` is its
 * name as the quoter writes it, when the caller has it already. An identity column is refused:
 * MySQL has none (Alembic silently drops it).
 */
export function appendColumnSpec(sql: string, column: Column, target: MysqlTarget, autoincrement: boolean, place: FieldPlace, quotedName?: string): string {
  // Each field read once: this runs for every column compiled. The statement grows one piece at a
  // time: V8 then links each piece once, where a column's own string would be copied into it again.
  const { type, serverDefault, computed, mysqlOnUpdate, comment } = column
  // The refusals, in their order, for the columns that can have one (most cannot).
  if (autoincrement || computed !== undefined || mysqlOnUpdate !== undefined || column.identity !== undefined) {
    if (column.identity !== undefined) {
      // Differs from Alembic, which renders the column without its identity (catalog §0.7).
      throw new UnsupportedOperationError({ engine: target.name, path: fieldPath(place, 'identity'), message: `${target.name} has no identity columns; use autoincrement: true` })
    }
    checkOnUpdate(mysqlOnUpdate, type, target, place, 'mysqlOnUpdate')
    checkAutoincrement(autoincrement, serverDefault !== undefined, computed !== undefined, target, place, 'autoincrement')
  }
  let out = appendType(sql + (quotedName ?? target.quote.ident(column.name)), type, target, place, 'type')
  if (computed !== undefined) out += computedSql(computed)
  if (!isNullable(column)) out += notNull(computed !== undefined, target, place, 'nullable')
  // A nullable TIMESTAMP says NULL, or MySQL (explicit_defaults_for_timestamp off) makes it NOT NULL.
  else if (isTimestamp(type, target)) out += ' NULL'
  if (comment !== undefined && comment !== null && comment !== '') out += commentClause(comment, target, place, 'comment')
  if (autoincrement) out += ' AUTO_INCREMENT'
  else if (serverDefault !== undefined) {
    out = appendDefault(out + ' DEFAULT ', serverDefault, type, target, place, 'serverDefault')
  }
  if (mysqlOnUpdate !== undefined) {
    out += ' ON UPDATE '
    out += mysqlOnUpdate
  }
  return out
}

/** ` NOT NULL`, refused on a MariaDB generated column (always nullable there: catalog §2.3). */
function notNull(computed: boolean, target: MysqlTarget, place: FieldPlace, field: string): string {
  if (computed && target.flavour === 'mariadb') {
    throw new UnsupportedOperationError({ engine: target.name, path: fieldPath(place, field), message: 'mariadb: a generated column cannot be NOT NULL' })
  }
  return ' NOT NULL'
}

function isTimestamp(type: ColumnType, target: MysqlTarget): boolean {
  return typeof type !== 'string' && type.name === 'raw' && /^\s*TIMESTAMP\b/i.test(type.dialects?.[target.flavour] ?? type.dialects?.['mysql'] ?? type.sql)
}

/**
 * Everything MODIFY and CHANGE restate about a column.
 * @example
 * import { alterColumn, applyOps, createTable, emptySnapshot } from '@athanor/ir'
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [
 *   { name: 'updated_at', type: 'datetime', nullable: false, serverDefault: { sql: 'CURRENT_TIMESTAMP' }, mysqlOnUpdate: 'CURRENT_TIMESTAMP' },
 * ] })])
 * // A comment change restates the default and the ON UPDATE the column has
 * const op = alterColumn({ tableName: 'account', columnName: 'updated_at', comment: 'Last change' })
 * const state: ColumnState = columnAfter(op, snapshot, mysqlTarget({}, mysqlQuote))
 * state // => { type: 'datetime', nullable: false, serverDefault: { sql: 'CURRENT_TIMESTAMP' }, comment: 'Last change', autoincrement: false, onUpdate: 'CURRENT_TIMESTAMP', computed: null }
 */
export interface ColumnState {
  readonly type: ColumnType
  readonly nullable: boolean
  readonly serverDefault: ServerDefault | null
  readonly comment: string | null
  readonly autoincrement: boolean
  readonly onUpdate: string | null
  readonly computed: Computed | null
}

/**
 * `TYPE [GENERATED …] NULL|NOT NULL [AUTO_INCREMENT] [DEFAULT d [ON UPDATE x]] [COMMENT 'c']`: the
 * whole column as MODIFY and CHANGE need it (catalog §2.3), appended to `sql` after a space. `op` is the
 * alterColumn it restates: an error names the field each part came from (the field the op
 * changes, else its `existing*` field).
 */
export function appendRestatedSpec(sql: string, state: ColumnState, target: MysqlTarget, op: AlterColumnOp): string {
  checkOnUpdate(state.onUpdate, state.type, target, '', 'mysqlOnUpdate')
  const autoincrementPath = op.autoincrement !== undefined ? 'autoincrement' : op.serverDefault !== undefined ? 'serverDefault' : 'existingAutoincrement'
  checkAutoincrement(state.autoincrement, state.serverDefault !== null, state.computed !== null, target, '', autoincrementPath)
  let out = appendType(sql, state.type, target, '', op.type !== undefined ? 'type' : 'existingType')
  if (state.computed !== null) out += computedSql(state.computed)
  // MariaDB takes no NULL / NOT NULL on a generated column.
  if (!state.nullable) out += notNull(state.computed !== null, target, '', op.nullable !== undefined ? 'nullable' : 'existingNullable')
  else if (state.computed === null || target.flavour === 'mysql') out += ' NULL'
  if (state.autoincrement) out += ' AUTO_INCREMENT'
  if (state.serverDefault !== null) {
    out = appendDefault(out + ' DEFAULT ', state.serverDefault, state.type, target, '', op.serverDefault !== undefined ? 'serverDefault' : 'existingServerDefault')
  }
  if (state.onUpdate !== null) {
    out += ' ON UPDATE '
    out += state.onUpdate
  }
  const comment = state.comment
  return comment === null || comment === '' ? out : out + commentClause(comment, target, '', op.comment !== undefined ? 'comment' : 'existingComment')
}
