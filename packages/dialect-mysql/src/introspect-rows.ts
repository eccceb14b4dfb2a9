// Readers of information_schema rows that accept what common drivers return for the same column:
// numbers as numbers, strings or bigints, text as strings or Buffers (mysql2 returns some
// information_schema columns as binary strings on MySQL 8), and column names in either case.

/** One row of a query result, by column name. */
export type Row = Readonly<Record<string, unknown>>

function raw(row: Row, key: string): unknown {
  if (key in row) return row[key]
  const upper = key.toUpperCase()
  if (upper in row) return row[upper]
  const lower = key.toLowerCase()
  return lower in row ? row[lower] : undefined
}

/** A text column; undefined for NULL. */
export function textOf(row: Row, key: string): string | undefined {
  const v = raw(row, key)
  if (v === null || v === undefined) return undefined
  if (typeof v === 'string') return v
  if (v instanceof Uint8Array) return new TextDecoder().decode(v)
  return String(v)
}

/** A text column that cannot be NULL. */
export function requiredText(row: Row, key: string): string {
  const v = textOf(row, key)
  if (v === undefined) throw new Error(`introspectMysql: column ${key} of the information_schema query is NULL; expected a value`)
  return v
}

/** An integer column; undefined for NULL. */
export function intOf(row: Row, key: string): number | undefined {
  const v = textOf(row, key)
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isInteger(n)) throw new Error(`introspectMysql: column ${key} of the information_schema query is ${JSON.stringify(v)}; expected an integer`)
  return n
}

/** Groups rows by their table name, keeping their order. */
export function byTable<T>(rows: readonly Row[], of: (row: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const name = requiredText(row, 'table_name')
    const list = out.get(name) ?? []
    list.push(of(row))
    out.set(name, list)
  }
  return out
}
