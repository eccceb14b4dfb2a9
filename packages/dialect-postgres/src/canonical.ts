import { normalizeType, type ColumnModel, type ColumnType, type Identity, type IndexModel, type ServerDefault } from '@athanor/ir'
import { identityDefaults } from './introspect-columns.js'

// What PostgreSQL makes of what the ops wrote, in the form `introspectPostgres` reports it: the
// same type, default or option spelled the way the catalog gives it back. Applied to both sides
// of a comparison (every function is idempotent), it leaves only real differences.

const PG_INTEGER: Readonly<Record<string, string>> = { integer: 'int4', smallint: 'int2', bigint: 'int8' }

/**
 * The type as PostgreSQL reports it: `nvarchar` is `varchar`; `char` without a length is
 * `char(1)` (written without it); TEXT and BYTEA ignore a length; `numeric(p, 0)` is
 * `numeric(p)`; `float` up to 24 binary digits is REAL (`{ name: 'float', precision: 24 }`),
 * beyond (or without a precision) DOUBLE PRECISION; `timezone: false` and precision 6 are the
 * defaults of TIMESTAMP and TIME; a raw type uses its PostgreSQL spelling.
 * @example
 * postgresReportedType({ name: 'float', precision: 10 }) // => { name: 'float', precision: 24 }
 * postgresReportedType('float') // => { name: 'double' }
 */
export function postgresReportedType(type: ColumnType): Exclude<ColumnType, string> {
  const t = normalizeType(type)
  switch (t.name) {
    case 'nvarchar':
    case 'varchar':
    case 'char':
    case 'text': {
      const name = t.name === 'nvarchar' ? 'varchar' : t.name
      const keepLength = t.length !== undefined && name !== 'text' && !(name === 'char' && t.length === 1)
      return { name, ...(keepLength ? { length: t.length } : {}), ...(t.collation === undefined ? {} : { collation: t.collation }) }
    }
    case 'numeric':
      return t.precision === undefined ? { name: 'numeric' } : { name: 'numeric', precision: t.precision, ...(t.scale === undefined || t.scale === 0 ? {} : { scale: t.scale }) }
    case 'float':
      return t.precision !== undefined && t.precision <= 24 ? { name: 'float', precision: 24 } : { name: 'double' }
    case 'datetime':
    case 'time':
      return { name: t.name, ...(t.timezone === true ? { timezone: true } : {}), ...(t.precision === undefined || t.precision === 6 ? {} : { precision: t.precision }) }
    case 'binary':
      return { name: 'binary' }
    case 'raw':
      return { name: 'raw', sql: t.dialects?.['postgresql'] ?? t.sql }
    default:
      return t
  }
}

const TRUE_WORDS = new Set(['t', 'tr', 'tru', 'true', 'y', 'ye', 'yes', 'on', '1'])
const FALSE_WORDS = new Set(['f', 'fa', 'fal', 'fals', 'false', 'n', 'no', 'of', 'off', '0'])
const STRING_LITERAL = /^'((?:[^']|'')*)'$/s
const INTEGER_TEXT = /^[-+]?\d+$/
const DECIMAL_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)$/
const NUMERIC_TYPES = new Set(['integer', 'smallint', 'bigint', 'numeric', 'float', 'double'])

/** The text of a constant default: a literal, a quoted string written as SQL, or a bare number or boolean. */
function constantText(value: ServerDefault, typeName: string): string | undefined {
  if ('literal' in value) return value.literal
  const sql = value.sql.trim()
  const m = STRING_LITERAL.exec(sql)
  if (m !== null) return (m[1] ?? '').replaceAll("''", "'")
  if (NUMERIC_TYPES.has(typeName) && DECIMAL_TEXT.test(sql)) return sql
  if (typeName === 'boolean' && /^(true|false)$/i.test(sql)) return sql
  return undefined
}

/**
 * The default in one spelling for the value PostgreSQL stores, for a column of `type`. A
 * constant on a number or boolean column becomes `{ sql }` with the value as PostgreSQL prints it
 * (`42`, `-1`, `1.50`, `false` for `'0'`): PostgreSQL prints the same stored number bare or as a
 * typed literal depending on the column's history (`'0'::bigint` for a new BIGINT default, `0`
 * once an INTEGER column with default 0 became BIGINT). Other constants (a `{ sql }` that is only a
 * quoted string included) are `{ literal }`; other SQL is left as it is.
 * @example
 * postgresReportedDefault({ literal: '0' }, 'boolean') // => { sql: 'false' }
 * postgresReportedDefault({ literal: '42' }, 'bigint') // => { sql: '42' }
 */
