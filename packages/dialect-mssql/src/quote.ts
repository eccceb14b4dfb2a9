import { createQuoter, type Quoter } from '@athanor/dialect-kit'

/**
 * SQL Server's reserved words (lower case), word for word the list of the catalog's Appendix A
 * (SQLAlchemy's, which is Microsoft's): names among them are always quoted.
 * @example
 * MSSQL_RESERVED.has('user') // => true
 */
export const MSSQL_RESERVED: ReadonlySet<string> = new Set(
  ('add all alter and any as asc authorization backup begin between break browse bulk by cascade case check checkpoint ' +
    'close clustered coalesce collate column commit compute constraint contains containstable continue convert create cross ' +
    'current current_date current_time current_timestamp current_user cursor database dbcc deallocate declare default delete ' +
    'deny desc disk distinct distributed double drop dump else end errlvl escape except exec execute exists exit external ' +
    'fetch file fillfactor for foreign freetext freetexttable from full function goto grant group having holdlock identity ' +
    'identity_insert identitycol if in index inner insert intersect into is join key kill left like lineno load merge ' +
    'national nocheck nonclustered not null nullif of off offsets on open opendatasource openquery openrowset openxml option ' +
    'or order outer over percent pivot plan precision primary print proc procedure public raiserror read readtext reconfigure ' +
    'references replication restore restrict return revert revoke right rollback rowcount rowguidcol rule save schema ' +
    'securityaudit select session_user set setuser shutdown some statistics system_user table tablesample textsize then to top ' +
    'tran transaction trigger truncate tsequal union unique unpivot update updatetext use user values varying view waitfor ' +
    'when where while with writetext').split(' '),
)

/** True when every character is printable ASCII, space to `~` (a loop: faster than a regex on short text). */
function isPrintableAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c < 0x20 || c > 0x7e) return false
  }
  return true
}

/**
 * A Unicode string literal, `N'…'` with `'` doubled: what extended-property comments and the
 * dynamic SQL of the lookup blocks use (names are `sysname`, which is Unicode).
 * @example
 * mssqlUnicodeLiteral("it's") // => "N'it''s'"
 */
export function mssqlUnicodeLiteral(value: string): string {
  return `N'${value.replaceAll("'", "''")}'`
}

/**
 * A SQL Server string literal: `'…'` with `'` doubled when every character is printable ASCII,
 * else `N'…'`, so that no character is lost to the database's code page. Backslashes are
 * ordinary characters in T-SQL and are not escaped.
 * @example
 * mssqlLiteral("it's") // => "'it''s'"
 * mssqlLiteral('café') // => "N'café'"
 */
export function mssqlLiteral(value: string): string {
  // Differs from Alembic, which writes N'…' only for Unicode-typed values: a plain '…' literal
  // holding characters outside the code page reaches an NVARCHAR column as '?'.
  if (!isPrintableAscii(value)) return mssqlUnicodeLiteral(value)
  // Most literals hold no quote: skip the replace for them.
  return value.includes("'") ? `'${value.replaceAll("'", "''")}'` : `'${value}'`
}

/**
 * The SQL Server quoter: `[name]` with `]` doubled (`]]`), quoting only when needed (reserved,
 * not all lower case, starting with a digit or `$`, or holding other characters); names longer
 * than 128 characters (the engine's limit) are refused. A schema is quoted as one name.
 * @example
 * mssqlQuote.ident('user') // => '[user]'
 * mssqlQuote.ident('a]b') // => '[a]]b]'
 * mssqlQuote.qualified('t', 'dbo') // => 'dbo.t'
 */
export const mssqlQuote: Quoter = createQuoter({
  dialect: 'mssql',
  open: '[',
  close: ']',
  reserved: MSSQL_RESERVED,
  maxIdentifierLength: 128,
  literal: mssqlLiteral,
})
