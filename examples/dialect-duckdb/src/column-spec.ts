import { UnsupportedOperationError, isNullable, type Column, type ServerDefault } from '@athanor/ir'
import { duckdbQuote as q } from './quote.js'
import { duckdbType } from './types.js'

/**
 * `DEFAULT` text of a server default: a literal quoted, SQL verbatim.
 * @example
 * defaultSql({ literal: "it's" }) // => "'it''s'"
 * defaultSql({ sql: 'CURRENT_TIMESTAMP' }) // => 'CURRENT_TIMESTAMP'
 */
export function defaultSql(value: ServerDefault): string {
  return 'literal' in value ? q.literal(value.literal) : value.sql
}

/**
 * Refuses what a DuckDB column cannot be: an identity column (DuckDB numbers rows with
 * sequences, not identity columns), an `autoincrement` column, a STORED generated column (DuckDB
 * computes generated columns when read). `path` is the column's path in the op.
 */
export function refuseColumn(column: Column, path: string): void {
  if (column.identity !== undefined) {
    throw new UnsupportedOperationError({ engine: 'duckdb', path: `${path}.identity`, message: 'duckdb has no identity columns; use a sequence default ({ sql: "nextval(\'seq\')" }) instead' })
  }
  if (column.autoincrement === true) {
    throw new UnsupportedOperationError({ engine: 'duckdb', path: `${path}.autoincrement`, message: 'duckdb has no auto-increment columns; use a sequence default ({ sql: "nextval(\'seq\')" }) instead' })
  }
  if (column.computed?.persisted === true) {
    throw new UnsupportedOperationError({ engine: 'duckdb', path: `${path}.computed.persisted`, message: 'duckdb computes generated columns when they are read (VIRTUAL); it cannot store them' })
  }
}

/**
 * `name TYPE [DEFAULT d] [GENERATED ALWAYS AS (e) VIRTUAL] [NOT NULL]`. With `notNull: false` the
 * NOT NULL is left out whatever the column says (`ADD COLUMN` cannot carry it; the caller sets it
 * afterwards). What DuckDB cannot store is refused (see {@link refuseColumn}).
 * @example
 * columnSpec({ name: 'n', type: 'integer', nullable: false, serverDefault: { literal: '0' } }) // => "n INTEGER DEFAULT '0' NOT NULL"
 */
export function columnSpec(column: Column, options: { readonly path?: string; readonly notNull?: boolean } = {}): string {
  const path = options.path ?? 'column'
  refuseColumn(column, path)
  let out = `${q.ident(column.name)} ${duckdbType(column.type, `${path}.type`)}`
  if (column.serverDefault !== undefined) out += ` DEFAULT ${defaultSql(column.serverDefault)}`
  if (column.computed !== undefined) out += ` GENERATED ALWAYS AS (${column.computed.sqltext}) VIRTUAL`
  if (options.notNull ?? !isNullable(column)) out += ' NOT NULL'
  return out
}
