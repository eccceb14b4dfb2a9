import { renderType, type TypeParams, type TypeSpelling } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type ColumnType } from '@athanor/ir'

const sized = (base: string) => (p: TypeParams) => `${base}(${p.length === undefined ? 'max' : p.length})`
const precise = (base: string) => (p: TypeParams) => (p.precision === undefined ? base : `${base}(${p.precision})`)

/**
 * How SQL Server spells each generic type (SQL Server 2016 and later). An enum is a `VARCHAR` as
 * long as its longest value, as in the reference; SQL Server has no interval type.
 * @example
 * mssqlTypes.boolean // => 'BIT'
 */
export const mssqlTypes: TypeSpelling = {
  integer: 'INTEGER',
  smallint: 'SMALLINT',
  bigint: 'BIGINT',
  varchar: sized('VARCHAR'),
  nvarchar: sized('NVARCHAR'),
  char: (p) => (p.length === undefined ? 'CHAR' : `CHAR(${p.length})`),
  // Differs from Alembic, whose offline TEXT and IMAGE are the deprecated pre-2005 types; it
  // switches to VARCHAR(max) / VARBINARY(max) itself once it sees a 2005+ server.
  text: 'VARCHAR(max)',
  boolean: 'BIT',
  numeric: (p) => (p.precision === undefined ? 'NUMERIC' : p.scale === undefined ? `NUMERIC(${p.precision})` : `NUMERIC(${p.precision}, ${p.scale})`),
  float: precise('FLOAT'),
  double: 'DOUBLE PRECISION',
  // Differs from Alembic, which offline (no server version) writes DATETIME for dates and times:
  // DATE and TIME exist since SQL Server 2008.
  date: 'DATE',
  datetime: (p) => (p.timezone === true ? precise('DATETIMEOFFSET')(p) : p.precision === undefined ? 'DATETIME' : `DATETIME2(${p.precision})`),
  time: precise('TIME'),
  interval: undefined,
  json: 'NVARCHAR(max)',
  binary: sized('VARBINARY'),
  uuid: 'UNIQUEIDENTIFIER',
  enum: (p) => `VARCHAR(${Math.max(1, ...(p.values ?? []).map((v) => v.length))})`,
}

// A collation name is a bare word (Latin1_General_100_CI_AS_SC_UTF8); SQL Server does not take
// it as a quoted identifier.
const COLLATION = /^[A-Za-z0-9_]+$/

/** The longest length SQL Server accepts for each bounded type (beyond it, write no length: `max`). */
const MAX_LENGTH: Readonly<Record<string, number>> = { varchar: 8000, char: 8000, binary: 8000, nvarchar: 4000 }

function refuse(path: string, message: string): never {
  throw new UnsupportedOperationError({ engine: 'mssql', path, message: `mssql: ${message}` })
}

/** Refuses parameters beyond SQL Server's limits, which it would reject. */
function checkLimits(type: Exclude<ColumnType, string>, path: string): void {
  const max = MAX_LENGTH[type.name]
  if (max !== undefined && 'length' in type && type.length !== undefined && type.length > max) {
    refuse(`${path}.length`, `${type.name.toUpperCase()} takes a length up to ${max}; omit the length for ${type.name.toUpperCase()}(max)`)
  }
  if ((type.name === 'datetime' || type.name === 'time') && type.precision !== undefined && type.precision > 7) {
    refuse(`${path}.precision`, 'fractional seconds go up to 7 digits')
  }
}

/**
 * Spells a column type for SQL Server, with its collation (`COLLATE Latin1_General_CI_AS`).
 * Lengths and precisions beyond the engine's limits are refused.
 * @example
 * mssqlType({ name: 'varchar', length: 20 }) // => 'VARCHAR(20)'
 * mssqlType('text') // => 'VARCHAR(max)'
 */
export function mssqlType(type: ColumnType, path = 'type'): string {
  if (typeof type !== 'string') checkLimits(type, path)
  const spelled = renderType(type, mssqlTypes, 'mssql', path)
  if (typeof type !== 'string' && 'collation' in type && type.collation !== undefined) {
    if (!COLLATION.test(type.collation)) refuse(`${path}.collation`, `a collation name is letters, digits and _; found ${JSON.stringify(type.collation)}`)
    return `${spelled} COLLATE ${type.collation}`
  }
  return spelled
}
