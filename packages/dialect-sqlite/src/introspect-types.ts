import type { ColumnType, ServerDefault } from '@athanor/ir'
import { tokenize } from './introspect-sql.js'

const PLAIN: Readonly<Record<string, ColumnType>> = {
  INTEGER: 'integer',
  INT: 'integer',
  SMALLINT: 'smallint',
  BIGINT: 'bigint',
  TEXT: 'text',
  BOOLEAN: 'boolean',
  FLOAT: 'float',
  DOUBLE: 'double',
  'DOUBLE PRECISION': 'double',
  REAL: 'double',
  DATE: 'date',
  DATETIME: 'datetime',
  TIMESTAMP: 'datetime',
  TIME: 'time',
  INTERVAL: 'interval',
  JSON: 'json',
  BLOB: 'binary',
}

/**
 * The generic type of a declared SQLite column type, as the dialect spells them (`VARCHAR(20)`
 * → `{ name: 'varchar', length: 20 }`); anything else, an empty type included, is
 * `{ name: 'raw', sql }`. `collation` comes from the column's `COLLATE` clause.
 * @example
 * sqliteTypeOf('NUMERIC(10, 2)') // => { name: 'numeric', precision: 10, scale: 2 }
 */
export function sqliteTypeOf(declared: string, collation?: string): ColumnType {
  const text = declared.trim().replace(/\s+/g, ' ').toUpperCase()
  const withCollation = (t: ColumnType): ColumnType => {
    if (collation === undefined) return t
    const o = typeof t === 'string' ? { name: t } : t
    return o.name === 'varchar' || o.name === 'nvarchar' || o.name === 'char' || o.name === 'text' ? { ...o, collation } : t
  }
  const plain = PLAIN[text]
  if (plain !== undefined) return withCollation(plain)
  const sized = /^(VARCHAR|NVARCHAR|CHAR)(?:\((\d+)\))?$/.exec(text)
  if (sized !== null) {
    const name = (sized[1] ?? '').toLowerCase() as 'varchar' | 'nvarchar' | 'char'
    return withCollation(sized[2] === undefined ? (name === 'char' ? { name } : name) : { name, length: Number(sized[2]) })
  }
  const numeric = /^NUMERIC(?:\((\d+)(?:, ?(\d+))?\))?$/.exec(text)
  if (numeric !== null) {
    if (numeric[1] === undefined) return 'numeric'
    return { name: 'numeric', precision: Number(numeric[1]), ...(numeric[2] === undefined ? {} : { scale: Number(numeric[2]) }) }
  }
  return { name: 'raw', sql: declared.trim() }
}

/**
 * A column default as `pragma_table_xinfo` reports it (the text written after DEFAULT): a
 * single quoted string is `{ literal }`, anything else `{ sql }` (parentheses around an
 * expression removed, as the dialect adds them back).
 * @example
 * sqliteDefaultOf("'it''s'") // => { literal: "it's" }
 * sqliteDefaultOf('CURRENT_TIMESTAMP') // => { sql: 'CURRENT_TIMESTAMP' }
 */
export function sqliteDefaultOf(text: string): ServerDefault {
  const t = text.trim()
  const tokens = tokenize(t)
  const only = tokens[0]
  if (tokens.length === 1 && only?.kind === 'string' && only.start === 0 && only.end === t.length) return { literal: only.value }
  if (t.startsWith('(') && t.endsWith(')')) {
    // Only when the outer parentheses enclose the whole text: `(a) + (b)` keeps them.
    let depth = 0
    let whole = true
    for (let i = 0; i < tokens.length; i++) {
      const v = tokens[i]
      if (v?.kind !== 'punct') continue
      if (v.value === '(') depth++
      else if (v.value === ')' && --depth === 0 && i !== tokens.length - 1) whole = false
    }
    if (whole) return { sql: t.slice(1, -1).trim() }
  }
  return { sql: t }
}
