import type { ColumnType, ServerDefault } from '@athanor/ir'

/** What the catalog says about a column's type. */
export interface CatalogType {
  /** `pg_type.typname`: `int4`, `varchar`, `timestamptz`, … */
  readonly typeName: string
  /** `pg_type.typtype`: `b` base, `e` enum, `d` domain, … */
  readonly typeKind: string
  /** `pg_attribute.atttypmod`; -1 when the type has no modifier. */
  readonly typmod: number
  /** `format_type(…)`: the SQL spelling, used for types without a generic equivalent. */
  readonly formatted: string
  readonly enumValues?: readonly string[]
  /** The column's collation when it differs from its type's. */
  readonly collation?: string
}

type Params = { readonly length?: number; readonly precision?: number; readonly scale?: number }

const withLength = (name: 'varchar' | 'char') => (p: Params): ColumnType =>
  // CHAR without a length is CHAR(1): the default length is omitted, as it would be written.
  p.length === undefined || (name === 'char' && p.length === 1) ? name : { name, length: p.length }

const temporal = (name: 'datetime' | 'time', timezone: boolean) => (p: Params): ColumnType => {
  // 6 (microseconds) is PostgreSQL's default precision: omitted.
  const precision = p.precision === undefined || p.precision === 6 ? undefined : p.precision
  if (!timezone && precision === undefined) return name
  return { name, ...(timezone ? { timezone: true } : {}), ...(precision === undefined ? {} : { precision }) }
}

/**
 * PostgreSQL's built-in types (by `typname`) back to the IR's generic types. A type missing
 * here, an array, a domain, or a modifier the generic type cannot hold becomes `{ name: 'raw' }`.
 */
const GENERIC_OF: Readonly<Record<string, (p: Params) => ColumnType>> = {
  int4: () => 'integer',
  int2: () => 'smallint',
  int8: () => 'bigint',
  varchar: withLength('varchar'),
  bpchar: withLength('char'),
  text: () => 'text',
  bool: () => 'boolean',
  numeric: (p) =>
    p.precision === undefined ? 'numeric' : { name: 'numeric', precision: p.precision, ...(p.scale === undefined || p.scale === 0 ? {} : { scale: p.scale }) },
  float8: () => 'double',
  // REAL is FLOAT(1) to FLOAT(24); FLOAT(24) gives it back.
  float4: () => ({ name: 'float', precision: 24 }),
  date: () => 'date',
  timestamp: temporal('datetime', false),
  timestamptz: temporal('datetime', true),
  time: temporal('time', false),
  timetz: temporal('time', true),
  interval: () => 'interval',
  json: () => 'json',
  bytea: () => 'binary',
  uuid: () => 'uuid',
}

/** Reads the modifier of the types that have one; undefined when it is not one the generic type can hold. */
function paramsOf(typeName: string, typmod: number): Params | undefined {
  if (typmod < 0) return {}
  switch (typeName) {
    case 'varchar':
    case 'bpchar':
      return { length: typmod - 4 }
    case 'numeric': {
      const precision = ((typmod - 4) >> 16) & 0xffff
      const scale = (typmod - 4) & 0xffff
      // PostgreSQL 15 allows a negative scale (stored in 11 bits); the IR has none.
      return scale > precision ? undefined : { precision, scale }
    }
    case 'timestamp':
    case 'timestamptz':
    case 'time':
    case 'timetz':
      return { precision: typmod }
    default:
      return undefined
  }
}

/**
 * The IR type of a column as the catalog describes it.
 * @example
 * genericType({ typeName: 'varchar', typeKind: 'b', typmod: 24, formatted: 'character varying(20)' })
 * // => { name: 'varchar', length: 20 }
 */
export function genericType(t: CatalogType): ColumnType {
  const raw: ColumnType = { name: 'raw', sql: t.formatted }
  if (t.typeKind === 'e') {
    return t.enumValues === undefined || t.enumValues.length === 0 ? raw : { name: 'enum', enumName: t.typeName, values: t.enumValues }
  }
  const of = t.typeKind === 'b' ? GENERIC_OF[t.typeName] : undefined
  const params = paramsOf(t.typeName, t.typmod)
  if (of === undefined || params === undefined) return raw
  const type = of(params)
  if (t.collation === undefined) return type
  if (typeof type === 'string' && (type === 'varchar' || type === 'char' || type === 'text')) return { name: type, collation: t.collation }
  if (typeof type === 'object' && (type.name === 'varchar' || type.name === 'char')) return { ...type, collation: t.collation }
  return { name: 'raw', sql: `${t.formatted} COLLATE "${t.collation.replaceAll('"', '""')}"` }
}

const INTEGER_TYPES = new Set(['int2', 'int4', 'int8'])
const NEXTVAL = /^nextval\('(?:[^']|'')+'::regclass\)$/
// A quoted literal with a cast, as PostgreSQL prints a constant: 'abc'::text, 'it''s'::character varying,
// '1 day'::interval, 'a'::"Mood". The cast may not contain a quote (that would be an expression).
const TYPED_LITERAL = /^(E?)'((?:[^']|'')*)'::([^']+)$/s

/** What a column default says: an engine-numbered column, a literal, or SQL. */
export type CatalogDefault = { readonly autoincrement: true } | { readonly serverDefault: ServerDefault }

/**
 * Reads a default as `pg_get_expr` prints it: `nextval('…'::regclass)` on an integer column is
 * an autoincrement (SERIAL); a quoted constant with a cast (`'abc'::text`) is a literal, its
 * quotes unescaped; anything else (`42`, `now()`, `(1 + 1)`) is SQL.
 * @example
 * catalogDefault("'it''s'::character varying", 'varchar') // => { serverDefault: { literal: "it's" } }
 */
export function catalogDefault(sql: string, typeName: string): CatalogDefault {
  if (INTEGER_TYPES.has(typeName) && NEXTVAL.test(sql)) return { autoincrement: true }
  const m = TYPED_LITERAL.exec(sql)
  if (m === null) return { serverDefault: { sql } }
  const text = (m[2] ?? '').replaceAll("''", "'")
  // E'…' appears only when standard_conforming_strings is off; backslashes are doubled there.
  return { serverDefault: { literal: m[1] === 'E' ? text.replaceAll('\\\\', '\\') : text } }
}
