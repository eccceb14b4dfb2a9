import { renderType, type TypeParams, type TypeSpelling } from '@athanor/dialect-kit'
import type { ColumnType } from '@athanor/ir'
import { POSTGRESQL_TYPE_KEYWORDS, postgresQuote } from './quote.js'

const sized = (base: string) => (p: TypeParams) => (p.length === undefined ? base : `${base}(${p.length})`)
const temporal = (base: string) => (p: TypeParams) =>
  `${base}${p.precision === undefined ? '' : `(${p.precision})`} ${p.timezone === true ? 'WITH' : 'WITHOUT'} TIME ZONE`

/**
 * How PostgreSQL spells each generic type.
 * @example
 * postgresTypes.uuid // => 'UUID'
 */
export const postgresTypes: TypeSpelling = {
  integer: 'INTEGER',
  smallint: 'SMALLINT',
  bigint: 'BIGINT',
  varchar: sized('VARCHAR'),
  nvarchar: sized('VARCHAR'),
  char: sized('CHAR'),
  text: 'TEXT',
  boolean: 'BOOLEAN',
  numeric: (p) => (p.precision === undefined ? 'NUMERIC' : p.scale === undefined ? `NUMERIC(${p.precision})` : `NUMERIC(${p.precision}, ${p.scale})`),
  float: (p) => (p.precision === undefined ? 'FLOAT' : `FLOAT(${p.precision})`),
  double: 'DOUBLE PRECISION',
  date: 'DATE',
  datetime: temporal('TIMESTAMP'),
  time: temporal('TIME'),
  interval: 'INTERVAL',
  json: 'JSON',
  binary: 'BYTEA',
  uuid: 'UUID',
  // A native enum is a named type created by CREATE TYPE; without a name there is nothing to refer to.
  enum: (p) => (p.enumName === undefined ? undefined : enumTypeSql(p.enumName)),
}

/**
 * The name of a native enum type: `[schema.]name`, quoted as any name and also when it is a
 * keyword PostgreSQL reads as a built-in type (`"int"`, `"position"`).
 * @example
 * enumTypeSql('mood', 'app') // => 'app.mood'
 */
export function enumTypeSql(enumName: string, schema?: string): string {
  const name = postgresQuote.ident(enumName, { force: POSTGRESQL_TYPE_KEYWORDS.has(enumName) })
  return schema === undefined ? name : `${postgresQuote.ident(schema)}.${name}`
}

/**
 * Spells a column type for PostgreSQL, with its collation. An enum type is qualified with
 * `schema`, the schema of the table it is used in, where `createTable` creates it.
 * @example
 * postgresType({ name: 'datetime', timezone: true }) // => 'TIMESTAMP WITH TIME ZONE'
 * postgresType({ name: 'enum', values: ['happy', 'sad'], enumName: 'mood' }, 'type', 'app') // => 'app.mood'
 */
export function postgresType(type: ColumnType, path = 'type', schema?: string): string {
  const spelled =
    schema !== undefined && typeof type !== 'string' && type.name === 'enum' && type.enumName !== undefined
      ? enumTypeSql(type.enumName, schema)
      : renderType(type, postgresTypes, 'postgresql', path)
  if (typeof type !== 'string' && 'collation' in type && type.collation !== undefined) {
    return `${spelled} COLLATE ${postgresQuote.ident(type.collation, { force: true })}`
  }
  return spelled
}

