/**
 * A small T-SQL tokenizer and the rewrites ("surrogates") the parse property uses for the
 * constructs that neither parser reads: each rewrite keeps every name, type and value of the
 * statement and changes only the construct sqlparser-ts lacks, so that sqlparser-ts (which reads
 * every bracketed name) can still judge the rest. See `KNOWN_GAPS` in parse.test.ts for why.
 */

/** A token: a bracketed name, a string literal (with its N), a word, or one other character. */
export type Token = string

/** Splits T-SQL into tokens, skipping whitespace; `]]` and `''` stay inside their token. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < sql.length) {
    const ch = sql[i] ?? ''
    if (/\s/.test(ch)) {
      i++
    } else if (ch === '[' || ch === "'" || ((ch === 'N' || ch === 'n') && sql[i + 1] === "'")) {
      const close = ch === '[' ? ']' : "'"
      let j = ch === '[' || ch === "'" ? i + 1 : i + 2
      for (;;) {
        const k = sql.indexOf(close, j)
        if (k === -1) throw new Error(`unterminated ${close} in ${sql}`)
        if (sql[k + 1] === close) j = k + 2
        else {
          j = k + 1
          break
        }
      }
      out.push(sql.slice(i, j))
      i = j
    } else if (/[A-Za-z0-9_@#$]/.test(ch)) {
      let j = i
      while (j < sql.length && /[A-Za-z0-9_@#$]/.test(sql[j] ?? '')) j++
      out.push(sql.slice(i, j))
      i = j
    } else if ('<>!'.includes(ch) && (sql[i + 1] === '=' || (ch === '<' && sql[i + 1] === '>'))) {
      out.push(sql.slice(i, i + 2))
      i += 2
    } else {
      out.push(ch)
      i++
    }
  }
  return out
}

const is = (t: Token | undefined, word: string): boolean => t !== undefined && t.toUpperCase() === word

/** The index of the token closing the parenthesis at `open`. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i] === '(') depth++
    else if (tokens[i] === ')' && --depth === 0) return i
  }
  return -1
}

/** A rewrite of one statement for sqlparser-ts, or `undefined` when the construct is not in it. */
export type Surrogate = (tokens: readonly Token[]) => Token[][] | undefined

/** `CREATE [UNIQUE] CLUSTERED|NONCLUSTERED INDEX …` without the CLUSTERED word. */
export const withoutClustered: Surrogate = (t) => {
  if (!is(t[0], 'CREATE')) return undefined
  const at = t.findIndex((x, i) => i <= 2 && (is(x, 'CLUSTERED') || is(x, 'NONCLUSTERED')))
  return at === -1 ? undefined : [[...t.slice(0, at), ...t.slice(at + 1)]]
}

/** `ALTER TABLE t ALTER COLUMN c TYPE [COLLATE x] [NOT] NULL` → `… ALTER COLUMN c SET DATA TYPE TYPE`. */
export const ansiAlterColumn: Surrogate = (t) => {
  const at = t.findIndex((x, i) => i > 1 && is(x, 'ALTER') && is(t[i + 1], 'COLUMN'))
  if (!is(t[0], 'ALTER') || at === -1) return undefined
  let end = t.length
  if (is(t[end - 1], 'NULL')) end -= is(t[end - 2], 'NOT') ? 2 : 1
  if (is(t[end - 2], 'COLLATE')) end -= 2
  return [[...t.slice(0, at + 3), 'SET', 'DATA', 'TYPE', ...t.slice(at + 3, end)]]
}

/** `ALTER TABLE t ADD DEFAULT d FOR c` → `ALTER TABLE t ALTER COLUMN c SET DEFAULT d`. */
export const ansiAddDefault: Surrogate = (t) => {
  const at = t.findIndex((x, i) => is(x, 'ADD') && is(t[i + 1], 'DEFAULT'))
  if (!is(t[0], 'ALTER') || at === -1 || !is(t[t.length - 2], 'FOR')) return undefined
  return [[...t.slice(0, at), 'ALTER', 'COLUMN', t[t.length - 1] ?? '', 'SET', 'DEFAULT', ...t.slice(at + 2, t.length - 2)]]
}

/**
 * A computed column `c AS (e) [PERSISTED]` → `c INT`, and the expression on its own as
 * `SELECT (e)`; every computed column of the statement.
 */
export const computedAsTyped: Surrogate = (t) => {
  const out: Token[] = []
  const expressions: Token[][] = []
  for (let i = 0; i < t.length; i++) {
    if (is(t[i], 'AS') && t[i + 1] === '(') {
      const end = closing(t, i + 1)
      expressions.push(['SELECT', ...t.slice(i + 1, end + 1)])
      out.push('INT')
      i = is(t[end + 1], 'PERSISTED') ? end + 1 : end
    } else {
      out.push(t[i] ?? '')
    }
  }
  return expressions.length === 0 ? undefined : [out, ...expressions]
}

/** Joins tokens back into SQL text. */
export const untokenize = (tokens: readonly Token[]): string => tokens.join(' ')
