/**
 * A light scan of SQL text written by the user (CHECK conditions, index expressions, partial
 * index predicates, computed columns) for the column names it mentions, so that the model can do
 * what PostgreSQL does with the parsed expression: drop what depends on a dropped column, and
 * follow a column rename. The scan skips string literals and comments, function names (a name
 * followed by `(`), qualifiers (a name followed by `.`) and type names after `::`. Bare names
 * match case-insensitively; quoted names (`"x"`, `` `x` ``, `[x]`) match exactly. It is a
 * heuristic: SQL is not parsed.
 */

interface NameToken {
  readonly start: number
  readonly end: number
  readonly name: string
  /** The opening quote, or undefined for a bare name. */
  readonly quote: '"' | '`' | '[' | undefined
}

const IDENT_START = /[A-Za-z_]/
const IDENT_PART = /[A-Za-z0-9_$]/
const NUMBER_PART = /[A-Za-z0-9_.$]/

/** The position after a quoted run that opened at `i` and closes with `close` (doubled: escaped). */
function skipQuoted(sql: string, i: number, close: string): number {
  let j = i + 1
  while (j < sql.length) {
    if (sql[j] === close) {
      if (sql[j + 1] === close) j += 2
      else return j + 1
    } else j++
  }
  return j
}

function nextNonSpace(sql: string, i: number): string | undefined {
  let j = i
  while (j < sql.length && /\s/.test(sql.charAt(j))) j++
  return sql[j]
}

function castBefore(sql: string, i: number): boolean {
  let j = i - 1
  while (j >= 0 && /\s/.test(sql.charAt(j))) j--
  return sql[j] === ':' && sql[j - 1] === ':'
}

/** Every name in `sql` that may be a column reference. */
function columnTokens(sql: string): NameToken[] {
  const out: NameToken[] = []
  let i = 0
  while (i < sql.length) {
    const ch = sql.charAt(i)
    if (ch === "'") {
      i = skipQuoted(sql, i, "'")
    } else if (ch === '-' && sql[i + 1] === '-') {
      const eol = sql.indexOf('\n', i)
      i = eol === -1 ? sql.length : eol + 1
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2)
      i = end === -1 ? sql.length : end + 2
    } else if (ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch
      const end = skipQuoted(sql, i, close)
      const inner = sql.slice(i + 1, end - 1).split(close + close).join(close)
      out.push({ start: i, end, name: inner, quote: ch })
      i = end
    } else if (IDENT_START.test(ch)) {
      let end = i + 1
      while (end < sql.length && IDENT_PART.test(sql.charAt(end))) end++
      out.push({ start: i, end, name: sql.slice(i, end), quote: undefined })
      i = end
    } else if (/[0-9]/.test(ch)) {
      i++
      while (i < sql.length && NUMBER_PART.test(sql.charAt(i))) i++
    } else {
      i++
    }
  }
  return out.filter((t) => sql[t.end] !== '.' && nextNonSpace(sql, t.end) !== '(' && !castBefore(sql, t.start))
}

function matches(token: NameToken, column: string): boolean {
  return token.quote === undefined ? token.name.toLowerCase() === column.toLowerCase() : token.name === column
}

/**
 * True when `sql` seems to mention the column `column`.
 * @example
 * sqlMentions("lower(email) <> ''", 'email') // => true
 * sqlMentions("'email' <> note", 'email') // => false
 */
export function sqlMentions(sql: string, column: string): boolean {
  return columnTokens(sql).some((t) => matches(t, column))
}

/**
 * `sql` with each mention of the column `from` renamed to `to`, in the quoting it was written
 * with. A bare mention stays bare when `to` is a plain lower-case name, and is otherwise written
 * in standard double quotes (MySQL reads those as identifiers only in `ANSI_QUOTES` mode).
 * @example
 * renameInSql("email LIKE '%@%'", 'email', 'mail') // => "mail LIKE '%@%'"
 */
export function renameInSql(sql: string, from: string, to: string): string {
  let out = ''
  let at = 0
  for (const t of columnTokens(sql)) {
    if (!matches(t, from)) continue
    out += sql.slice(at, t.start) + spell(t.quote, to)
    at = t.end
  }
  return at === 0 ? sql : out + sql.slice(at)
}

function spell(quote: NameToken['quote'], name: string): string {
  if (quote === undefined) return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.split('"').join('""')}"`
  const close = quote === '[' ? ']' : quote
  return `${quote}${name.split(close).join(close + close)}${close}`
}
