import type { ColumnModel, ColumnType, ServerDefault } from '@athanor/ir'
import { genericType, unescapeMysql } from './introspect-types.js'
import { requiredText, textOf, type Row } from './introspect-rows.js'

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const NUMERIC_TYPES = new Set(['integer', 'smallint', 'bigint', 'boolean', 'numeric', 'float', 'double'])

function typeName(type: ColumnType): string {
  return typeof type === 'string' ? type : type.name
}

/**
 * A column default as information_schema prints it, for a column of `type`. MariaDB (10.2.7+)
 * prints a literal quoted and escaped (`'it''s'`), `NULL` for no default, and an expression as it
 * is (`current_timestamp()`); a bare number on a numeric column is a literal. MySQL 8 prints a
 * literal's text as it is and marks expressions `DEFAULT_GENERATED` in EXTRA.
 * @example
 * catalogDefault("'it''s'", 'varchar', '', true) // => { literal: "it's" }
 */
export function catalogDefault(text: string | undefined, type: ColumnType, extra: string, mariadb: boolean): ServerDefault | undefined {
  if (text === undefined) return undefined
  if (mariadb) {
    if (text === 'NULL') return undefined
    if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return { literal: unescapeMysql(text.slice(1, -1)) }
    if (NUMBER.test(text) && NUMERIC_TYPES.has(typeName(type))) return { literal: text }
    return { sql: text }
  }
  return /DEFAULT_GENERATED/i.test(extra) ? { sql: text } : { literal: text }
}

/** What the column's table says, for reading its columns. */
export interface ColumnContext {
  /** The table's collation: a column with another one keeps it in its type. */
  readonly tableCollation: string | undefined
  readonly mariadb: boolean
  /** MariaDB's JSON columns: LONGTEXT with a `json_valid` check of their own. */
  readonly jsonColumns: ReadonlySet<string>
}

/**
 * A column of information_schema as the schema model keeps it: generic type, nullability,
 * default, `autoincrement: true` for AUTO_INCREMENT, `mysqlOnUpdate`, a generated column's
 * expression and kind, the comment (an empty one is none).
 * @example
 * const context: ColumnContext = { tableCollation: undefined, mariadb: false, jsonColumns: new Set() }
 * columnOfRow({ name: 'id', column_type: 'int(11)', is_nullable: 'NO', column_default: null, extra: 'auto_increment', comment: '' }, context)
 * // => { name: 'id', type: 'integer', nullable: false, autoincrement: true }
 */
export function columnOfRow(row: Row, context: ColumnContext): ColumnModel {
  const name = requiredText(row, 'name')
  const collation = textOf(row, 'collation')
  const type: ColumnType = context.jsonColumns.has(name)
    ? 'json'
    : genericType({ columnType: requiredText(row, 'column_type'), ...(collation === undefined || collation === context.tableCollation ? {} : { collation }) })
  const extra = textOf(row, 'extra') ?? ''
  const generated = /\b(VIRTUAL|STORED|PERSISTENT) GENERATED\b/i.exec(extra)
  const expression = textOf(row, 'generation_expression')
  const onUpdate = /\bon update (.+)$/i.exec(extra)?.[1]?.trim()
  const comment = textOf(row, 'comment') ?? ''
  const serverDefault = generated === null ? catalogDefault(textOf(row, 'column_default'), type, extra, context.mariadb) : undefined
  return {
    name,
    type,
    nullable: textOf(row, 'is_nullable') === 'YES',
    ...(/\bauto_increment\b/i.test(extra) ? { autoincrement: true } : {}),
    ...(serverDefault === undefined ? {} : { serverDefault }),
    ...(generated !== null && expression !== undefined ? { computed: { sqltext: expression, persisted: (generated[1] ?? '').toUpperCase() !== 'VIRTUAL' } } : {}),
    ...(comment === '' ? {} : { comment }),
    ...(onUpdate === undefined ? {} : { mysqlOnUpdate: onUpdate }),
  }
}
