/**
 * A small reader of the `CREATE TABLE` / `CREATE INDEX` text SQLite keeps in `sqlite_master`,
 * for what its pragmas do not report: constraint names, CHECK conditions, generated-column
 * expressions, collations, `DEFERRABLE`, `ON CONFLICT`, table options, index expressions and
 * partial-index predicates. SQLite stores the text as written, so a tokenizer suffices.
 */

/** One token: a word or identifier (`value` unquoted), a string, a number, or a punctuation character. */
export interface Token {
  readonly kind: 'name' | 'string' | 'number' | 'punct'
  readonly value: string
  /** The token was a quoted identifier (`"x"`, `` `x` ``, `[x]`). */
  readonly quoted: boolean
  readonly start: number
  readonly end: number
}

function closingQuote(sql: string, i: number, close: string): number {
  let j = i + 1
  while (j < sql.length) {
    if (sql[j] === close) {
      if (close !== ']' && sql[j + 1] === close) j += 2
      else return j + 1
    } else j++
  }
  return j
}

/** Splits SQL text into tokens, skipping spaces and comments. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < sql.length) {
    const ch = sql.charAt(i)
    if (/\s/.test(ch)) {
      i++
    } else if (ch === '-' && sql[i + 1] === '-') {
      const eol = sql.indexOf('\n', i)
      i = eol === -1 ? sql.length : eol + 1
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2)
      i = end === -1 ? sql.length : end + 2
    } else if (ch === "'") {
      const end = closingQuote(sql, i, "'")
      out.push({ kind: 'string', value: sql.slice(i + 1, end - 1).replaceAll("''", "'"), quoted: false, start: i, end })
      i = end
    } else if (ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch
      const end = closingQuote(sql, i, close)
      const inner = sql.slice(i + 1, end - 1)
      out.push({ kind: 'name', value: close === ']' ? inner : inner.replaceAll(close + close, close), quoted: true, start: i, end })
      i = end
    } else if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
      let end = i + 1
      while (end < sql.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql.charAt(end))) end++
      out.push({ kind: 'name', value: sql.slice(i, end), quoted: false, start: i, end })
      i = end
    } else if (/[0-9.]/.test(ch) && /[0-9]/.test(sql.charAt(ch === '.' ? i + 1 : i))) {
      let end = i + 1
      while (end < sql.length && /[0-9A-Za-z_.]/.test(sql.charAt(end))) end++
      out.push({ kind: 'number', value: sql.slice(i, end), quoted: false, start: i, end })
      i = end
    } else {
      out.push({ kind: 'punct', value: ch, quoted: false, start: i, end: i + 1 })
      i++
    }
  }
  return out
}

/** True when the token is the bare keyword `word` (any letter case). */
export function isWord(t: Token | undefined, word: string): boolean {
  return t !== undefined && t.kind === 'name' && !t.quoted && t.value.toUpperCase() === word
}

/** The position of the parenthesis that closes the one at `open`. */
export function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    const v = tokens[i]
    if (v?.kind !== 'punct') continue
    if (v.value === '(') depth++
    else if (v.value === ')' && --depth === 0) return i
  }
  return tokens.length - 1
}

/** The items of a parenthesised list: token ranges `[from, to)` between top-level commas, for the list opening at `open`. */
export function listItems(tokens: readonly Token[], open: number): { readonly items: [number, number][]; readonly close: number } {
  const close = closingParen(tokens, open)
  const items: [number, number][] = []
  let from = open + 1
  let depth = 0
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i]
    if (t?.kind !== 'punct') continue
    if (t.value === '(') depth++
    else if (t.value === ')') depth--
    else if (t.value === ',' && depth === 0) {
      items.push([from, i])
      from = i + 1
    }
  }
  if (from < close) items.push([from, close])
  return { items, close }
}

/** The SQL text of tokens `[from, to)`, as written. */
export function textOf(sql: string, tokens: readonly Token[], from: number, to: number): string {
  const a = tokens[from]
  const b = tokens[to - 1]
  return a === undefined || b === undefined || to <= from ? '' : sql.slice(a.start, b.end)
}

/** The text inside the parentheses opening at token `open`. */
export function parenthesised(sql: string, tokens: readonly Token[], open: number): { readonly text: string; readonly close: number } {
  const close = closingParen(tokens, open)
  return { text: textOf(sql, tokens, open + 1, close), close }
}

/** Names listed in parentheses at `open` (`(a, "b c")`), each item's first token. */
export function namesIn(tokens: readonly Token[], open: number): { readonly names: string[]; readonly close: number } {
  const { items, close } = listItems(tokens, open)
  return { names: items.map(([from]) => tokens[from]?.value ?? ''), close }
}
