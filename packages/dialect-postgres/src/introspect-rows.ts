// Readers of catalog rows that accept what common drivers return for the same column: booleans
// as `true` or `'t'`, numbers as numbers or strings, JSON as text or already parsed.

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
  if (v === undefined) throw new Error(`introspectPostgres: column ${key} of the catalog query is NULL; expected a value`)
  return v
}

/** An integer column. */
export function intOf(row: Row, key: string): number {
  const v = Number(row[key])
  if (!Number.isInteger(v)) throw new Error(`introspectPostgres: column ${key} of the catalog query is ${JSON.stringify(row[key])}; expected an integer`)
  return v
}

/** A boolean column (NULL is false). */
export function flagOf(row: Row, key: string): boolean {
  const v = row[key]
  return v === true || v === 't' || v === 'true' || v === 1 || v === '1'
}

/** A JSON column (sent as text by the queries); undefined for NULL. */
export function jsonOf(row: Row, key: string): unknown {
  const v = row[key]
  if (v === null || v === undefined) return undefined
  return typeof v === 'string' ? (JSON.parse(v) as unknown) : v
}

/** A JSON list of strings; empty for NULL. */
export function namesOf(row: Row, key: string): readonly string[] {
  const v = jsonOf(row, key)
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

/** `["fillfactor=70", "autovacuum_enabled=false"]` → `{ fillfactor: 70, autovacuum_enabled: false }`. */
export function optionsOf(row: Row, key: string): Readonly<Record<string, string | number | boolean>> | undefined {
  const entries = namesOf(row, key)
  if (entries.length === 0) return undefined
  const out: Record<string, string | number | boolean> = {}
  for (const entry of entries) {
    const at = entry.indexOf('=')
    const name = at === -1 ? entry : entry.slice(0, at)
    const value = at === -1 ? '' : entry.slice(at + 1)
    out[name] = value === 'true' ? true : value === 'false' ? false : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
  }
  return out
}
