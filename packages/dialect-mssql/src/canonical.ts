import { normalizeType, type ColumnModel, type ColumnType, type ServerDefault } from '@athanor/ir'

// What SQL Server makes of what the ops wrote, in the form `introspectMssql` reports it. Applied
// to both sides of a comparison (every function is idempotent), it leaves only real differences.
// Written from the type mapping of this package; not yet checked against a live server.

/**
 * The type as SQL Server reports it: `varchar` without a length is `text` (both are
 * `VARCHAR(max)`), `json` is `nvarchar` (`NVARCHAR(max)`), `numeric` without a precision is
 * `NUMERIC(18)`, `float` is `double` beyond 24 binary digits (or without a precision) and
 * `float(24)` up to it, an enum is the `VARCHAR(n)` it is written as, `char(1)` is `char`, and
 * 7 (the default) fractional digits of a time or time-zoned datetime are left out.
 * @example
 * mssqlReportedType('json') // => { name: 'nvarchar' }
 */
export function mssqlReportedType(type: ColumnType): Exclude<ColumnType, string> {
  const t = normalizeType(type)
  switch (t.name) {
    case 'varchar':
    case 'text':
      return t.length === undefined || t.name === 'text' ? { name: 'text', ...(t.collation === undefined ? {} : { collation: t.collation }) } : t
    case 'json':
      return { name: 'nvarchar' }
    case 'char':
      return t.length === 1 ? { name: 'char', ...(t.collation === undefined ? {} : { collation: t.collation }) } : t
    case 'numeric':
      return t.precision === undefined ? { name: 'numeric', precision: 18 } : { name: 'numeric', precision: t.precision, ...(t.scale === undefined || t.scale === 0 ? {} : { scale: t.scale }) }
    case 'float':
      return t.precision !== undefined && t.precision <= 24 ? { name: 'float', precision: 24 } : { name: 'double' }
    case 'enum':
      return { name: 'varchar', length: Math.max(1, ...t.values.map((v) => v.length)) }
    case 'time':
      return t.precision === undefined || t.precision === 7 ? { name: 'time' } : { name: 'time', precision: t.precision }
    case 'datetime':
      if (t.timezone === true) return t.precision === undefined || t.precision === 7 ? { name: 'datetime', timezone: true } : { name: 'datetime', timezone: true, precision: t.precision }
      return t.precision === undefined ? { name: 'datetime' } : { name: 'datetime', precision: t.precision }
    case 'raw':
      return { name: 'raw', sql: t.dialects?.['mssql'] ?? t.sql }
    default:
      return t
  }
}

const SQL_SYNONYMS: Readonly<Record<string, string>> = { current_timestamp: 'getdate()' }
const NUMBER = /^\(*([-+]?\d+(?:\.\d+)?)\)*$/

/**
 * The default as SQL Server stores it: `CURRENT_TIMESTAMP` is `getdate()`, a number loses the
 * parentheses SQL Server puts around it; literals stay literals.
 * @example
 * mssqlReportedDefault({ sql: 'CURRENT_TIMESTAMP' }) // => { sql: 'getdate()' }
 */
export function mssqlReportedDefault(value: ServerDefault): ServerDefault {
  if ('literal' in value) return value
  const sql = value.sql.trim()
  const synonym = SQL_SYNONYMS[sql.toLowerCase()]
  if (synonym !== undefined) return { sql: synonym }
  const m = NUMBER.exec(sql)
  return m === null ? { sql } : { sql: m[1] ?? sql }
}

/**
 * The hooks `compareSnapshots` (in `@athanor/dialect-kit/conformance`) takes, for SQL Server.
 * @example
 * import type { SchemaSnapshot } from '@athanor/ir'
 * import { compareSnapshots } from '@athanor/dialect-kit/conformance'
 * declare const expected: SchemaSnapshot, found: SchemaSnapshot
 * compareSnapshots(expected, found, { dialect: 'mssql', canonical: mssqlCanonical satisfies MssqlCanonical })
 */
export interface MssqlCanonical {
  readonly column: (column: ColumnModel) => ColumnModel
}

/**
 * How SQL Server reports columns: types through {@link mssqlReportedType}, defaults through
 * {@link mssqlReportedDefault}. Pass it as `canonical` to the conformance suite.
 * @example
 * mssqlCanonical.column({ name: 'doc', type: 'json', nullable: true }) // => { name: 'doc', type: { name: 'nvarchar' }, nullable: true }
 */
export const mssqlCanonical: MssqlCanonical = {
  column: (c) => ({
    ...c,
    type: mssqlReportedType(c.type),
    ...(c.serverDefault === undefined ? {} : { serverDefault: mssqlReportedDefault(c.serverDefault) }),
  }),
}
