import { appendPlainType, spacedTypes } from '@athanor/dialect-kit'
import { UnsupportedOperationError, isNullable, type Column, type ServerDefault } from '@athanor/ir'
import { sqliteQuote as q } from './quote.js'
import { sqliteType, sqliteTypes } from './types.js'

const WORD = /^\w+$/

// The one-word types of a table that is not STRICT, with their space (see appendPlainType).
const SPACED_TYPES = spacedTypes(sqliteTypes)

/**
 * `DEFAULT` text of a server default: a literal quoted; SQL verbatim, in parentheses when it
 * neither starts with a quote or parenthesis nor is a single word (catalog §0.7:
 * `DEFAULT (datetime('now'))`, `DEFAULT CURRENT_TIMESTAMP`).
 * @example
 * defaultSql({ sql: "datetime('now')" }) // => "(datetime('now'))"
 */
export function defaultSql(value: ServerDefault): string {
  if ('literal' in value) return q.literal(value.literal)
  const sql = value.sql.trim()
  const first = sql[0]
  return first === "'" || first === '"' || first === '(' || WORD.test(sql) ? sql : `(${sql})`
}

const CONSTANT = /^(?:[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0[xX][0-9a-fA-F]+|'(?:[^']|'')*'|[xX]'[0-9a-fA-F]*'|NULL|TRUE|FALSE)$/i

/**
 * True for a default that `ALTER TABLE … ADD COLUMN` accepts: a literal, or SQL that is a
 * number, a string, a blob, NULL, TRUE or FALSE (in parentheses or not). SQLite refuses
 * `CURRENT_TIMESTAMP` and other expressions there ("Cannot add a column with non-constant default").
 * @example
 * isConstantDefault({ sql: '0' }) // => true
 * isConstantDefault({ sql: 'CURRENT_TIMESTAMP' }) // => false
 */
export function isConstantDefault(value: ServerDefault): boolean {
  if ('literal' in value) return true
  let sql = value.sql.trim()
  while (sql.startsWith('(') && sql.endsWith(')')) sql = sql.slice(1, -1).trim()
  return CONSTANT.test(sql)
}

/**
 * `name TYPE [DEFAULT d] [NOT NULL] [PRIMARY KEY AUTOINCREMENT] [GENERATED ALWAYS AS (e)
 * STORED|VIRTUAL] [[CONSTRAINT n] CHECK (c)]` (catalog §0.7), appended to `sql` (the statement so
 * far). `index` is the column's position in a createTable's `columns` (undefined in an
 * addColumn), for error paths; `inPrimaryKey` makes it NOT NULL; `autoincrement` writes
 * ` PRIMARY KEY AUTOINCREMENT` on it (the table's sole INTEGER key with `sqliteAutoincrement`),
 * `keyName` naming that key; `strict` spells the type for a STRICT table. Identity columns do not
 * exist on SQLite and are refused; a comment is dropped (SQLite stores none). Arguments, not an
 * options object, and appended piece by piece rather than built on its own: this runs for every
 * column, and V8 copies a concatenation shorter than 13 characters (`id INTEGER`) where it only
 * links a piece to a longer string.
 * @example
 * appendColumnSpec('', { name: 'n', type: 'integer', nullable: false, serverDefault: { literal: '0' } }, undefined, false, false, false) // => "n INTEGER DEFAULT '0' NOT NULL"
 */
export function appendColumnSpec(
  sql: string, column: Column, index: number | undefined, inPrimaryKey: boolean, autoincrement: boolean, strict: boolean, keyName?: string,
): string {
  const { serverDefault, computed, check } = column
  if (column.identity !== undefined) {
    throw new UnsupportedOperationError({ engine: 'sqlite', path: `${columnPath(index)}.identity`, message: 'sqlite has no identity columns; use an INTEGER primary key (with sqliteAutoincrement) instead' })
  }
  let out = sql + q.ident(column.name)
  // A one-word type of a table that is not STRICT, appended with its space; any other spelled whole.
  const type = column.type
  out = (strict ? undefined : appendPlainType(out, type, SPACED_TYPES)) ?? `${out} ${columnType(column, index, strict)}`
  if (serverDefault !== undefined) {
    out += ' DEFAULT '
    out += defaultSql(serverDefault)
  }
  if (inPrimaryKey || !isNullable(column)) out += ' NOT NULL'
  if (autoincrement) out += keyName === undefined ? ' PRIMARY KEY AUTOINCREMENT' : ` CONSTRAINT ${q.ident(keyName)} PRIMARY KEY AUTOINCREMENT`
  if (computed !== undefined) out += ` GENERATED ALWAYS AS (${computed.sqltext}) ${computed.persisted === true ? 'STORED' : 'VIRTUAL'}`
  if (check !== undefined) out += ` ${check.name === undefined ? '' : `CONSTRAINT ${q.ident(check.name)} `}CHECK (${check.condition})`
  return out
}

/** Path of the column in its op (`columns[i]` of a createTable, else `column`), for errors; built only when one is thrown. */
function columnPath(index: number | undefined): string {
  return index === undefined ? 'column' : `columns[${index}]`
}

/**
 * The column's type, with the error path built only when the type is refused (most are not):
 * `sqliteType` is pure, so the second call throws what the first did, at the column's path.
 */
function columnType(column: Column, index: number | undefined, strict: boolean): string {
  try {
    return sqliteType(column.type, 'type', strict)
  } catch {
    return sqliteType(column.type, `${columnPath(index)}.type`, strict)
  }
}
