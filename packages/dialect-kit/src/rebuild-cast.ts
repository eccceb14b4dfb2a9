import { normalizeType, typeName, type ColumnType } from '@athanor/ir'

/**
 * The family ("affinity" in the catalog's words) of a type, for the rebuild's cast rule:
 * integers, strings, booleans, dates and times, exact and approximate numbers, JSON, binary,
 * intervals; a raw type is its own family, by its SQL text.
 * @example
 * typeFamily('bigint') // => 'integer'
 * typeFamily({ name: 'varchar', length: 5 }) // => 'string'
 */
export function typeFamily(type: ColumnType): string {
  const name = typeName(type)
  switch (name) {
    case 'integer':
    case 'smallint':
    case 'bigint':
      return 'integer'
    case 'varchar':
    case 'nvarchar':
    case 'char':
    case 'text':
    case 'enum':
    case 'uuid':
      return 'string'
    case 'date':
    case 'datetime':
    case 'time':
      return 'temporal'
    case 'numeric':
    case 'float':
    case 'double':
      return 'number'
    case 'raw': {
      const t = normalizeType(type)
      return t.name === 'raw' ? `raw:${t.sql.trim().toUpperCase()}` : name
    }
    default:
      return name
  }
}

/**
 * True when copying a column from type `from` to type `to` calls for a CAST in the rebuild's
 * `INSERT … SELECT` (catalog §3.4): the families differ (`integer` → `boolean`, `varchar` →
 * `datetime`). Within a family (`text` → `varchar`, `integer` → `bigint`) the engine converts.
 * A dialect may still decline a cast in its `cast` hook (SQLite never casts to JSON).
 * @example
 * needsCast('varchar', 'integer') // => true
 * needsCast('integer', 'bigint') // => false
 */
export function needsCast(from: ColumnType, to: ColumnType): boolean {
  return typeFamily(from) !== typeFamily(to)
}