export function postgresReportedDefault(value: ServerDefault, type: ColumnType): ServerDefault {
  const name = normalizeType(type).name
  const text = constantText(value, name)
  if (text === undefined) return value
  const t = text.trim()
  if (name === 'boolean') {
    const word = t.toLowerCase()
    if (TRUE_WORDS.has(word)) return { sql: 'true' }
    if (FALSE_WORDS.has(word)) return { sql: 'false' }
  } else if ((name === 'integer' || name === 'smallint' || name === 'bigint') && INTEGER_TEXT.test(t)) {
    return { sql: BigInt(t).toString() }
  } else if (name === 'numeric' && DECIMAL_TEXT.test(t)) {
    return { sql: t.replace(/^\+/, '') }
  } else if ((name === 'float' || name === 'double') && DECIMAL_TEXT.test(t)) {
    return { sql: String(Number(t)) }
  }
  return { literal: text }
}

/** The identity without the options PostgreSQL would pick anyway (see {@link identityDefaults}). */
function reportedIdentity(identity: Identity, type: ColumnType): Identity {
  const typeName = PG_INTEGER[normalizeType(type).name] ?? 'int8'
  const increment = BigInt(identity.increment ?? 1)
  const d = identityDefaults(typeName, increment)
  const min = identity.minValue === undefined ? d.minValue : BigInt(identity.minValue)
  const max = identity.maxValue === undefined ? d.maxValue : BigInt(identity.maxValue)
  const start = identity.start === undefined ? undefined : BigInt(identity.start)
  return {
    ...(identity.always === true ? { always: true } : {}),
    ...(start === undefined || start === (increment > 0n ? min : max) ? {} : { start: identity.start }),
    ...(increment === 1n ? {} : { increment: identity.increment }),
    ...(min === d.minValue ? {} : { minValue: identity.minValue }),
    ...(max === d.maxValue ? {} : { maxValue: identity.maxValue }),
    ...(identity.cache === undefined || identity.cache === 1 ? {} : { cache: identity.cache }),
    ...(identity.cycle === true ? { cycle: true } : {}),
  }
}

/**
 * The hooks `compareSnapshots` (in `@athanor/dialect-kit/conformance`) takes, for PostgreSQL.
 * @example
 * import type { SchemaSnapshot } from '@athanor/ir'
 * import { compareSnapshots } from '@athanor/dialect-kit/conformance'
 * declare const expected: SchemaSnapshot, found: SchemaSnapshot
 * compareSnapshots(expected, found, { dialect: 'postgresql', canonical: postgresCanonical satisfies PostgresCanonical })
 */
export interface PostgresCanonical {
  readonly column: (column: ColumnModel) => ColumnModel
  readonly index: (index: IndexModel) => IndexModel
}

/**
 * How PostgreSQL reports columns and indexes: types through {@link postgresReportedType},
 * defaults through {@link postgresReportedDefault}, identity options without PostgreSQL's
 * defaults, generated columns stored, `USING btree` and numeric strings in `WITH (…)` as the
 * catalog gives them. Pass it as `canonical` to the conformance suite.
 * @example
 * postgresCanonical.column({ name: 'ok', type: 'boolean', nullable: true, serverDefault: { literal: '1' } })
 * // => { name: 'ok', type: { name: 'boolean' }, nullable: true, serverDefault: { sql: 'true' } }
 */
export const postgresCanonical: PostgresCanonical = {
  column: (c) => ({
    ...c,
    type: postgresReportedType(c.type),
    ...(c.serverDefault === undefined ? {} : { serverDefault: postgresReportedDefault(c.serverDefault, c.type) }),
    ...(c.identity === undefined ? {} : { identity: reportedIdentity(c.identity, c.type) }),
    // PostgreSQL (before 18) has stored generated columns only.
    ...(c.computed === undefined ? {} : { computed: { ...c.computed, persisted: true } }),
  }),
  index: (ix) => {
    const { postgresqlUsing, postgresqlWith, ...rest } = ix
    const using = postgresqlUsing?.toLowerCase()
    const withOptions = postgresqlWith === undefined
      ? undefined
      : Object.fromEntries(Object.entries(postgresqlWith).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v]))
    return {
      ...rest,
      ...(using === undefined || using === 'btree' ? {} : { postgresqlUsing: using }),
      ...(withOptions === undefined ? {} : { postgresqlWith: withOptions }),
    }
  },
}
