import type { Canonical } from '@athanor/dialect-kit/conformance'
import { normalizeType, type ColumnType, type ConstraintModel } from '@athanor/ir'

/**
 * The type DuckDB reports for a type the ops wrote: every character type is VARCHAR (without a
 * length or collation), `numeric` without precision is `DECIMAL(18,3)` and with a precision but
 * no scale has scale 0, `float` above 24 binary digits is DOUBLE, timestamps and times lose
 * their precision, binary its length, and an enum its name (DuckDB writes enums inline).
 * @example
 * duckdbReportedType({ name: 'char', length: 3 }) // => { name: 'varchar' }
 */
export function duckdbReportedType(type: ColumnType): Exclude<ColumnType, string> {
  const t = normalizeType(type)
  switch (t.name) {
    case 'varchar':
    case 'nvarchar':
    case 'char':
    case 'text':
      return { name: 'varchar' }
    case 'numeric':
      return t.precision === undefined ? { name: 'numeric', precision: 18, scale: 3 } : { name: 'numeric', precision: t.precision, scale: t.scale ?? 0 }
    case 'float':
      return t.precision !== undefined && t.precision > 24 ? { name: 'double' } : { name: 'float' }
    case 'datetime':
    case 'time':
      return t.timezone === true ? { name: t.name, timezone: true } : { name: t.name }
    case 'binary':
      return { name: 'binary' }
    case 'enum':
      return { name: 'enum', values: t.values }
    case 'raw':
      return { name: 'raw', sql: (t.dialects?.['duckdb'] ?? t.sql).trim() }
    default:
      return t
  }
}

/**
 * How DuckDB reports what the ops wrote, for the conformance suite's comparison: types through
 * {@link duckdbReportedType}; `autoincrement` left out (DuckDB has none); foreign keys without
 * `ON DELETE` / `ON UPDATE` and `MATCH` (the only ones DuckDB takes, NO ACTION, RESTRICT and
 * SIMPLE, are what every key does, and DuckDB does not report them). Constraint names are not
 * compared at all: `duckdbCapabilities.namedConstraints` is `false`.
 * @example
 * duckdbCanonical.column?.({ name: 'a', type: 'text', nullable: true }) // => { name: 'a', type: { name: 'varchar' }, nullable: true }
 */
export const duckdbCanonical: Canonical = {
  column: (c) => {
    const { autoincrement: _a, ...rest } = c
    return { ...rest, type: duckdbReportedType(c.type) }
  },
  constraint: (c): ConstraintModel => {
    if (c.type !== 'foreignKey') return c
    const { onDelete: _d, onUpdate: _u, match: _m, ...rest } = c
    return rest
  },
}
