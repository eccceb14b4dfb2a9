import { UnsupportedOperationError } from '@athanor/ir'
import { NOT_BARE, bareNameHash, reservedWordTest, type Quoter } from '@athanor/dialect-kit'
import { MARIADB_RESERVED, MYSQL_RESERVED } from './reserved.js'
import type { MysqlFlavour } from './target.js'

// Identifiers and string literals, the one audited path from names and strings to SQL text.
//
// String literals must read the same whatever the server's sql_mode says. In the default mode a
// backslash inside '…' starts an escape (`\\` is one backslash, `\0` is NUL); under
// NO_BACKSLASH_ESCAPES it is an ordinary character. Alembic doubles backslashes, which stores two
// of them under NO_BACKSLASH_ESCAPES (catalog §0.5). A doubled quote (`''`) means one quote in
// both modes, so a string without backslash or NUL is written plainly; one with either, when the
// mode is unknown, as a hex literal with a character set introducer (`_utf8mb4 X'615c62'`), which
// has no escapes at all. MySQL accepts only a quoted string after COMMENT, so a comment holding a
// backslash or NUL needs the mode to be known (the `noBackslashEscapes` option) and is refused
// otherwise.

/**
 * MySQL's longest table, column, index and constraint name, in characters.
 * @example
 * MAX_IDENTIFIER_LENGTH // => 64
 */
export const MAX_IDENTIFIER_LENGTH = 64

const encoder = new TextEncoder()

/** The UTF-8 bytes of a string as hex digits. */
function hexOf(value: string): string {
  let out = ''
  for (const byte of encoder.encode(value)) out += byte.toString(16).padStart(2, '0')
  return out
}

/** `'…'` with quotes doubled and, when backslashes are escapes, backslash, NUL and Ctrl-Z escaped. */
function quoted(value: string, backslashEscapes: boolean): string {
  return appendQuoted('', value, backslashEscapes)
}

/** {@link quoted} appended to `sql` (a statement grows piece by piece: see `appendColumnSpec`). */
function appendQuoted(sql: string, value: string, backslashEscapes: boolean): string {
  let text = value.includes("'") ? value.replaceAll("'", "''") : value
  if (backslashEscapes) text = text.replaceAll('\\', '\\\\').replaceAll('\0', '\\0').replaceAll('\x1a', '\\Z')
  let out = sql + "'"
  out += text
  return out + "'"
}

/**
 * A string literal where MySQL accepts any literal (values, defaults). `noBackslashEscapes`:
 * `false` escapes backslashes, `true` writes them as they are, absent writes a string holding a
 * backslash or NUL as `_utf8mb4 X'…'`, which reads the same in both modes.
 * @example
 * mysqlLiteral("it's") // => "'it''s'"
 * mysqlLiteral('a\\b') // => "_utf8mb4 X'615c62'"
 * mysqlLiteral('a\\b', false) // => "'a\\\\b'"
 */
export function mysqlLiteral(value: string, noBackslashEscapes?: boolean): string {
  return appendMysqlLiteral('', value, noBackslashEscapes)
}

/**
 * {@link mysqlLiteral} appended to `sql` (the statement so far).
 * @example
 * appendMysqlLiteral('DEFAULT ', "it's") // => "DEFAULT 'it''s'"
 */
export function appendMysqlLiteral(sql: string, value: string, noBackslashEscapes?: boolean): string {
  // A short value without quote, backslash, NUL or Ctrl-Z (a number, a word: most defaults) reads
  // the same in every mode as it is: one scan says so, where the general path searches four times.
  if (value.length <= 16 && isPlainText(value)) {
    const out = sql + "'"
    return out + value + "'"
  }
  if (noBackslashEscapes === false) return appendQuoted(sql, value, true)
  if (needsHex(value, noBackslashEscapes)) return `${sql}_utf8mb4 X'${hexOf(value)}'`
  return appendQuoted(sql, value, false)
}

