import type { ColumnModel, ColumnType, Identity, ServerDefault } from '@athanor/ir'
import { flagOf, intOf, requiredText, textOf, unwrapParens, type Row } from './introspect-rows.js'

/** What `sys.columns` and `sys.types` say about a column's type. */
export interface CatalogType {
  /** `sys.types.name`: `int`, `nvarchar`, `datetime2`, … */
  readonly typeName: string
  /** Bytes; -1 for `max`. */
  readonly maxLength: number
  readonly precision: number
  readonly scale: number
  /** The column's collation when it differs from the database's. */
  readonly collation?: string
}

const withCollation = (type: ColumnType, collation: string | undefined): ColumnType => {
  if (collation === undefined) return type
  const t = typeof type === 'string' ? { name: type } : type
  return t.name === 'varchar' || t.name === 'nvarchar' || t.name === 'char' || t.name === 'text' ? { ...t, collation } : type
}

/**
 * The IR type of a column as SQL Server's catalog describes it: `VARCHAR(max)` is `text` (what
 * `text` is written as), `NVARCHAR(max)` is `nvarchar` without a length, `FLOAT(53)` is `double`,
 * `REAL` is `float` with precision 24, `DATETIME2(p)` is `datetime` with that precision,
 * `DATETIMEOFFSET` is `datetime` with a time zone, `BIT` is `boolean`; a type without a generic
 * equivalent (`money`, `xml`, `tinyint`, …) is `{ name: 'raw' }`.
 * @example
 * genericType({ typeName: 'nvarchar', maxLength: 40, precision: 0, scale: 0 }) // => { name: 'nvarchar', length: 20 }
 */
export function genericType(t: CatalogType): ColumnType {
  const n = t.maxLength
  const seven = (name: 'datetime' | 'time', timezone: boolean): ColumnType =>
    t.scale === 7 ? (timezone ? { name, timezone } : name) : { name, ...(timezone ? { timezone } : {}), precision: t.scale }
  let type: ColumnType
  switch (t.typeName) {
    case 'int':
      type = 'integer'
      break
    case 'smallint':
    case 'bigint':
      type = t.typeName
      break
    case 'bit':
      type = 'boolean'
      break
    case 'varchar':
      type = n === -1 ? 'text' : { name: 'varchar', length: n }
      break
    case 'nvarchar':
      type = n === -1 ? 'nvarchar' : { name: 'nvarchar', length: n / 2 }
      break
    case 'char':
      type = n === 1 ? 'char' : { name: 'char', length: n }
      break
    case 'decimal':
    case 'numeric':
      type = { name: 'numeric', precision: t.precision, ...(t.scale === 0 ? {} : { scale: t.scale }) }
      break
    case 'float':
      type = t.precision === 53 ? 'double' : { name: 'float', precision: t.precision }
      break
    case 'real':
      type = { name: 'float', precision: 24 }
      break
    case 'date':
      type = 'date'
      break
    case 'datetime':
      type = 'datetime'
      break
    case 'datetime2':
      type = { name: 'datetime', precision: t.scale }
      break
    case 'datetimeoffset':
      type = seven('datetime', true)
      break
    case 'time':
      type = seven('time', false)
      break
    case 'varbinary':
      type = n === -1 ? 'binary' : { name: 'binary', length: n }
      break
    case 'uniqueidentifier':
      type = 'uuid'
      break
    default: {
      const len = n === -1 ? 'max' : String(t.typeName.startsWith('n') ? n / 2 : n)
      const sized = ['nchar', 'binary'].includes(t.typeName) ? `(${len})` : ''
      type = { name: 'raw', sql: `${t.typeName.toUpperCase()}${sized}` }
    }
  }
  return withCollation(type, t.collation)
}

/**
 * A default as `sys.default_constraints.definition` holds it: `('abc')` or `(N'abc')` is a
 * literal, its quotes unescaped; anything else (`((0))`, `(getdate())`) is SQL, without the
 * parentheses SQL Server adds.
 * @example
 * catalogDefault("('it''s')") // => { literal: "it's" }
 * catalogDefault('((0))') // => { sql: '0' }
 */
export function catalogDefault(definition: string): ServerDefault {
  const sql = unwrapParens(definition)
  const m = /^N?'((?:[^']|'')*)'$/s.exec(sql)
  return m === null ? { sql } : { literal: (m[1] ?? '').replaceAll("''", "'") }
}

function identityOf(row: Row): Identity {
  const seed = intOf(row, 'seed') ?? 1
  const increment = intOf(row, 'increment') ?? 1
  return { ...(seed === 1 && increment === 1 ? {} : { start: seed, increment }) }
}

/**
 * A column of the catalog as the schema model keeps it: its generic type, nullability, default,
 * identity, computed expression and comment.
 * @example
 * columnOfRow({ name: 'id', type_name: 'int', max_length: 4, precision: 10, scale: 0, is_nullable: false, is_identity: true, seed: '1', increment: '1' })
 * // => { name: 'id', type: 'integer', nullable: false, identity: {} }
 */
export function columnOfRow(row: Row): ColumnModel {
  const collation = textOf(row, 'collation')
  const databaseCollation = textOf(row, 'database_collation')
  const type = genericType({
    typeName: requiredText(row, 'type_name'),
    maxLength: intOf(row, 'max_length') ?? 0,
    precision: intOf(row, 'precision') ?? 0,
    scale: intOf(row, 'scale') ?? 0,
    ...(collation === undefined || collation === databaseCollation ? {} : { collation }),
  })
  const defaultSql = textOf(row, 'default_sql')
  const computedSql = textOf(row, 'computed_sql')
  const comment = textOf(row, 'comment')
  return {
    name: requiredText(row, 'name'),
    type,
    nullable: flagOf(row, 'is_nullable'),
    ...(defaultSql === undefined ? {} : { serverDefault: catalogDefault(defaultSql) }),
    ...(computedSql === undefined ? {} : { computed: { sqltext: unwrapParens(computedSql), persisted: flagOf(row, 'is_persisted') } }),
    ...(flagOf(row, 'is_identity') ? { identity: identityOf(row) } : {}),
    ...(comment === undefined ? {} : { comment }),
  }
}
