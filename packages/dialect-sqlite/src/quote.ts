import { UnsupportedOperationError } from '@athanor/ir'
import { createQuoter, type Quoter } from '@athanor/dialect-kit'

/**
 * SQLite's reserved words (lower case), SQLAlchemy's list (catalog Appendix A): names among them are always quoted.
 * @example
 * SQLITE_RESERVED.has('index') // => true
 */
export const SQLITE_RESERVED: ReadonlySet<string> = new Set(
  ('add after all alter analyze and as asc attach autoincrement before begin between by cascade case cast check collate column ' +
    'commit conflict constraint create cross current_date current_time current_timestamp database default deferrable deferred ' +
    'delete desc detach distinct drop each else end escape except exclusive exists explain fail false for foreign from full glob ' +
    'group having if ignore immediate in index indexed initially inner insert instead intersect into is isnull join key left like ' +
    'limit match natural not notnull null of offset on or order outer plan pragma primary query raise references reindex rename ' +
    'replace restrict right rollback row select set table temp temporary then to transaction trigger true union unique update ' +
    'using vacuum values view virtual when where').split(' '),
)

/**
 * A SQLite string literal: quotes doubled; backslashes are ordinary characters in SQLite. NUL
 * would end the text in most clients and is refused.
 * @example
 * sqliteLiteral("it's") // => "'it''s'"
 */
export function sqliteLiteral(value: string): string {
  if (value.includes('\0')) {
    throw new UnsupportedOperationError({ engine: 'sqlite', path: '', message: 'sqlite: text written in SQL cannot contain a NUL character' })
  }
  // Most literals hold no quote: skip the replace for them.
  return value.includes("'") ? `'${value.replaceAll("'", "''")}'` : `'${value}'`
}

/**
 * The SQLite quoter: `"name"` with `""` doubling, quoting only when needed.
 * @example
 * sqliteQuote.ident('index') // => '"index"'
 * sqliteQuote.ident('user') // => 'user'
 */
export const sqliteQuote: Quoter = createQuoter({
  dialect: 'sqlite',
  open: '"',
  close: '"',
  reserved: SQLITE_RESERVED,
  literal: sqliteLiteral,
})
