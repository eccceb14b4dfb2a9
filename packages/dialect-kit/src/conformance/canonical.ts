import { normalizeType, type ColumnModel, type ConstraintModel, type IndexModel, type TableModel } from '@athanor/ir'
import type { Capabilities } from '../contract.js'
import { sqlFingerprint } from './sql-text.js'

/**
 * How an engine reports what the ops wrote, per dialect: each function maps a column,
 * constraint or index to the form the dialect's introspector gives back (PostgreSQL: `float` →
 * `double`, `{ literal: '0' }` on a BOOLEAN → `{ sql: 'false' }`). Applied to both snapshots before
 * they are compared, so each must be idempotent.
 * @example
 * const canonical: Canonical = { column: (c) => (typeof c.type === 'string' && c.type === 'nvarchar' ? { ...c, type: 'varchar' } : c) }
 */
export interface Canonical {
  readonly column?: (column: ColumnModel) => ColumnModel
  readonly constraint?: (constraint: ConstraintModel) => ConstraintModel
  readonly index?: (index: IndexModel) => IndexModel
}

/**
 * What a comparison needs to know about the dialect.
 * @example
 * import { sqlite } from '@athanor/dialect-sqlite'
 * const view: DialectView = { dialect: 'sqlite', capabilities: sqlite.capabilities } // comments off: not compared
 */
export interface DialectView {
  /** The dialect's name: option fields of other dialects (`mysqlLength` for `postgresql`) are ignored. */
  readonly dialect: string
  /** Off capabilities drop what the engine cannot store: comments, deferrability, partial-index predicates. */
  readonly capabilities?: Capabilities
  readonly canonical?: Canonical
}

/** Prefixes of the dialect option fields the IR knows. */
const DIALECT_PREFIXES = ['postgresql', 'mysql', 'mariadb', 'sqlite', 'mssql', 'oracle'] as const

/** True for a field that belongs to another dialect (`mysqlLength` when comparing for `postgresql`). */
export function isForeignDialectField(field: string, dialect: string): boolean {
  const m = /^([a-z]+)[A-Z]/.exec(field)
  const prefix = m?.[1]
  if (prefix === undefined || prefix === dialect) return false
  return (DIALECT_PREFIXES as readonly string[]).includes(prefix)
}

type Loose = Record<string, unknown>

/** The object without other dialects' fields, fields listed in `drop`, and `false` flags when `falseIsAbsent`. */
function prune(value: object, view: DialectView, drop: readonly string[], falseIsAbsent: boolean): Loose {
  const out: Loose = {}
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || drop.includes(k) || isForeignDialectField(k, view.dialect)) continue
    if (falseIsAbsent && v === false) continue
    out[k] = v
  }
  return out
}

const upper = (s: string): string => s.trim().replace(/\s+/g, ' ').toUpperCase()

/** A column in the form both sides are compared in (see `compareSnapshots`). */
export function canonicalColumn(column: ColumnModel, view: DialectView): Loose {
  const c = view.canonical?.column?.(column) ?? column
  const out = prune(c, view, view.capabilities?.comments === false ? ['comment'] : [], false)
  // `autoincrement: false` says "no engine numbering", which an engine reports as nothing.
  if (out['autoincrement'] === false) delete out['autoincrement']
  const type = normalizeType(c.type)
  out['type'] = type.name === 'raw' ? { name: 'raw', sql: type.dialects?.[view.dialect] ?? type.sql } : type
  if (c.identity !== undefined) out['identity'] = prune(c.identity, view, [], true)
  return out
}

/** A constraint in the form both sides are compared in. */
export function canonicalConstraint(constraint: ConstraintModel, view: DialectView): Loose {
  const c = view.canonical?.constraint?.(constraint) ?? constraint
  const drop = ['useAlter', ...(view.capabilities?.deferrableConstraints === false ? ['deferrable', 'initially'] : [])]
  const out = prune(c, view, drop, true)
  for (const field of ['onDelete', 'onUpdate', 'match', 'initially'] as const) {
    const v = out[field]
    if (typeof v !== 'string') continue
    const word = upper(v)
    if (word === 'NO ACTION' || word === 'SIMPLE' || word === 'IMMEDIATE') delete out[field]
    else out[field] = word
  }
  return out
}

/** An index in the form both sides are compared in. */
export function canonicalIndex(index: IndexModel, view: DialectView): Loose {
  const ix = view.canonical?.index?.(index) ?? index
  const where = `${view.dialect}Where`
  return prune(ix, view, ['quote', ...(view.capabilities?.partialIndexes === false ? [where] : [])], true)
}

/** The table's own fields (not its columns, constraints or indexes) in the form both sides are compared in. */
export function canonicalTableFields(table: TableModel, view: DialectView): Loose {
  const { columns: _c, constraints: _k, indexes: _i, prefixes: _p, options, ...rest } = table
  const out = prune(rest, view, view.capabilities?.comments === false ? ['comment'] : [], false)
  const own = options === undefined ? {} : prune(options, view, [], false)
  if (Object.keys(own).length > 0) out['options'] = own
  return out
}

/** The fields whose value is SQL text the engine may respell, compared by {@link sqlFingerprint}. */
const SQL_FIELDS = new Set(['sql', 'sqltext', 'condition'])

/**
 * The value with SQL text replaced by its fingerprint, object keys sorted: equal for two values
 * the comparison treats as the same. `sqlKeys` names further fields holding SQL (`postgresqlWhere`);
 * `key` is the field holding `value`, when it is one.
 */
export function comparable(value: unknown, sqlKeys: ReadonlySet<string> = new Set(), key?: string): string {
  if (typeof value === 'string' && key !== undefined && (SQL_FIELDS.has(key) || sqlKeys.has(key))) return JSON.stringify(sqlFingerprint(value))
  if (Array.isArray(value)) return `[${value.map((v) => comparable(v, sqlKeys)).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${comparable(v, sqlKeys, k)}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}
