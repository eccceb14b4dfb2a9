import type { ColumnModel, ConstraintModel, IndexModel, SchemaSnapshot, TableModel } from '@athanor/ir'
import { canonicalColumn, canonicalConstraint, canonicalIndex, canonicalTableFields, comparable, type DialectView } from './canonical.js'

/**
 * One way the schema found differs from the one expected. `path` points into the expected
 * snapshot (`tables[2].columns[1].nullable`); an item only found is reported at its list
 * (`tables[0].indexes`).
 * @example
 * const d: Difference = { path: 'tables[0].columns[1].nullable', expected: false, found: true,
 *   message: 'tables[0].columns[1].nullable: expected false, found true (column account.email)' }
 */
export interface Difference {
  readonly path: string
  /** The expected value (canonical form); undefined when the item should not exist. */
  readonly expected?: unknown
  /** The value found (canonical form); undefined when it is missing. */
  readonly found?: unknown
  readonly message: string
}

/**
 * Options of {@link compareSnapshots}.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * import { postgresCanonical } from '@athanor/dialect-postgres/introspect'
 * const options: CompareOptions = { dialect: 'postgresql', capabilities: postgresql.capabilities, canonical: postgresCanonical, columnOrder: 'any' }
 */
export interface CompareOptions extends DialectView {
  /**
   * `strict` (default): columns must come in the expected order. `any`: only the set of columns
   * is compared — for a dialect that appends a column where the model places it
   * (`insertBefore`/`insertAfter` in a batch compiled to ALTERs).
   */
  readonly columnOrder?: 'strict' | 'any'
}

const show = (v: unknown): string => (v === undefined ? 'absent' : JSON.stringify(v))
const tableLabel = (t: TableModel): string => (t.schema === undefined ? t.name : `${t.schema}.${t.name}`)

function describeConstraint(c: ConstraintModel): string {
  const cols = c.type === 'foreignKey' ? `(${c.localCols.join(', ')}) → ${c.referentTable} (${c.remoteCols.join(', ')})` : c.type === 'check' ? `(${c.condition})` : `(${c.columns.join(', ')})`
  return `${c.type} constraint${c.name === undefined ? '' : ` ${JSON.stringify(c.name)}`} ${cols}`
}

class Report {
  readonly out: Difference[] = []
  add(path: string, expected: unknown, found: unknown, where: string): void {
    this.out.push({ path, ...(expected === undefined ? {} : { expected }), ...(found === undefined ? {} : { found }), message: `${path}: expected ${show(expected)}, found ${show(found)} (${where})` })
  }
  missing(path: string, what: string, expected: unknown): void {
    this.out.push({ path, expected, message: `${path}: expected ${what}, not found` })
  }
  unexpected(path: string, what: string, found: unknown): void {
    this.out.push({ path, found, message: `${path}: unexpected ${what}` })
  }
}

/**
 * Compares two canonical objects field by field; `skipWhenExpectedAbsent` lists fields the
 * engine chooses when the ops said nothing.
 */
function fields(r: Report, path: string, where: string, expected: Record<string, unknown>, found: Record<string, unknown>, sqlKeys: ReadonlySet<string>, skipWhenExpectedAbsent: readonly string[] = []): void {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort()
  for (const k of keys) {
    if (k === 'name') continue
    const e = expected[k]
    const f = found[k]
    if (e === undefined && skipWhenExpectedAbsent.includes(k)) continue
    if (comparable(e, sqlKeys, k) !== comparable(f, sqlKeys, k)) r.add(`${path}.${k}`, e, f, where)
  }
}

