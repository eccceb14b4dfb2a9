import type { ColumnType, StringType } from '@athanor/ir'

/**
 * The text of a quoted literal as MySQL and MariaDB print them in information_schema (a column
 * default, an ENUM value): `''` is a quote, and backslash sequences are unescaped (`\\`, `\0`,
 * `\n`, `\r`, `\t`, `\Z`, `\b`, `\'`, `\"`), except `\%` and `\_`, which stay two characters.
 * @example
 * unescapeMysql("it''s a \\\\ b") // => "it's a \\ b"
 */
export function unescapeMysql(text: string): string {
  const ESCAPES: Readonly<Record<string, string>> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' }
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? ''
    if (ch === "'" && text[i + 1] === "'") {
      out += "'"
      i++
    } else if (ch === '\\' && i + 1 < text.length) {
      const next = text[++i] ?? ''
      out += next === '%' || next === '_' ? `\\${next}` : (ESCAPES[next] ?? next)
    } else {
      out += ch
    }
  }
  return out
}

/**
 * The values of `enum('a','b')` (or `set(…)`) as information_schema prints the type.
 * @example
 * enumValues("enum('happy','it''s')") // => ['happy', "it's"]
 */
export function enumValues(columnType: string): string[] {
  const values: string[] = []
  const re = /'((?:[^'\\]|''|\\.)*)'/gs
  for (const m of columnType.matchAll(re)) values.push(unescapeMysql(m[1] ?? ''))
  return values
}

const TYPE = /^([a-z]+)(?:\(([^)]*)\))?\s*(.*)$/s

/**
 * What information_schema says about a column's type.
 * @example
 * const email: CatalogType = { columnType: 'varchar(20)', collation: 'utf8mb4_bin' }
 * genericType(email) // => { name: 'varchar', length: 20, collation: 'utf8mb4_bin' }
 * genericType({ columnType: 'int unsigned' }) // => { name: 'raw', sql: 'int unsigned' }
 */
export interface CatalogType {
  /** `COLUMN_TYPE`: `int(11)`, `varchar(20)`, `decimal(10,2)`, `enum('a','b')`, … */
  readonly columnType: string
  /** The column's collation, when it differs from its table's. */
  readonly collation?: string
}

/**
 * MySQL and MariaDB types back to the IR's generic types: `int` → `integer`, `tinyint(1)` →
 * `boolean`, `varchar(n)`, `char(n)`, `text`, `decimal(p,s)` → `numeric`, `float`, `double`,
 * `date`, `datetime(p)`, `time(p)`, `json`, `blob` and `varbinary(n)` → `binary`, `enum(…)`.
 * Anything else (unsigned, `mediumtext`, `timestamp`, `year`, `set`, …) is `{ name: 'raw', sql }`
 * with the type as information_schema prints it, which MySQL reads back. A collation other than
 * the table's goes with a character type (`{ name: 'varchar', length: 20, collation }`) or into
 * the raw SQL.
 * @example
 * genericType({ columnType: 'decimal(10,2)' }) // => { name: 'numeric', precision: 10, scale: 2 }
 */
export function genericType(t: CatalogType): ColumnType {
  const collate = t.collation === undefined ? '' : ` COLLATE ${t.collation}`
  const raw: ColumnType = { name: 'raw', sql: `${t.columnType}${collate}` }
  const lower = t.columnType.trim().toLowerCase()
  if (lower.startsWith('enum(')) {
    const values = enumValues(t.columnType)
    return t.collation === undefined && values.length > 0 ? { name: 'enum', values } : raw
  }
  const m = TYPE.exec(lower)
  if (m === null || (m[3] ?? '') !== '') return raw
  const base = m[1] ?? ''
  const args = (m[2] ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '').map(Number)
  const [a, b] = args
  const withCollation = (type: StringType): ColumnType => (t.collation === undefined ? type : { ...type, collation: t.collation })
  switch (base) {
    case 'int':
    case 'integer':
      return 'integer'
    case 'smallint':
      return 'smallint'
    case 'bigint':
      return 'bigint'
    case 'tinyint':
      return a === 1 ? 'boolean' : raw
    case 'varchar':
      return a === undefined ? raw : withCollation({ name: 'varchar', length: a })
    case 'char':
      return withCollation(a === undefined || a === 1 ? { name: 'char' } : { name: 'char', length: a })
    case 'text':
      return withCollation({ name: 'text' })
    case 'decimal':
    case 'numeric':
      return a === undefined ? 'numeric' : { name: 'numeric', precision: a, ...(b === undefined || b === 0 ? {} : { scale: b }) }
    case 'float':
      return args.length === 0 ? 'float' : raw
    case 'double':
      return args.length === 0 ? 'double' : raw
    case 'date':
      return 'date'
    case 'datetime':
    case 'time':
      return a === undefined || a === 0 ? base : { name: base, precision: a }
    case 'json':
      return 'json'
    case 'blob':
      return 'binary'
    case 'varbinary':
      return a === undefined ? raw : { name: 'binary', length: a }
    default:
      return raw
  }
}
