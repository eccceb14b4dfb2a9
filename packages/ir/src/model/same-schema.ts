import type { SchemaSnapshot, TableModel } from './snapshot.js'

/** JSON with object keys sorted, so that equal trees give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const sorted = (items: readonly string[]): string[] => [...items].sort()

function canonicalTable(t: TableModel): string {
  return stableJson({
    ...t,
    columns: sorted(t.columns.map(stableJson)),
    constraints: sorted(t.constraints.map(stableJson)),
    indexes: sorted(t.indexes.map(stableJson)),
  })
}

/**
 * True when two snapshots describe the same schema, whatever the order of their tables, of the
 * columns in each table, and of constraints and indexes. Why order is ignored: an op and its
 * reverse do not always give back the order they started from, and engines do not keep it
 * either. `dropColumn` then its reverse `addColumn` puts the column back at the end of the table
 * (ALTER TABLE ADD COLUMN appends on every engine; only a rebuilding batch can place it), and a
 * dropped then re-created table, constraint or index is listed last, while introspection reports
 * them in catalog order. Everything else — names, types, nullability, defaults, comments, the
 * column order inside a key or index — must be equal.
 * @example
 * const s = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }] })])
 * const op = addColumn({ tableName: 'account', column: { name: 'email', type: 'text' } })
 * sameSchema(applyOps(s, [op, reverse(op)]), s) // => true
 */
export function sameSchema(a: SchemaSnapshot, b: SchemaSnapshot): boolean {
  const left = sorted(a.tables.map(canonicalTable))
  const right = sorted(b.tables.map(canonicalTable))
  return left.length === right.length && left.every((t, i) => t === right[i])
}