/** True when `value` holds no quote, backslash, NUL or Ctrl-Z: nothing any mode escapes. */
function isPlainText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c === 0x27 || c === 0x5c || c === 0 || c === 0x1a) return false
  }
  return true
}

/** True when a string cannot be written as a plain `'…'` in the mode: NUL always, a backslash unless the mode is known to take it as is. */
function needsHex(value: string, noBackslashEscapes: boolean | undefined): boolean {
  return value.includes('\0') || (noBackslashEscapes !== true && value.includes('\\'))
}

/**
 * A value of an ENUM type: as {@link mysqlLiteral}, but MySQL takes no character set introducer
 * there, so the hex form is a bare `X'…'` (read in the column's character set).
 * @example
 * mysqlEnumValue('a\\b') // => "X'615c62'"
 */
export function mysqlEnumValue(value: string, noBackslashEscapes?: boolean): string {
  if (noBackslashEscapes === false) return quoted(value, true)
  if (needsHex(value, noBackslashEscapes)) return `X'${hexOf(value)}'`
  return quoted(value, false)
}

/**
 * A literal where MySQL accepts only a quoted string (`COMMENT '…'`, `COMMENT='…'`). A backslash
 * needs a known mode (`noBackslashEscapes` true or false); otherwise the text cannot be written
 * safely and is refused with `UNSUPPORTED_OPERATION` at `path`. So are NUL and characters outside
 * the Basic Multilingual Plane, which the server does not store as given.
 * @example
 * mysqlTextLiteral('a "b"', undefined, 'mysql', 'comment') // => `'a "b"'`
 */
export function mysqlTextLiteral(value: string, noBackslashEscapes: boolean | undefined, engine: string, path: string): string {
  if (/[\ud800-\udfff]/.test(value)) {
    // MySQL and MariaDB keep comments in utf8mb3 and store such a character as '?'.
    throw new UnsupportedOperationError({ engine, path, message: `${engine}: a comment cannot hold a character outside the Basic Multilingual Plane (the server stores it as '?')` })
  }
  if (value.includes('\0')) {
    // MariaDB 10.11 loses the character after a NUL in a table comment (it reads 'a\0b' back as 'a\0\0').
    throw new UnsupportedOperationError({ engine, path, message: `${engine}: a comment cannot hold a NUL character` })
  }
  if (noBackslashEscapes === false) return quoted(value, true)
  if (value.includes('\\') && noBackslashEscapes !== true) {
    throw new UnsupportedOperationError({
      engine,
      path,
      message: `${engine}: a comment holding a backslash reads differently with and without NO_BACKSLASH_ESCAPES; create the dialect with noBackslashEscapes true or false`,
    })
  }
  return quoted(value, false)
}

/**
 * What is wrong with a name for MySQL, or undefined: longer than 64 characters, ending with a
 * space (MySQL refuses those for tables and columns), holding a character outside the Basic
 * Multilingual Plane (refused in identifiers) or NUL.
 * @example
 * nameProblem('a'.repeat(65)) // => 'is longer than 64 characters, the limit of MySQL and MariaDB'
 */
export function nameProblem(name: string): string | undefined {
  if (isPlainName(name)) return undefined
  if (name.includes('\0')) return 'holds a NUL character'
  // UTF-16 length bounds the code-point count from above: only long names need the spread.
  if (name.length > MAX_IDENTIFIER_LENGTH && [...name].length > MAX_IDENTIFIER_LENGTH) return `is longer than ${MAX_IDENTIFIER_LENGTH} characters, the limit of MySQL and MariaDB`
  if (/[\ud800-\udfff]/.test(name)) return 'holds a character outside the Basic Multilingual Plane, which MySQL does not allow in names'
  if (name.endsWith(' ')) return 'ends with a space, which MySQL does not allow in names'
  return undefined
}

/** True for a name with none of the problems {@link nameProblem} looks for, found in one scan: almost every name. */
function isPlainName(name: string): boolean {
  const n = name.length
  if (n > MAX_IDENTIFIER_LENGTH || name.charCodeAt(n - 1) === 0x20) return false
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i)
    // NUL, or half of a character outside the Basic Multilingual Plane (0xd800 to 0xdfff).
    if (c === 0 || (c & 0xf800) === 0xd800) return false
  }
  return true
}

