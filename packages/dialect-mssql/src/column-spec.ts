import { fieldPath } from '@athanor/dialect-kit'
import { UnsupportedOperationError, isNullable, typeName, type Column, type Identity, type ServerDefault } from '@athanor/ir'
import { foreignKeyTail } from './constraint-sql.js'
import { mssqlQuote as q } from './quote.js'
import { mssqlType } from './types.js'

const INTEGERS = new Set(['integer', 'bigint', 'smallint'])

function refuse(path: string, message: string): never {
  throw new UnsupportedOperationError({ engine: 'mssql', path, message: `mssql: ${message}` })
}

/** `DEFAULT` text of a server default: a literal quoted, SQL verbatim. */
export function defaultSql(value: ServerDefault): string {
  return 'literal' in value ? q.literal(value.literal) : value.sql
}

/**
 * `IDENTITY`, or `IDENTITY(start,increment)` with 1 for the one not given (catalog §2.5). SQL
 * Server has no other identity options: `minValue`, `maxValue`, `cycle` and `cache` are refused.
 */
export function identitySql(identity: Identity, path: string): string {
  for (const field of ['minValue', 'maxValue', 'cycle', 'cache'] as const) {
    // Differs from Alembic, which drops these silently on SQL Server.
    if (identity[field] !== undefined) refuse(`${path}.${field}`, `an IDENTITY column has only a start and an increment; remove ${field}`)
  }
  if (identity.start === undefined && identity.increment === undefined) return 'IDENTITY'
  return `IDENTITY(${identity.start ?? 1},${identity.increment ?? 1})`
}

/**
 * True when the column becomes `IDENTITY` without saying so (SQLAlchemy's "auto" rule, catalog
 * §2.5): the table's only primary-key column, an integer type, no default, identity or computed
 * value, `autoincrement` not `false`, and a foreign key only with `autoincrement: true`.
 */
export function isAutoIdentity(column: Column, soleIntegerPk: boolean): boolean {
  return (
    soleIntegerPk &&
    column.autoincrement !== false &&
    (column.foreignKey === undefined || column.autoincrement === true) &&
    column.serverDefault === undefined &&
    column.identity === undefined &&
    column.computed === undefined &&
    INTEGERS.has(typeName(column.type))
  )
}

/** True when the type can be an `IDENTITY` (integers, and `NUMERIC(p, 0)`, left to the engine). */
function integerLike(column: Column): boolean {
  return INTEGERS.has(typeName(column.type)) || typeName(column.type) === 'numeric' || typeName(column.type) === 'raw'
}

/**
 * The column's type, with the error path built only when the type is refused (most are not):
 * `mssqlType` is pure, so the second call throws what the first did, at the column's path.
 */
function columnType(column: Column, index: number | undefined): string {
  try {
    return mssqlType(column.type)
  } catch {
    return mssqlType(column.type, fieldPath(index ?? 'column', 'type'))
  }
}

/**
 * `name TYPE [NOT NULL | NULL] [IDENTITY[(s,i)] | DEFAULT d]`, or for a computed column
 * `name AS (e) [PERSISTED] [NOT NULL]` (catalog §0.7): SQL Server always says NULL or NOT NULL
 * for a stored column. `autoIdentity` numbers the column (see {@link isAutoIdentity}); `index` is
 * its position in a createTable's `columns`, for error paths. Positional, not an options object:
 * this runs for every column compiled. Appended to `sql` (the statement so far) piece by piece
 * rather than built on its own: V8 copies a concatenation shorter than 13 characters
 * (`id INTEGER`), and only links a piece to a longer string.
 */
export function appendColumnSpec(sql: string, column: Column, autoIdentity: boolean, index: number | undefined): string {
  const { computed, serverDefault } = column
  let out = sql + q.ident(column.name)
  if (computed !== undefined) {
    const persisted = computed.persisted === true ? ' PERSISTED' : ''
    if (column.nullable === false && persisted === '') refuse(fieldPath(index ?? 'column', 'nullable'), 'a computed column can be NOT NULL only when it is persisted; set computed.persisted: true')
    return `${out} AS (${computed.sqltext})${persisted}${column.nullable === false ? ' NOT NULL' : ''}`
  }
  const identity = column.identity !== undefined || autoIdentity
  if (identity) {
    // Differs from Alembic, which writes NOT NULL anyway: the model would say nullable.
    if (column.nullable === true) refuse(fieldPath(index ?? 'column', 'nullable'), 'an identity column is always NOT NULL; drop nullable: true')
    if (serverDefault !== undefined) refuse(fieldPath(index ?? 'column', 'serverDefault'), 'an identity column cannot have a default')
    if (!integerLike(column)) refuse(fieldPath(index ?? 'column', 'type'), 'an identity column has an integer type')
  }
  out += ' '
  out += columnType(column, index)
  out += identity || !isNullable(column) ? ' NOT NULL' : ' NULL'
  if (column.identity !== undefined) {
    out += ' '
    out += identitySql(column.identity, fieldPath(index ?? 'column', 'identity'))
  } else if (identity) out += ' IDENTITY'
  else if (serverDefault !== undefined) {
    out += ' DEFAULT '
    out += defaultSql(serverDefault)
  }
  return out
}

/** ` REFERENCES [schema.]t (c) [ON DELETE a] [ON UPDATE a]` of a column-level foreign key. */
export function inlineReferences(column: Column, path = 'column'): string {
  const fk = column.foreignKey
  if (fk === undefined) return ''
  const named = fk.name === undefined ? '' : ` CONSTRAINT ${q.ident(fk.name)}`
  return `${named} REFERENCES ${q.qualified(fk.referentTable, fk.referentSchema)} (${q.ident(fk.remoteCol)})${foreignKeyTail(fk, `${path}.foreignKey.`)}`
}

/** ` [CONSTRAINT n] CHECK (cond)` of a column-level check. */
export function inlineCheck(column: Column): string {
  const c = column.check
  if (c === undefined) return ''
  return ` ${c.name === undefined ? '' : `CONSTRAINT ${q.ident(c.name)} `}CHECK (${c.condition})`
}
