import { statement, type Statement } from '@athanor/dialect-kit'
import { mssqlQuote as q, mssqlUnicodeLiteral as n } from './quote.js'

/**
 * What a lookup block finds and drops: the column's default constraint, a CHECK constraint on
 * it, a foreign key using it, or a primary key / unique constraint using it.
 * @example
 * const kinds: LookupKind[] = ['default', 'check']
 * kinds.map((kind) => dropLookup(kind, 'account', undefined, 'email').sql.split('\n')[1])
 * // => ['select @const_name = QUOTENAME([name]) from sys.default_constraints', 'select @const_name = QUOTENAME([name]) from sys.check_constraints']
 */
export type LookupKind = 'default' | 'check' | 'foreignKey' | 'key'

/** The `from … where` of each kind; `%t` is the table (an N'…' literal), `%c` the column (likewise). */
const SOURCES: Readonly<Record<LookupKind, string>> = {
  default: `select @const_name = QUOTENAME([name]) from sys.default_constraints
where parent_object_id = object_id(%t)
and col_name(parent_object_id, parent_column_id) = %c`,
  check: `select @const_name = QUOTENAME([name]) from sys.check_constraints
where parent_object_id = object_id(%t)
and col_name(parent_object_id, parent_column_id) = %c`,
  foreignKey: `select @const_name = QUOTENAME([name]) from
sys.foreign_keys fk join sys.foreign_key_columns fkc
on fk.object_id=fkc.constraint_object_id
where fkc.parent_object_id = object_id(%t)
and col_name(fkc.parent_object_id, fkc.parent_column_id) = %c`,
  // Not in Alembic: used when a schema snapshot says an unnamed key uses the column.
  key: `select @const_name = QUOTENAME(kc.[name]) from
sys.key_constraints kc join sys.index_columns ic
on ic.object_id=kc.parent_object_id and ic.index_id=kc.unique_index_id
where kc.parent_object_id = object_id(%t)
and col_name(ic.object_id, ic.column_id) = %c`,
}

// Each source cut once at its placeholders (which stay in the list as `%t` and `%c`).
const PIECES: Readonly<Record<LookupKind, readonly string[]>> = {
  default: SOURCES.default.split(/(%[tc])/),
  check: SOURCES.check.split(/(%[tc])/),
  foreignKey: SOURCES.foreignKey.split(/(%[tc])/),
  key: SOURCES.key.split(/(%[tc])/),
}

/**
 * One statement (a T-SQL batch; its newlines are part of it) that finds the name of a constraint
 * the engine named itself and drops it (catalog §2.5, peers.md §4 rows 12–13):
 *
 * ```
 * declare @const_name nvarchar(258);
 * select @const_name = QUOTENAME([name]) from sys.default_constraints
 * where parent_object_id = object_id(N't')
 * and col_name(parent_object_id, parent_column_id) = N'c';
 * exec(N'alter table t drop constraint ' + @const_name)
 * ```
 *
 * Every name it pastes is escaped: the table goes into `object_id` as its quoted name inside an
 * `N'…'` literal, the column as an `N'…'` literal, the table in the dynamic `alter table` likewise,
 * and the constraint name found through `QUOTENAME`. When nothing is found `@const_name` is NULL
 * and so is the dynamic SQL, which `exec` runs as nothing. Like the reference, the table is named
 * with its schema only when the op has one (the engine resolves it as it resolves the `ALTER
 * TABLE` statements beside it), and one constraint of the kind is found.
 * @example
 * dropLookup('default', 't', undefined, 'c').sql.split('\n')[0] // => 'declare @const_name nvarchar(258);'
 */
export function dropLookup(kind: LookupKind, tableName: string, schema: string | undefined, columnName: string): Statement {
  const table = q.qualified(tableName, schema)
  // Differs from Alembic: its block pastes the raw names into '…' literals (a quote in a name
  // breaks it, or worse), keeps the name in varchar(256), which mangles non-ASCII names, and
  // ends no statement with `;` (T-SQL allows both; with them, the parsers read the block).
  // Filled piece by piece: a `$` or `%c` inside a name is not read as a pattern.
  const tableLiteral = n(table)
  const columnLiteral = n(columnName)
  let source = ''
  for (const piece of PIECES[kind]) source += piece === '%t' ? tableLiteral : piece === '%c' ? columnLiteral : piece
  return statement(`declare @const_name nvarchar(258);\n${source};\nexec(${n(`alter table ${table} drop constraint `)} + @const_name)`)
}
