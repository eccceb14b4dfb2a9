import { renderType, type TypeParams, type TypeSpelling } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type ColumnType } from '@athanor/ir'
import { duckdbLiteral, duckdbQuote } from './quote.js'

const decimal = (p: TypeParams): string =>
  p.precision === undefined ? 'DECIMAL' : `DECIMAL(${p.precision}, ${p.scale ?? 0})`

/**
 * How DuckDB spells each generic type. DuckDB's strings have no length (`VARCHAR(n)` is read and
 * the length dropped), so every character type is VARCHAR; timestamps keep microseconds whatever
 * precision is asked; an enum is written inline (`ENUM('a', 'b')`), so no type outlives its table.
 * @example
 * import { renderType } from '@athanor/dialect-kit'
 * renderType({ name: 'datetime', timezone: true }, duckdbTypes, 'duckdb') // => 'TIMESTAMP WITH TIME ZONE'
 */
export const duckdbTypes: TypeSpelling = {
  integer: 'INTEGER',
  smallint: 'SMALLINT',
  bigint: 'BIGINT',
  varchar: 'VARCHAR',
  nvarchar: 'VARCHAR',
  char: 'VARCHAR',
  text: 'VARCHAR',
  boolean: 'BOOLEAN',
  numeric: decimal,
  // FLOAT(p) in binary digits: up to 24 is DuckDB's 4-byte FLOAT, above it DOUBLE.
  float: (p) => (p.precision !== undefined && p.precision > 24 ? 'DOUBLE' : 'FLOAT'),
  double: 'DOUBLE',
  date: 'DATE',
  datetime: (p) => (p.timezone === true ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP'),
  time: (p) => (p.timezone === true ? 'TIME WITH TIME ZONE' : 'TIME'),
  interval: 'INTERVAL',
  json: 'JSON',
  binary: 'BLOB',
  uuid: 'UUID',
  enum: (p) => `ENUM(${(p.values ?? []).map(duckdbLiteral).join(', ')})`,
}

/**
 * Spells a column type for DuckDB, with its collation (`VARCHAR COLLATE nocase`). DuckDB's
 * DECIMAL holds at most 38 digits: a wider `numeric` is refused.
 * @example
 * duckdbType({ name: 'numeric', precision: 10, scale: 2 }) // => 'DECIMAL(10, 2)'
 * duckdbType({ name: 'enum', values: ['a', 'b'] }) // => "ENUM('a', 'b')"
 */
export function duckdbType(type: ColumnType, path = 'type'): string {
  if (typeof type !== 'string' && type.name === 'numeric' && type.precision !== undefined && type.precision > 38) {
    throw new UnsupportedOperationError({ engine: 'duckdb', path: `${path}.precision`, message: 'duckdb: a DECIMAL holds at most 38 digits' })
  }
  const spelled = renderType(type, duckdbTypes, 'duckdb', path)
  if (typeof type !== 'string' && 'collation' in type && type.collation !== undefined) return `${spelled} COLLATE ${duckdbQuote.ident(type.collation)}`
  return spelled
}
