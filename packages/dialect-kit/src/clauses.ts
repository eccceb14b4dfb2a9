import type { Deferrability, ForeignKeyOptions, IndexColumn } from '@athanor/ir'
import type { Quoter } from './quoting.js'

/**
 * `ALTER TABLE [schema.]table`
 * @example
 * import { postgresQuote } from '@athanor/dialect-postgres'
 * alterTable(postgresQuote, 'account', 'billing') // => 'ALTER TABLE billing.account'
 */
export function alterTable(quote: Quoter, tableName: string, schema?: string): string {
  return `ALTER TABLE ${quote.qualified(tableName, schema)}`
}

/**
 * `a, b, c` with each name quoted.
 * @example
 * import { postgresQuote } from '@athanor/dialect-postgres'
 * columnList(postgresQuote, ['id', 'Name']) // => 'id, "Name"'
 */
export function columnList(quote: Quoter, columns: readonly string[]): string {
  return appendColumnList('', quote, columns)
}

/**
 * {@link columnList} appended to `sql`, the statement so far (a statement grown piece by piece
 * costs less than one built from separate strings: see docs/dialect-authors.md §5).
 * @example
 * import { postgresQuote } from '@athanor/dialect-postgres'
 * appendColumnList('UNIQUE (', postgresQuote, ['id', 'Name']) + ')' // => 'UNIQUE (id, "Name")'
 */
export function appendColumnList(sql: string, quote: Quoter, columns: readonly string[]): string {
  let out = sql
  for (let i = 0; i < columns.length; i++) {
    if (i !== 0) out += ', '
    out += quote.ident(columns[i] as string)
  }
  return out
}

/**
 * An index column: a quoted name, or the `{ sql }` expression verbatim.
 * @example
 * import { postgresQuote } from '@athanor/dialect-postgres'
 * indexColumnSql(postgresQuote, { sql: 'lower(email)' }) // => 'lower(email)'
 */
export function indexColumnSql(quote: Quoter, column: IndexColumn): string {
  return typeof column === 'string' ? quote.ident(column) : column.sql
}

/**
 * ` DEFERRABLE` / ` NOT DEFERRABLE` then ` INITIALLY x`, as given (catalog §0.8).
 * @example
 * deferrabilityClause({ deferrable: true, initially: 'DEFERRED' }) // => ' DEFERRABLE INITIALLY DEFERRED'
 */
export function deferrabilityClause(c: Deferrability): string {
  let out = ''
  if (c.deferrable === true) out += ' DEFERRABLE'
  else if (c.deferrable === false) out += ' NOT DEFERRABLE'
  if (c.initially !== undefined) out += ` INITIALLY ${c.initially}`
  return out
}

/**
 * The tail of a foreign key after `REFERENCES t (cols)`: ` MATCH m ON DELETE a ON UPDATE a
 * DEFERRABLE INITIALLY x`, in the catalog's fixed order (§0.8). Actions are emitted as written.
 * @example
 * foreignKeyActions({ onDelete: 'CASCADE', onUpdate: 'RESTRICT' }) // => ' ON DELETE CASCADE ON UPDATE RESTRICT'
 */
export function foreignKeyActions(fk: ForeignKeyOptions, options: { readonly match?: boolean } = {}): string {
  let out = ''
  if (fk.match !== undefined && options.match !== false) out += ` MATCH ${fk.match}`
  if (fk.onDelete !== undefined) out += ` ON DELETE ${fk.onDelete}`
  if (fk.onUpdate !== undefined) out += ` ON UPDATE ${fk.onUpdate}`
  return out + deferrabilityClause(fk)
}

/**
 * `CONSTRAINT name ` when there is a name, else nothing.
 * @example
 * import { postgresQuote } from '@athanor/dialect-postgres'
 * constraintPrefix(postgresQuote, 'uq_email') // => 'CONSTRAINT uq_email '
 * constraintPrefix(postgresQuote, undefined) // => ''
 */
export function constraintPrefix(quote: Quoter, name: string | undefined): string {
  return name === undefined ? '' : `CONSTRAINT ${quote.ident(name)} `
}
