/**
 * Table definitions: what `createTable` holds, what `dropTable` carries, a batch's `copyFrom`.
 */
import * as fc from 'fast-check'
import type { Column } from '../elements/column.js'
import type { TableConstraint } from '../elements/constraint.js'
import type { TableDefinition, TableOptions } from '../elements/table-definition.js'
import { memo } from './cache.js'
import { arbColumn } from './column.js'
import { arbTableConstraint } from './constraint.js'
import { arbOptionMap } from './index-definition.js'
import { arbComment, arbKeyword, arbName, arbSqlText } from './names.js'
import { finish, type ArbitraryOptions } from './options.js'
import { arbObject } from './record.js'

/**
 * The dialect table options (`mysqlEngine`, `postgresqlPartitionBy`, `sqliteStrict`, …), each
 * present or not. Empty with `{ dialectOptions: false }`.
 * @example
 * arbTableOptions() // { mysqlEngine: 'InnoDB', sqliteWithoutRowid: true }, …
 */
export function arbTableOptions(options: ArbitraryOptions = {}): fc.Arbitrary<TableOptions> {
  return memo('arbTableOptions', options, () =>
    arbObject(
      {},
      {
        mysqlEngine: fc.oneof(fc.constantFrom('InnoDB', 'MyISAM'), arbName(options)),
        mysqlCharset: fc.oneof(fc.constant('utf8mb4'), arbName(options)),
        mysqlCollate: fc.oneof(fc.constant('utf8mb4_bin'), arbName(options)),
        mysqlRowFormat: fc.oneof(fc.constant('DYNAMIC'), arbName(options)),
        mysqlAutoIncrement: fc.integer({ min: 1, max: 1_000_000 }),
        postgresqlPartitionBy: arbSqlText(),
        postgresqlWith: arbOptionMap(),
        postgresqlTablespace: arbName(options),
        postgresqlInherits: fc.uniqueArray(arbName(options), { minLength: 1, maxLength: 2 }),
        postgresqlOnCommit: arbKeyword(['PRESERVE ROWS', 'DELETE ROWS', 'DROP']),
        sqliteAutoincrement: fc.boolean(),
        sqliteWithoutRowid: fc.boolean(),
        sqliteStrict: fc.boolean(),
      },
    ).map(finish<TableOptions>(options)),
  )
}

/**
 * Keeps one primary key (column flags count as one) and distinct constraint and index names.
 * Names given on columns (`foreignKey.name`, `check.name`) are kept distinct too: `parse` lets
 * them clash, but `applyOps` refuses such a table, like every engine.
 */
function tableRules(columns: readonly Column[], constraints: readonly TableConstraint[]): { columns: Column[]; constraints: TableConstraint[] } {
  let hasPk = columns.some((c) => c.primaryKey === true)
  const names = new Set<string>()
  const out: TableConstraint[] = []
  for (const c of constraints) {
    if (c.type === 'primaryKey') {
      if (hasPk) continue
      hasPk = true
    }
    if (c.name === undefined || !names.has(c.name)) {
      if (c.name !== undefined) names.add(c.name)
      out.push(c)
    } else if (c.type !== 'index') {
      // A constraint may be unnamed; an index may not, so a clashing index is left out.
      const { name: _clash, ...unnamed } = c
      out.push(unnamed)
    }
  }
  return { columns: columns.map((c) => distinctColumnNames(c, names)), constraints: out }
}

/** The column with the names of its foreign key and check left out where `taken` has them. */
function distinctColumnNames(column: Column, taken: Set<string>): Column {
  let out = column
  const fk = column.foreignKey
  if (fk?.name !== undefined) {
    if (taken.has(fk.name)) {
      const { name: _clash, ...unnamed } = fk
      out = { ...out, foreignKey: unnamed }
    } else taken.add(fk.name)
  }
  const check = column.check
  if (check?.name !== undefined) {
    if (taken.has(check.name)) out = { ...out, check: { condition: check.condition } }
    else taken.add(check.name)
  }
  return out
}

/**
 * A table definition `parse` accepts: 1–5 columns with distinct names, table constraints and
 * indexes on those columns with distinct names and at most one primary key, a comment,
 * prefixes and dialect table options.
 * @example
 * arbTableDefinition() // { columns: [{ name: 'id', type: 'integer', primaryKey: true }], constraints: [] }, …
 */
export function arbTableDefinition(options: ArbitraryOptions = {}): fc.Arbitrary<TableDefinition> {
  return memo('arbTableDefinition', options, () => {
    const columns = fc.uniqueArray(arbColumn(options), { minLength: 1, maxLength: SLOTS.length, selector: (c) => c.name })
    // One arbitrary of constraints per column count, on stand-in names.
    const constraintsOn = SLOTS.map((_, i) =>
      fc.option(fc.array(arbTableConstraint({ ...options, columns: SLOTS.slice(0, i + 1) }), { maxLength: 4 }), { nil: undefined }),
    )
    const more = arbObject(
      {},
      { comment: arbComment(), prefixes: fc.array(fc.oneof(fc.constantFrom('TEMPORARY', 'UNLOGGED'), arbName(options)), { maxLength: 2 }) },
    )
    const table = columns.chain((cols) => (constraintsOn[cols.length - 1] ?? fc.constant(undefined)).map((constraints) => ({ cols, constraints })))
    return fc.tuple(table, more, arbTableOptions(options)).map(([{ cols, constraints }, rest, tableOptions]): TableDefinition => {
      const fixed = tableRules(cols, constraints === undefined ? [] : fillSlots(constraints, cols.map((c) => c.name)))
      const def: TableDefinition = { columns: fixed.columns, ...rest, ...tableOptions }
      return constraints === undefined ? def : { ...def, constraints: fixed.constraints }
    })
  })
}

// Stand-ins for column names in generated constraints, replaced once a table's names are known:
// the constraint arbitraries are then built once per column count instead of once per table.
const SLOTS: readonly string[] = Array.from({ length: 5 }, (_, i) => `\u0001column ${i}\u0001`)

/** `constraints` with every stand-in (as a string or as a key) replaced by its column name. */
function fillSlots(constraints: readonly TableConstraint[], names: readonly string[]): TableConstraint[] {
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const i = SLOTS.indexOf(value)
      return i < 0 ? value : (names[i] ?? value)
    }
    if (Array.isArray(value)) return value.map(fill)
    if (typeof value === 'object' && value !== null) {
      // A key naming a column (`postgresqlOps`, `mysqlLength`) cannot be `__proto__`; leave it out.
      const entries = Object.entries(value).map(([k, v]) => [fill(k), fill(v)] as const)
      return Object.fromEntries(entries.filter(([k]) => k !== '__proto__'))
    }
    return value
  }
  // Only strings change, each to another valid name, so every constraint keeps its shape.
  return constraints.map((c) => fill(c) as TableConstraint)
}
