// Reading back the SQL text DuckDB keeps for tables and indexes (`duckdb_tables().sql`,
// `duckdb_indexes().sql`), which is how it reports generated columns and index columns.

/** The index of the `)` that closes the `(` at `open`, skipping quoted text; -1 when unbalanced. */
export function closingParen(sql: string, open: number): number {
  let depth = 0
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i]
    if (ch === "'" || ch === '"') {
      i = endOfQuoted(sql, i)
      continue
    }
    if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return i
  }
  return -1
}

/** The index of the closing quote of the quoted text starting at `start` (doubled quotes inside). */
function endOfQuoted(sql: string, start: number): number {
  const quote = sql[start]
  let i = start + 1
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2
      else return i
    } else i++
  }
  return sql.length
}

/**
 * Splits `sql` at the commas that are not inside parentheses or quotes, trimming each part.
 * @example
 * splitTopLevel("a, lower(b, 'x,y'), c") // => ['a', "lower(b, 'x,y')", 'c']
 */
export function splitTopLevel(sql: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]
    if (ch === "'" || ch === '"') i = endOfQuoted(sql, i)
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (ch === ',' && depth === 0) {
      parts.push(sql.slice(start, i).trim())
      start = i + 1
    }
  }
  const last = sql.slice(start).trim()
  if (last !== '') parts.push(last)
  return parts
}

/**
 * The name a definition starts with (`"Mixed Name" INTEGER …` → `Mixed Name`), and where it ends.
 * @example
 * leadingName('"a""b" INTEGER') // => { name: 'a"b', end: 6 }
 */
export function leadingName(sql: string): { readonly name: string; readonly end: number } | undefined {
  const text = sql.trimStart()
  const offset = sql.length - text.length
  if (text.startsWith('"')) {
    const end = endOfQuoted(text, 0)
    return { name: text.slice(1, end).replaceAll('""', '"'), end: offset + end + 1 }
  }
  const m = /^[^\s(),."]+/.exec(text)
  return m === null ? undefined : { name: m[0], end: offset + m[0].length }
}

/**
 * The column list of a `CREATE [UNIQUE] INDEX name ON table(…)` statement as DuckDB writes it: a
 * name for a plain column, the expression's text for anything else.
 * @example
 * indexItems('CREATE INDEX "Mixed Ix" ON b(code, (lower(code)));') // => ['code', { sql: '(lower(code))' }]
 */
export function indexItems(sql: string): (string | { readonly sql: string })[] {
  const on = /\sON\s/i.exec(sql)
  if (on === null) return []
  // Past the table name (one or more dotted, maybe quoted, parts), the list opens.
  let i = on.index + on[0].length
  for (;;) {
    const part = leadingName(sql.slice(i))
    if (part === undefined) break
    i += part.end
    if (sql[i] !== '.') break
    i++
  }
  const open = sql.indexOf('(', i)
  const close = open === -1 ? -1 : closingParen(sql, open)
  if (close === -1) return []
  return splitTopLevel(sql.slice(open + 1, close)).map((item) => {
    const name = leadingName(item)
    return name !== undefined && name.end === item.length ? name.name : { sql: item }
  })
}

/**
 * The generated columns of a `CREATE TABLE` statement as DuckDB writes it, with their
 * expressions: DuckDB reports a generated column's expression as its default, and says only here
 * that it is generated.
 * @example
 * generatedColumns('CREATE TABLE g(id INTEGER, d INTEGER GENERATED ALWAYS AS((id * 2)));') // => new Map([['d', '(id * 2)']])
 */
export function generatedColumns(sql: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>()
  const open = sql.indexOf('(', sql.search(/\sTABLE\s/i) + 1)
  const close = open === -1 ? -1 : closingParen(sql, open)
  if (close === -1) return out
  for (const item of splitTopLevel(sql.slice(open + 1, close))) {
    const name = leadingName(item)
    const m = /\bGENERATED\s+ALWAYS\s+AS\s*\(/i.exec(item)
    if (name === undefined || m === null) continue
    const start = m.index + m[0].length - 1
    const end = closingParen(item, start)
    if (end !== -1) out.set(name.name, item.slice(start + 1, end).trim())
  }
  return out
}
