import { createQuoter, type Quoter } from '@athanor/dialect-kit'
import { UnsupportedOperationError } from '@athanor/ir'

/**
 * DuckDB's keywords that cannot stand as a bare name everywhere (lower case): the categories
 * `reserved`, `type_function` and `column_name` of `duckdb_keywords()` in DuckDB 1.5. Names among
 * them are always quoted.
 * @example
 * DUCKDB_RESERVED.has('order') // => true
 */
export const DUCKDB_RESERVED: ReadonlySet<string> = new Set(
  (
    // reserved
    'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default deferrable ' +
    'desc describe distinct do else end except false fetch for foreign from group having in initially intersect into lambda lateral ' +
    'leading limit not null offset on only or order pivot pivot_longer pivot_wider placing primary qualify references returning select ' +
    'show some summarize symmetric table then to trailing true union unique unpivot using variadic when where window with ' +
    // type_function
    'anti asof at authorization binary by collation columns concurrently cross freeze full generated glob ilike inner is isnull join ' +
    'left like map natural notnull outer overlaps positional right semi similar struct tablesample try_cast unpack verbose ' +
    // column_name
    'between bigint bit boolean char character coalesce dec decimal exists extract float grouping grouping_id inout int integer ' +
    'interval national nchar none nullif numeric out overlay position precision real row setof smallint substring time timestamp ' +
    'treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot ' +
    'xmlserialize xmltable'
  ).split(' '),
)

/**
 * A DuckDB string literal: quotes doubled; a backslash is an ordinary character (DuckDB reads
 * `'a\b'` as three characters). NUL is refused: it would end the text in most clients.
 * @example
 * duckdbLiteral("it's") // => "'it''s'"
 */
export function duckdbLiteral(value: string): string {
  if (value.includes('\0')) {
    throw new UnsupportedOperationError({ engine: 'duckdb', path: '', message: 'duckdb: text written in SQL cannot contain a NUL character' })
  }
  return `'${value.replaceAll("'", "''")}'`
}

/**
 * The DuckDB quoter: `"name"` with `""` doubling, only where a name needs it (upper case,
 * spaces, keywords, …). DuckDB has no limit on the length of a name.
 * @example
 * duckdbQuote.ident('order') // => '"order"'
 * duckdbQuote.ident('account') // => 'account'
 */
export const duckdbQuote: Quoter = createQuoter({
  dialect: 'duckdb',
  open: '"',
  close: '"',
  reserved: DUCKDB_RESERVED,
  literal: duckdbLiteral,
})
