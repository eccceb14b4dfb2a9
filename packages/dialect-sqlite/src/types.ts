import { renderType, type TypeParams, type TypeSpelling } from '@athanor/dialect-kit'
import type { ColumnType } from '@athanor/ir'
import { sqliteQuote } from './quote.js'

const sized = (base: string) => (p: TypeParams) => (p.length === undefined ? base : `${base}(${p.length})`)

/**
 * How SQLite spells each generic type (catalog §0.6). SQLite accepts any type name and derives
 * the column's affinity from it; these spellings keep the generic type readable back.
 * @example
 * sqliteTypes.boolean // => 'BOOLEAN'
 */
export const sqliteTypes: TypeSpelling = {
  integer: 'INTEGER',
  smallint: 'SMALLINT',
  bigint: 'BIGINT',
  varchar: sized('VARCHAR'),
  nvarchar: sized('NVARCHAR'),
  char: sized('CHAR'),
  text: 'TEXT',
  boolean: 'BOOLEAN',
  numeric: (p) => (p.precision === undefined ? 'NUMERIC' : p.scale === undefined ? `NUMERIC(${p.precision})` : `NUMERIC(${p.precision}, ${p.scale})`),
  float: 'FLOAT',
  double: 'DOUBLE',
  date: 'DATE',
  datetime: 'DATETIME',
  time: 'TIME',
  interval: 'INTERVAL',
  json: 'JSON',
  binary: 'BLOB',
  // As SQLAlchemy: a UUID is stored as 32 hex digits. A type name without CHAR/TEXT would give
  // NUMERIC affinity, which turns an all-digit value into a (rounded) number.
  uuid: 'CHAR(32)',
  // A non-native enum: a string as long as its longest value (SQLAlchemy's VARCHAR(n)).
  enum: (p) => `VARCHAR(${Math.max(1, ...(p.values ?? []).map((v) => v.length))})`,
}

/**
 * The types of a `STRICT` table, which allows only INTEGER, REAL, TEXT, BLOB and ANY: each
 * generic type goes to the one that stores its values without loss (exact numerics as ANY, so
 * that `1.10` is not rounded through REAL).
 * @example
 * sqliteStrictTypes.boolean // => 'INTEGER'
 */
export const sqliteStrictTypes: TypeSpelling = {
  integer: 'INTEGER',
  smallint: 'INTEGER',
  bigint: 'INTEGER',
  varchar: 'TEXT',
  nvarchar: 'TEXT',
  char: 'TEXT',
  text: 'TEXT',
  boolean: 'INTEGER',
  numeric: 'ANY',
  float: 'REAL',
  double: 'REAL',
  date: 'TEXT',
  datetime: 'TEXT',
  time: 'TEXT',
  interval: 'TEXT',
  json: 'TEXT',
  binary: 'BLOB',
  uuid: 'TEXT',
  enum: 'TEXT',
}

/**
 * Spells a column type for SQLite, with its collation (`COLLATE NOCASE`); `strict` for a
 * `STRICT` table.
 * @example
 * sqliteType({ name: 'varchar', length: 20 }) // => 'VARCHAR(20)'
 * sqliteType({ name: 'varchar', length: 20 }, 'type', true) // => 'TEXT'
 */
export function sqliteType(type: ColumnType, path = 'type', strict = false): string {
  const spelled = renderType(type, strict ? sqliteStrictTypes : sqliteTypes, 'sqlite', path)
  if (typeof type !== 'string' && 'collation' in type && type.collation !== undefined) {
    return `${spelled} COLLATE ${sqliteQuote.ident(type.collation)}`
  }
  return spelled
}

