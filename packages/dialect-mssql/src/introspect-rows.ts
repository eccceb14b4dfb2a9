// Readers of catalog rows that accept what SQL Server drivers return for the same column: bits
// as `true` or `1`, numbers as numbers or (bigint) strings.

/** One row of a query result, by column name. */
export type Row = Readonly<Record<string, unknown>>

/** A text column; undefined for NULL. */
export function textOf(row: Row, key: string): string | undefined {
  const v = row[key]
  if (v === null || v === undefined) return undefined
  return typeof v === 'string' ? v : String(v)
}

/** A text column that cannot be NULL. */
export function requiredText(row: Row, key: string): string {
  const v = textOf(row, key)
  if (v === undefined) throw new Error(`introspectMssql: column ${key} of the catalog query is NULL; expected a value`)
  return v
}

/** An integer column; undefined for NULL. */
export function intOf(row: Row, key: string): number | undefined {
  const v = row[key]
  if (v === null || v === undefined) return undefined
  const n = Number(v)
  if (!Number.isInteger(n)) throw new Error(`introspectMssql: column ${key} of the catalog query is ${JSON.stringify(v)}; expected an integer`)
  return n
}

/** A bit column (NULL is false). */
export function flagOf(row: Row, key: string): boolean {
  const v = row[key]
  return v === true || v === 1 || v === '1' || v === 'true'
}

/**
 * The expression without the parentheses SQL Server puts around defaults, checks and filters:
 * `((0))` → `0`, `([a]>(1))` → `[a]>(1)`, while `(a) AND (b)` stays as it is.
 * @example
 * unwrapParens("(('x'))") // => "'x'"
 */
export function unwrapParens(sql: string): string {
  let s = sql.trim()
  while (s.startsWith('(') && closingParen(s) === s.length - 1) s = s.slice(1, -1).trim()
  return s
}

/** The position of the parenthesis closing the first one, skipping quoted text and brackets; -1 if none. */
function closingParen(s: string): number {
  let depth = 0
  let quote: string | undefined
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (quote !== undefined) {
      if (ch === quote) quote = undefined
    } else if (ch === "'") {
      quote = "'"
    } else if (ch === '[') {
      quote = ']'
    } else if (ch === '(') {
      depth++
    } else if (ch === ')' && --depth === 0) {
      return i
    }
  }
  return -1
}

/** Groups rows by `table_id`, keeping their order. */
export function byTable<T>(rows: readonly Row[], of: (rows: readonly Row[]) => T[], key = 'table_id'): Map<string, T[]> {
  const grouped = new Map<string, Row[]>()
  for (const row of rows) {
    const id = requiredText(row, key)
    const list = grouped.get(id) ?? []
    list.push(row)
    grouped.set(id, list)
  }
  return new Map([...grouped].map(([id, list]) => [id, of(list)]))
}

/** Consecutive rows with the same `key` (the columns of one constraint or index), in order. */
export function groupsOf(rows: readonly Row[], key: string): Row[][] {
  const out: Row[][] = []
  for (const row of rows) {
    const last = out[out.length - 1]
    if (last !== undefined && textOf(last[0] ?? {}, key) === textOf(row, key)) last.push(row)
    else out.push([row])
  }
  return out
}
