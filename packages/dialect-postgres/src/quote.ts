import { UnsupportedOperationError } from '@athanor/ir'
import { createQuoter, type Quoter } from '@athanor/dialect-kit'

/**
 * PostgreSQL's reserved words (lower case): names among them are always quoted. SQLAlchemy's list
 * (catalog Appendix A) plus the words PostgreSQL 15 reserves that it lacks.
 * @example
 * POSTGRESQL_RESERVED.has('user') // => true
 */
export const POSTGRESQL_RESERVED: ReadonlySet<string> = new Set(
  ('all analyse analyze and any array as asc asymmetric authorization between binary both case cast check collate column ' +
    'constraint create cross current_catalog current_date current_role current_schema current_time current_timestamp ' +
    'current_user default deferrable desc distinct do else end except false fetch for foreign freeze from full grant group ' +
    'having ilike in initially inner intersect into is isnull join leading left like limit localtime localtimestamp natural ' +
    'new not notnull null of off offset old on only or order outer over overlaps placing primary references returning right ' +
    'select session_user similar some symmetric table then to trailing true union unique user using variadic verbose when ' +
    'where window with ' +
    // Differs from Alembic: these are reserved (or type/function-name-only) keywords in PostgreSQL
    // 15's pg_get_keywords() missing from SQLAlchemy's list; bare, they are syntax errors
    // (`CREATE TABLE lateral (…)`, `CREATE INDEX concurrently ON t (c)`).
    'collation concurrently lateral tablesample').split(' '),
)

/**
 * Keywords PostgreSQL accepts as table and column names but not as type names (its
 * `col_name_keyword` category, PostgreSQL 15): a bare `c int` or `c time` names the built-in
 * type, so an enum type with one of these names is always quoted.
 */
export const POSTGRESQL_TYPE_KEYWORDS: ReadonlySet<string> = new Set(
  ('between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping inout int integer ' +
    'interval least national nchar none normalize nullif numeric out overlay position precision real row setof smallint ' +
    'substring time timestamp treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces ' +
    'xmlparse xmlpi xmlroot xmlserialize xmltable').split(' '),
)

/**
 * A PostgreSQL string literal. Quotes are doubled; a string with a backslash becomes an `E'…'`
 * literal with the backslash doubled, which reads the same whatever `standard_conforming_strings`
 * says. NUL cannot be stored in PostgreSQL text and is refused.
 * @example
 * postgresLiteral("it's") // => "'it''s'"
 * postgresLiteral('a\\b') // => "E'a\\\\b'"
 */
export function postgresLiteral(value: string): string {
  if (value.includes('\0')) {
    throw new UnsupportedOperationError({ engine: 'postgresql', path: '', message: 'postgresql: text cannot contain a NUL character' })
  }
  const quoted = value.replaceAll("'", "''")
  // Differs from Alembic, which doubles backslashes inside a plain '…' literal: with
  // standard_conforming_strings on (the default since 9.1) that stores two backslashes.
  return value.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`
}

/**
 * The PostgreSQL quoter: `"name"` with `""` doubling, quoting only when needed; names longer than
 * 63 bytes (the engine would silently truncate them) are refused.
 * @example
 * postgresQuote.ident('user') // => '"user"'
 */
export const postgresQuote: Quoter = createQuoter({
  dialect: 'postgresql',
  open: '"',
  close: '"',
  reserved: POSTGRESQL_RESERVED,
  maxIdentifierBytes: 63,
  literal: postgresLiteral,
})
