import { appendPlainType, fieldPath, foreignKeyActions, spacedTypes, type FieldPlace } from '@athanor/dialect-kit'
import { UnsupportedOperationError, isNullable, typeName, type Column, type Identity, type ServerDefault } from '@athanor/ir'
import { checkForeignKeyOptions } from './constraint-sql.js'
import { postgresQuote as q } from './quote.js'
import { postgresType, postgresTypes } from './types.js'

// The one-word types, with their space (see appendPlainType).
const SPACED_TYPES = spacedTypes(postgresTypes)

const SERIALS: Readonly<Record<string, string>> = { integer: 'SERIAL', bigint: 'BIGSERIAL', smallint: 'SMALLSERIAL' }

/** `DEFAULT` text of a server default: a literal quoted, SQL verbatim. */
export function defaultSql(value: ServerDefault): string {
  return 'literal' in value ? q.literal(value.literal) : value.sql
}

/** `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY [(options)]` */
export function identitySql(identity: Identity): string {
  const opts = identityOptions(identity)
  return `GENERATED ${identity.always === true ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${opts === '' ? '' : ` (${opts})`}`
}

/** Identity options in PostgreSQL's order (catalog §2.2): INCREMENT BY, START WITH, MINVALUE, MAXVALUE, CACHE, CYCLE. */
export function identityOptions(identity: Identity): string {
  const parts: string[] = []
  if (identity.increment !== undefined) parts.push(`INCREMENT BY ${identity.increment}`)
  if (identity.start !== undefined) parts.push(`START WITH ${identity.start}`)
  if (identity.minValue !== undefined) parts.push(`MINVALUE ${identity.minValue}`)
  if (identity.maxValue !== undefined) parts.push(`MAXVALUE ${identity.maxValue}`)
  if (identity.cache !== undefined) parts.push(`CACHE ${identity.cache}`)
  if (identity.cycle === true) parts.push('CYCLE')
  else if (identity.cycle === false) parts.push('NO CYCLE')
  return parts.join(' ')
}

/**
 * True when the column becomes SERIAL: the table's only primary-key column, an integer type,
 * no default, identity or computed value, and `autoincrement` not `false`; a foreign key only
 * with `autoincrement: true` (the reference's "auto" rule: a key that refers to another table's
 * key is not numbered).
 */
export function isSerial(column: Column, soleIntegerPk: boolean): boolean {
  return (
    soleIntegerPk &&
    column.autoincrement !== false &&
    (column.foreignKey === undefined || column.autoincrement === true) &&
    column.serverDefault === undefined &&
    column.identity === undefined &&
    column.computed === undefined &&
    SERIALS[typeName(column.type)] !== undefined
  )
}

/**
 * `name TYPE [DEFAULT d] [GENERATED ALWAYS AS (e) STORED] [GENERATED … AS IDENTITY] [NOT NULL]`
 * (catalog §0.7), appended to `sql` (the statement so far); `serial` spells the type
 * SERIAL/BIGSERIAL/SMALLSERIAL; `schema` (the table's) qualifies an enum type; `place` is where
 * the column sits in its op (`columns[i]` of a createTable, `column` of an addColumn), for the
 * path of a refusal, built only when one is thrown. Appended piece by piece rather than built on
 * its own: V8 copies a concatenation shorter than 13 characters (`id INTEGER`), and only links
 * a piece to a longer string.
 */
export function appendColumnSpec(sql: string, column: Column, serial: boolean, schema: string | undefined, place: FieldPlace): string {
  const { serverDefault, computed, identity } = column
  let out = sql + q.ident(column.name)
  // A type without parameters is appended with its space; any other is spelled whole.
  out = serial ? `${out} ${SERIALS[typeName(column.type)] as string}` : (appendPlainType(out, column.type, SPACED_TYPES) ?? `${out} ${columnType(column, schema, place)}`)
  if (serverDefault !== undefined) {
    out += ' DEFAULT '
    out += defaultSql(serverDefault)
  }
  if (computed !== undefined) out += ` GENERATED ALWAYS AS (${computed.sqltext}) STORED`
  if (identity !== undefined) {
    // Differs from Alembic, which writes ` NULL` after a nullable identity column: PostgreSQL
    // rejects that ("conflicting NULL/NOT NULL declarations"); identity columns are NOT NULL.
    if (column.nullable === true) {
      throw new UnsupportedOperationError({ engine: 'postgresql', path: fieldPath(place, 'nullable'), message: 'postgresql: an identity column is always NOT NULL; drop nullable: true' })
    }
    out += ' '
    out += identitySql(identity)
  }
  // Identity columns are NOT NULL by definition; PostgreSQL refuses an explicit NULL on them.
  else if (!isNullable(column)) out += ' NOT NULL'
  return out
}

// The type, with a refusal's path moved from the type to where the column's type sits.
function columnType(column: Column, schema: string | undefined, place: FieldPlace): string {
  try {
    return postgresType(column.type, 'type', schema)
  } catch (e) {
    if (!(e instanceof UnsupportedOperationError)) throw e
    throw new UnsupportedOperationError({ engine: e.engine, path: fieldPath(place, 'type'), message: e.message })
  }
}

/**
 * ` REFERENCES [schema.]t (c) …actions` of a column-level foreign key. A column constraint has no
 * NOT VALID: a key with `postgresqlNotValid` is added with a separate ALTER TABLE instead.
 */
export function inlineReferences(column: Column, path = 'column'): string {
  const fk = column.foreignKey
  if (fk === undefined) return ''
  checkForeignKeyOptions(fk, `${path}.foreignKey.`)
  return ` REFERENCES ${q.qualified(fk.referentTable, fk.referentSchema)} (${q.ident(fk.remoteCol)})${foreignKeyActions(fk)}`
}

/** ` [CONSTRAINT n] CHECK (cond)` of a column-level check. */
export function inlineCheck(column: Column): string {
  const c = column.check
  if (c === undefined) return ''
  return ` ${c.name === undefined ? '' : `CONSTRAINT ${q.ident(c.name)} `}CHECK (${c.condition})`
}
