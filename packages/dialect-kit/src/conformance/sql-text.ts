// Engines keep SQL text the user wrote (check conditions, index expressions, partial-index
// predicates, generated-column expressions, SQL defaults) in their own normalised spelling:
// PostgreSQL stores `a >= 0` as `(a >= 0)` and `lower(email)` on a VARCHAR as
// `lower((email)::text)`. The fingerprint forgets exactly those differences.

// Words that continue a type name after a cast (`::character varying`, `::timestamp with time zone`).
const TYPE_WORDS = new Set(['varying', 'precision', 'with', 'without', 'time', 'zone'])

/** Splits SQL into quoted parts (`'…'`, `"…"`, kept as they are) and the text between them. */
function segments(sql: string): { readonly text: string; readonly quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = []
  let i = 0
  while (i < sql.length) {
    const ch = sql[i]
    if (ch === "'" || ch === '"') {
      let j = i + 1
      for (;;) {
        const k = sql.indexOf(ch, j)
        if (k === -1) {
          j = sql.length
          break
        }
        if (sql[k + 1] === ch) {
          j = k + 2 // a doubled quote inside the quoted text
          continue
        }
        j = k + 1
        break
      }
      out.push({ text: sql.slice(i, j), quoted: true })
      i = j
    } else {
      let j = i
      while (j < sql.length && sql[j] !== "'" && sql[j] !== '"') j++
      out.push({ text: sql.slice(i, j), quoted: false })
      i = j
    }
  }
  return out
}

/** Removes `::type` casts from unquoted text (a quoted type name after `::` is the next segment). */
function dropCasts(text: string): string {
  return text.replace(/::\s*([a-z_][a-z0-9_]*)((?:\s+[a-z_]+)*)(\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(\s*\[\s*\])*/g, (_m, _first: string, more: string) => {
    // Keep words after the type that do not belong to it (`::text = x` keeps nothing extra, but
    // `::text and b` must keep `and b`).
    const words = more.trim() === '' ? [] : more.trim().split(/\s+/)
    let used = 0
    while (used < words.length && TYPE_WORDS.has(words[used] ?? '')) used++
    const rest = words.slice(used)
    return rest.length === 0 ? '' : ` ${rest.join(' ')}`
  })
}

/**
 * A fingerprint of SQL text, equal for two spellings an engine treats as the same: letter case
 * outside quotes, whitespace, parentheses, `::type` casts, the double quotes around names and the
 * spelling of not-equal (`<>` or `!=`) are ignored; text inside single quotes is kept as written.
 * @example
 * sqlFingerprint('(a >= 0)') === sqlFingerprint('a >= 0') // => true
 * sqlFingerprint('lower((email)::text)') === sqlFingerprint('LOWER(email)') // => true
 */
export function sqlFingerprint(sql: string): string {
  const parts = segments(sql.trim())
  let out = ''
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (part === undefined) continue
    if (part.quoted && part.text.startsWith("'")) {
      out += part.text
    } else if (part.quoted) {
      // A quoted name: its case matters, its quotes do not. A cast to a quoted type (`::"Mood"`) goes.
      if (out.endsWith('::')) out = out.slice(0, -2)
      else out += part.text.slice(1, -1).replaceAll('""', '"')
    } else {
      // `<>` and `!=` are one operator; DuckDB writes `!=` back for the `<>` it was given.
      out += dropCasts(part.text.toLowerCase()).replace(/[\s()]+/g, '').replaceAll('!=', '<>')
    }
  }
  return out
}
