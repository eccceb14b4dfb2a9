import type { ColumnType } from '@athanor/ir'

/** DuckDB's type names as `duckdb_columns().data_type` reports them, and the generic type each is. */
const NAMED: Readonly<Record<string, ColumnType>> = {
  INTEGER: 'integer',
  SMALLINT: 'smallint',
  BIGINT: 'bigint',
  VARCHAR: 'varchar',
  BOOLEAN: 'boolean',
  FLOAT: 'float',
  DOUBLE: 'double',
  DATE: 'date',
  TIMESTAMP: 'datetime',
  'TIMESTAMP WITH TIME ZONE': { name: 'datetime', timezone: true },
  TIME: 'time',
  'TIME WITH TIME ZONE': { name: 'time', timezone: true },
  INTERVAL: 'interval',
  JSON: 'json',
  BLOB: 'binary',
  UUID: 'uuid',
}

/** The values of `ENUM('a', 'b''s')`. */
function enumValues(list: string): string[] {
  return [...list.matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] ?? '').replaceAll("''", "'"))
}

/**
 * The generic type of a DuckDB type as `duckdb_columns().data_type` spells it: `DECIMAL(10,2)` →
 * `{ name: 'numeric', precision: 10, scale: 2 }`, `ENUM('a', 'b')` → an enum, and any type
 * without a generic equivalent (`HUGEINT`, `TIMESTAMP_NS`, `INTEGER[]`) → `{ name: 'raw', sql }`.
 * @example
 * duckdbColumnType('TIMESTAMP WITH TIME ZONE') // => { name: 'datetime', timezone: true }
 */
export function duckdbColumnType(dataType: string): ColumnType {
  const named = NAMED[dataType]
  if (named !== undefined) return named
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(dataType)
  if (decimal !== null) return { name: 'numeric', precision: Number(decimal[1]), scale: Number(decimal[2]) }
  const enumeration = /^ENUM\((.*)\)$/s.exec(dataType)
  if (enumeration !== null) {
    const values = enumValues(enumeration[1] ?? '')
    if (values.length > 0) return { name: 'enum', values }
  }
  return { name: 'raw', sql: dataType }
}
