/**
 * Names, SQL text, comments and SQL keywords.
 */
import * as fc from 'fast-check'
import { memo } from './cache.js'
import type { ArbitraryOptions } from './options.js'

const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const DIGITS = '0123456789'

/**
 * A short lower-case identifier: a letter or `_`, then letters, digits and `_` (at most 12
 * characters). Valid unquoted on every engine unless it is a reserved word.
 * @example
 * import fc from 'fast-check'
 * fc.sample(arbIdentifier(), 3) // for instance ['a', 'x_9', 'eb']
 */
export function arbIdentifier(): fc.Arbitrary<string> {
  return memo('arbIdentifier', {}, () => {
    const first = fc.constantFrom(...`${LOWER}_`)
    const rest = fc.string({ unit: fc.constantFrom(...`${LOWER}${DIGITS}_`), maxLength: 11 })
    return fc.tuple(first, rest).map(([a, b]) => a + b)
  })
}

/**
 * Names an identifier quoter must get right; none is empty or holds NUL.
 * @example
 * import { postgresQuote } from '@athanor/dialect-postgres'
 * HOSTILE_NAMES.includes("O'Brien") // => true
 * HOSTILE_NAMES.filter((n) => n.length <= 63).every((n) => postgresQuote.ident(n) !== '') // => true
 */
export const HOSTILE_NAMES: readonly string[] = Object.freeze([
  'select', 'table', 'order', 'user', 'group', 'from', 'where', 'index', 'key', 'primary', 'check', 'default',
  'column', 'constraint', 'null', 'true', 'desc', 'limit', 'rowid', 'oid', 'SELECT', 'Order',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  'a b', ' leading', 'trailing ', ' ', 'O\'Brien', '\'', '\'\'', 'say "hi"', '"', '""', 'back`tick', '`', '[bracket]', 'br]acket',
  ']', 'semi;colon', 'dash--comment', '/*c*/', 'per%cent', '%s', ':bind', '?', '$1', 'back\\slash', '\\', 'new\nline',
  'tab\there', 'dotted.name', '123abc', '1', 'UPPER', 'MiXeD', 'é', 'Ünïcödé', '日本語', '🦊', 'e\u0301', '\u202Ertl',
  'zero\u200Bwidth', 'nbsp\u00A0', 'x'.repeat(70),
])

const HOSTILE_CHARS = [' ', '\'', '"', '`', '[', ']', ';', '-', '/', '*', '%', ':', '?', '$', '\\', '.', '(', ')', ',', '\n', '\t', 'é', '日', '🦊', 'A', 'a', '_', '0']

/**
 * A name that tests quoting: a reserved word, quotes of every engine, brackets, spaces,
 * unicode, a very long name, or a random mix of such characters. Never empty, never NUL.
 * @example
 * import fc from 'fast-check'
 * fc.sample(arbHostileName(), 3) // for instance ['say "hi"', '日本語', "'`;a"]
 */
export function arbHostileName(): fc.Arbitrary<string> {
  return memo('arbHostileName', {}, () =>
    fc.oneof(
      fc.constantFrom(...HOSTILE_NAMES),
      fc.string({ unit: fc.constantFrom(...HOSTILE_CHARS), minLength: 1, maxLength: 10 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => !s.includes('\0')),
    ),
  )
}

/**
 * A table, column, constraint, index or schema name: {@link arbIdentifier} by default, or
 * {@link arbHostileName} with `{ names: 'hostile' }`.
 * @example
 * arbName({ names: 'hostile' })
 */
export function arbName(options: ArbitraryOptions = {}): fc.Arbitrary<string> {
  return options.names === 'hostile' ? memo('arbName', { names: 'hostile' }, () => fc.oneof(arbIdentifier(), arbHostileName())) : arbIdentifier()
}

/**
 * A name usable as a key of an option map (`postgresqlOps`, `mysqlLength`, a `bulkInsert` row):
 * like {@link arbName}, but never `__proto__`, which `parse` refuses as a key.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbKeyName({ names: 'hostile' }), (key) => parseOp({ kind: 'dropTable', tableName: 't', info: { [key]: 1 } }).ok))
 */
export function arbKeyName(options: ArbitraryOptions = {}): fc.Arbitrary<string> {
  return memo('arbKeyName', { names: options.names }, () => arbName(options).filter((n) => n !== '__proto__'))
}

/**
 * Between `minLength` and `maxLength` distinct names: the columns of one table, say.
 * @example
 * import fc from 'fast-check'
 * const arbColumns = arbDistinctNames({ names: 'hostile' }, 1, 5).map((names) => names.map((name) => ({ name, type: 'text' as const })))
 * fc.assert(fc.property(arbColumns, (columns) => createTable({ tableName: 't', columns }).columns.length === columns.length))
 */
export function arbDistinctNames(options: ArbitraryOptions, minLength: number, maxLength: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(arbName(options), { minLength, maxLength })
}

const SQL_SNIPPETS = [
  'now()', 'CURRENT_TIMESTAMP', 'lower(email)', 'x > 0', 'price >= 0 AND price < 1000', "status IN ('a', 'b')",
  '1', 'NULL', "'it''s'", 'coalesce(a, b)', 'gen_random_uuid()', 'a + b', 'length(name) > 2',
]
const HOSTILE_SQL = [
  "'; DROP TABLE account; --", '/* comment */ 1', 'a -- trailing comment', ':name', '\\:escaped', '%(x)s', '$1', '?',
  '"quoted" = `ticks`', 'e\u0301 = \'日本\'', 'multi\nline', ' padded ',
]

/**
 * SQL text written on purpose (a check condition, a `{ sql }` default, an index expression,
 * `executeSql`): non-blank. Realistic snippets, hostile text (comments, bind-like tokens,
 * quotes) or a random string. Dialects pass it through verbatim, so it is not valid SQL.
 * @example
 * arbSqlText() // 'lower(email)', "'; DROP TABLE account; --", …
 */
export function arbSqlText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...SQL_SNIPPETS),
    fc.constantFrom(...HOSTILE_SQL),
    fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
  )
}

/**
 * A comment or string literal: any string, the empty one included, often with quotes.
 * @example
 * arbComment() // '', "O'Brien", 'plain words', …
 */
export function arbComment(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('', 'People who sign in', "O'Brien's", 'say "hi"', 'back\\slash', 'line\nbreak', '日本語 🦊', '%s :x ?'),
    fc.string({ maxLength: 20 }),
  )
}

/**
 * One of `values` (SQL keywords) in a random letter case with random extra whitespace, as
 * `parse` accepts them (`'set   null'`, `' Cascade '`).
 * @example
 * arbKeyword(['CASCADE', 'SET NULL'])
 */
export function arbKeyword(values: readonly string[]): fc.Arbitrary<string> {
  const word = fc.constantFrom(...values)
  return fc.oneof(
    { arbitrary: word, weight: 3 },
    {
      arbitrary: fc.tuple(word, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.constantFrom('', ' ', '\t'), fc.constantFrom(' ', '  ', '\t')).map(
        ([w, upper, pad, gap]) => {
          const cased = [...w].map((ch, i) => (upper[i % upper.length] === true ? ch.toUpperCase() : ch.toLowerCase())).join('')
          return pad + cased.split(' ').join(gap) + pad
        },
      ),
      weight: 1,
    },
  )
}