/**
 * Refuses a name MySQL would reject or silently change, with `UNSUPPORTED_OPERATION` at `path`.
 * @example
 * checkName('x'.repeat(65), 'mysql', 'tableName') // throws { code: 'UNSUPPORTED_OPERATION', path: 'tableName' }
 */
export function checkName(name: string, engine: string, path: string, kind?: string): void {
  const problem = nameProblem(name)
  if (problem === undefined) return
  const shown = name.length > 24 ? `${JSON.stringify(name.slice(0, 24))}…` : JSON.stringify(name)
  throw new UnsupportedOperationError({ ...(kind === undefined ? {} : { kind }), engine, path, message: `${engine}: the name ${shown} ${problem}` })
}

/**
 * An engine, character set or collation name, written bare as MySQL prints them (`InnoDB`,
 * `utf8mb4_bin`); anything but letters, digits and underscores is refused with
 * `UNSUPPORTED_OPERATION` at `path`.
 * @example
 * optionWord('InnoDB', 'mysqlEngine', 'createTable', mysqlTarget({ flavour: 'mysql' }, mysqlQuote)) // => 'InnoDB'
 */
export function optionWord(value: string, path: string, kind: string | undefined, target: { readonly name: string }): string {
  if (/^[A-Za-z0-9_]+$/.test(value)) return value
  throw new UnsupportedOperationError({ ...(kind === undefined ? {} : { kind }), engine: target.name, path, message: `${target.name}: ${JSON.stringify(value)} is not an engine, character set or collation name` })
}

/** `` `name` `` with each backtick inside doubled. */
function backticked(name: string): string {
  return `\`${name.includes('`') ? name.replaceAll('`', '``') : name}\``
}

/**
 * The quoter of a flavour: `` `name` `` with backticks doubled, quoting only when needed (a
 * reserved word of the flavour, upper case, a leading digit or `$`, other characters); names
 * MySQL rejects are refused (see {@link nameProblem}); literals as {@link mysqlLiteral}.
 * @example
 * createMysqlQuoter('mysql').ident('back`tick') // => '`back``tick`'
 */
export function createMysqlQuoter(flavour: MysqlFlavour, noBackslashEscapes?: boolean): Quoter {
  const isReserved = reservedWordTest(flavour === 'mariadb' ? MARIADB_RESERVED : MYSQL_RESERVED)
  const ident = (name: string, options?: { readonly force?: boolean }): string => {
    // Almost every name: one scan, and no check beyond it (a bare name of at most 64 characters
    // has none of the problems checkName looks for), most reserved words ruled out without a Set
    // lookup (see reservedWordTest).
    const hash = name.length <= MAX_IDENTIFIER_LENGTH ? bareNameHash(name) : NOT_BARE
    if (options === undefined && hash !== NOT_BARE) return isReserved(name, hash) ? `\`${name}\`` : name
    // Any other name may be one MySQL rejects (too long, NUL, …): refused with checkName's words.
    checkName(name, flavour, '')
    return options?.force !== true && hash !== NOT_BARE && !isReserved(name, hash) ? name : backticked(name)
  }
  return Object.freeze({
    ident,
    qualified: (name: string, schema?: string) => (schema === undefined ? ident(name) : `${ident(schema)}.${ident(name)}`),
    literal: (value: string) => mysqlLiteral(value, noBackslashEscapes),
  })
}

/**
 * The quoter of the `mysql` dialect (backslash mode unknown).
 * @example
 * mysqlQuote.ident('key') // => '`key`'
 */
export const mysqlQuote: Quoter = createMysqlQuoter('mysql')

/**
 * The quoter of the `mariadb` dialect (backslash mode unknown).
 * @example
 * mariadbQuote.ident('offset') // => '`offset`'
 */
export const mariadbQuote: Quoter = createMysqlQuoter('mariadb')