function compareColumns(r: Report, path: string, label: string, expected: readonly ColumnModel[], found: readonly ColumnModel[], options: CompareOptions, sqlKeys: ReadonlySet<string>): void {
  const byName = new Map(found.map((c) => [c.name, c]))
  expected.forEach((c, j) => {
    const f = byName.get(c.name)
    const at = `${path}.columns[${j}]`
    if (f === undefined) return r.missing(at, `column ${JSON.stringify(c.name)} of table ${label}`, c)
    const e = canonicalColumn(c, options)
    const g = canonicalColumn(f, options)
    // `autoincrement` absent means "the engine decides" (SERIAL for a sole integer key on
    // PostgreSQL); a computed column's `persisted` absent is the engine's default.
    const ec = e['computed']
    const gc = g['computed']
    if (typeof ec === 'object' && ec !== null && !('persisted' in ec) && typeof gc === 'object' && gc !== null) {
      const { persisted: _p, ...rest } = gc as Record<string, unknown>
      g['computed'] = rest
    }
    fields(r, at, `column ${label}.${c.name}`, e, g, sqlKeys, ['autoincrement'])
  })
  const names = new Set(expected.map((c) => c.name))
  for (const f of found) if (!names.has(f.name)) r.unexpected(`${path}.columns`, `column ${JSON.stringify(f.name)} of table ${label}`, f)
  if (options.columnOrder === 'any') return
  const common = new Set(found.map((c) => c.name))
  const want = expected.map((c) => c.name).filter((n) => common.has(n))
  const got = found.map((c) => c.name).filter((n) => names.has(n))
  if (want.join('\u0000') !== got.join('\u0000')) r.add(`${path}.columns`, want, got, `column order of table ${label}`)
}

function constraintColumns(c: ConstraintModel): readonly string[] {
  return c.type === 'foreignKey' ? c.localCols : c.type === 'check' ? [] : c.columns
}

/** The constraint without its name: what is compared on an engine that does not keep constraint names. */
function nameless(c: ConstraintModel): ConstraintModel {
  if (c.name === undefined) return c
  const { name: _n, ...rest } = c
  return rest
}

function compareConstraints(r: Report, path: string, label: string, givenExpected: readonly ConstraintModel[], givenFound: readonly ConstraintModel[], options: CompareOptions, sqlKeys: ReadonlySet<string>): void {
  // An engine that names constraints itself (capabilities.namedConstraints false) is compared as
  // if the ops had named none: each expected constraint matches a found one by its definition.
  const namesKept = options.capabilities?.namedConstraints !== false
  const expected = namesKept ? givenExpected : givenExpected.map(nameless)
  const found = namesKept ? givenFound : givenFound.map(nameless)
  const taken = new Set<number>()
  const named = new Set(expected.flatMap((c) => (c.name === undefined ? [] : [c.name])))
  const withoutName = (c: ConstraintModel): string => {
    const { name: _n, ...rest } = canonicalConstraint(c, options)
    return comparable(rest, sqlKeys)
  }
  const pairs: [number, number | undefined][] = expected.map((c, k) => {
    if (c.name === undefined) return [k, undefined]
    const at = found.findIndex((f, i) => !taken.has(i) && f.name === c.name)
    if (at !== -1) taken.add(at)
    return [k, at === -1 ? undefined : at]
  })
  // Unnamed constraints: the engine named them; any unclaimed constraint with the same definition matches.
  for (const pair of pairs) {
    const c = expected[pair[0]]
    if (c === undefined || c.name !== undefined) continue
    const key = withoutName(c)
    const free = (f: ConstraintModel, i: number): boolean => !taken.has(i) && (f.name === undefined || !named.has(f.name))
    let at = found.findIndex((f, i) => free(f, i) && withoutName(f) === key)
    if (at === -1) at = found.findIndex((f, i) => free(f, i) && f.type === c.type && constraintColumns(f).join() === constraintColumns(c).join() && c.type !== 'check')
    if (at !== -1) {
      taken.add(at)
      pair[1] = at
    }
  }
  for (const [k, i] of pairs) {
    const c = expected[k]
    if (c === undefined) continue
    const at = `${path}.constraints[${k}]`
    const f = i === undefined ? undefined : found[i]
    if (f === undefined) {
      r.missing(at, `${describeConstraint(c)} on table ${label}`, c)
      continue
    }
    fields(r, at, `${describeConstraint(c)} on table ${label}`, canonicalConstraint(c, options), canonicalConstraint(f, options), sqlKeys)
  }
  found.forEach((f, i) => {
    if (!taken.has(i)) r.unexpected(`${path}.constraints`, `${describeConstraint(f)} on table ${label}`, f)
  })
}

