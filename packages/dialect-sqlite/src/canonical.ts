import { normalizeType, type ColumnModel, type ColumnType, type ConstraintModel } from '@athanor/ir'

/**
 * The type SQLite reports for a type the ops wrote: what the dialect spells it as, read back
 * (`uuid` → `CHAR(32)`, an enum → `VARCHAR(n)`), without the parameters SQLite does not keep
 * (time zones, fractional-second and float precision, binary length).
 * @example
 * sqliteReportedType('uuid') // => { name: 'char', length: 32 }
 */
export function sqliteReportedType(type: ColumnType): Exclude<ColumnType, string> {
  const t = normalizeType(type)
  switch (t.name) {
    case 'uuid':
      return { name: 'char', length: 32 }
    case 'enum':
      return { name: 'varchar', length: Math.max(1, ...t.values.map((v) => v.length)) }
    case 'datetime':
    case 'time':
      return { name: t.name }
    case 'float':
      return { name: 'float' }
    case 'binary':
      return { name: 'binary' }
    case 'raw':
      return { name: 'raw', sql: (t.dialects?.['sqlite'] ?? t.sql).trim() }
    default:
      return t
  }
}

/**
 * The hooks `compareSnapshots` (in `@athanor/dialect-kit/conformance`) takes, for SQLite.
 * @example
 * import type { SchemaSnapshot } from '@athanor/ir'
 * import { compareSnapshots } from '@athanor/dialect-kit/conformance'
 * declare const expected: SchemaSnapshot, found: SchemaSnapshot
 * compareSnapshots(expected, found, { dialect: 'sqlite', canonical: sqliteCanonical satisfies SqliteCanonical })
 */
export interface SqliteCanonical {
  readonly column: (column: ColumnModel) => ColumnModel
  readonly constraint: (constraint: ConstraintModel) => ConstraintModel
}

/**
 * How SQLite reports columns and constraints: types through {@link sqliteReportedType};
 * `autoincrement` left out (an INTEGER key of a rowid table numbers itself whatever the ops
 * said); generated columns VIRTUAL unless stored; foreign keys without `MATCH` (parsed and
 * ignored by SQLite) and with `INITIALLY` in upper case. Pass it as `canonical` to the
 * conformance suite.
 * @example
 * sqliteCanonical.column({ name: 'id', type: 'uuid', nullable: false }) // => { name: 'id', type: { name: 'char', length: 32 }, nullable: false }
 */
export const sqliteCanonical: SqliteCanonical = {
  column: (c) => {
    const { autoincrement: _a, ...rest } = c
    return {
      ...rest,
      type: sqliteReportedType(c.type),
      ...(c.computed === undefined ? {} : { computed: { ...c.computed, persisted: c.computed.persisted === true } }),
    }
  },
  constraint: (c) => {
    if (c.type !== 'foreignKey') return c
    const { match: _m, initially, ...rest } = c
    return { ...rest, ...(initially === undefined ? {} : { initially: initially.toUpperCase() }) }
  },
}