function compareIndexes(r: Report, path: string, label: string, expected: readonly IndexModel[], found: readonly IndexModel[], options: CompareOptions, sqlKeys: ReadonlySet<string>): void {
  const byName = new Map(found.map((ix) => [ix.name, ix]))
  expected.forEach((ix, k) => {
    const f = byName.get(ix.name)
    const at = `${path}.indexes[${k}]`
    if (f === undefined) return r.missing(at, `index ${JSON.stringify(ix.name)} on table ${label}`, ix)
    fields(r, at, `index ${ix.name} on table ${label}`, canonicalIndex(ix, options), canonicalIndex(f, options), sqlKeys)
  })
  const names = new Set(expected.map((ix) => ix.name))
  for (const f of found) if (!names.has(f.name)) r.unexpected(`${path}.indexes`, `index ${JSON.stringify(f.name)} on table ${label}`, f)
}

/**
 * The differences between the schema a dialect's SQL left (`found`, read by an introspector)
 * and the schema the model says the ops build (`expected`, from `applyOps`). Empty when they
 * agree. What is ignored, because engines choose it themselves:
 * - the order of tables, of constraints and of indexes (catalog order is not creation order);
 *   column order too with `columnOrder: 'any'`;
 * - the names of constraints the ops left unnamed (an unnamed expected constraint matches any
 *   found one with the same definition), and every constraint name when the dialect's
 *   capabilities say the engine does not keep them (`namedConstraints: false`);
 * - `autoincrement` and a computed column's `persisted` where the ops did not say;
 * - type spellings that are the same type (`'integer'` and `{ name: 'integer' }`), and what the
 *   dialect's `canonical` hooks equate (`float` and `double` on PostgreSQL);
 * - defaults of options: `NO ACTION`, `MATCH SIMPLE`, `INITIALLY IMMEDIATE`, and `false` flags
 *   (`unique: false`, `deferrable: false`) on constraints and indexes; letter case of actions;
 * - SQL text the engine respells (check conditions, index expressions, the dialect's partial-index
 *   predicate, generated expressions, `{ sql }` defaults), compared by `sqlFingerprint`;
 * - option fields of other dialects (`mysqlLength` on PostgreSQL), `useAlter` and an index's
 *   `quote` (how, not what), table `prefixes`; comments, deferrability or partial-index
 *   predicates when the dialect's capabilities say it cannot store them.
 * @example
 * import { applyOps, createTable, emptySnapshot } from '@athanor/ir'
 * const expected = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'email', type: 'text', nullable: false }] })])
 * const found = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'email', type: 'text' }] })]) // or what an introspector read
 * compareSnapshots(expected, found, { dialect: 'postgresql' }).map((d) => d.message)
 * // => ['tables[0].columns[0].nullable: expected false, found true (column account.email)']
 */
export function compareSnapshots(expected: SchemaSnapshot, found: SchemaSnapshot, options: CompareOptions): readonly Difference[] {
  const r = new Report()
  const sqlKeys = new Set([`${options.dialect}Where`, `${options.dialect}PartitionBy`])
  const key = (t: TableModel): string => `${t.schema ?? ''}\u0000${t.name}`
  const foundByKey = new Map(found.tables.map((t) => [key(t), t]))
  expected.tables.forEach((t, i) => {
    const path = `tables[${i}]`
    const label = tableLabel(t)
    const f = foundByKey.get(key(t))
    if (f === undefined) return r.missing(path, `table ${JSON.stringify(label)}`, t.name)
    fields(r, path, `table ${label}`, canonicalTableFields(t, options), canonicalTableFields(f, options), sqlKeys)
    compareColumns(r, path, label, t.columns, f.columns, options, sqlKeys)
    compareConstraints(r, path, label, t.constraints, f.constraints, options, sqlKeys)
    compareIndexes(r, path, label, t.indexes, f.indexes, options, sqlKeys)
  })
  const expectedKeys = new Set(expected.tables.map(key))
  for (const f of found.tables) if (!expectedKeys.has(key(f))) r.unexpected('tables', `table ${JSON.stringify(tableLabel(f))}`, f.name)
  return r.out
}
