import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareSnapshots } from '@athanor/dialect-kit/conformance'
import { sqlite } from '@athanor/dialect-sqlite'
import { sqliteCanonical } from '@athanor/dialect-sqlite/introspect'
import { applyOps, batch, bulkInsert, createTable, emptySnapshot, type BatchChildOp, type Column, type ColumnType, type JsonValue } from '@athanor/ir'
import { opSequence, type SequenceOpKind } from '@athanor/ir/arbitraries'
import { runBatch } from './rebuild-check.js'
import { openDb, type TestDb } from './sqlite-db.js'

let db: TestDb
beforeAll(() => {
  db = openDb()
})
afterAll(() => db.close())

/** Starts each run on an empty database file. */
function fresh(): TestDb {
  db.close()
  db = openDb()
  return db
}

// What SQLite does outside a batch; everything else goes into batches.
const TOP: readonly SequenceOpKind[] = ['createTable', 'dropTable', 'renameTable', 'addColumn', 'createIndex', 'dropIndex', 'createTableComment', 'dropTableComment', 'batch']

describe('model-based: random op sequences on SQLite', () => {
  it('leaves the schema applyOps predicts (150 sequences, batches rebuilt or not)', async () => {
    let rebuilds = 0
    await fc.assert(
      fc.asyncProperty(opSequence({ maxLength: 10, kinds: TOP }), async (ops) => {
        const t = fresh()
        const statements = sqlite.compileOps(ops, { snapshot: emptySnapshot() })
        rebuilds += statements.filter((s) => s.sql.startsWith('INSERT INTO _athanor_tmp_')).length
        t.run(statements)
        const differences = compareSnapshots(applyOps(emptySnapshot(), ops), await t.introspect(), { dialect: 'sqlite', capabilities: sqlite.capabilities, canonical: sqliteCanonical })
        if (differences.length > 0) throw new Error(`${differences.map((d) => d.message).join('\n')}\n--- SQL:\n${statements.map((s) => s.sql).join(';\n')}`)
      }),
      { numRuns: 150 },
    )
    expect(rebuilds).toBeGreaterThan(50)
  })
})

// Random tables with rows, and random batches on them.

interface Kind {
  readonly type: ColumnType
  /** Another type of the same family: the values stay as they are. */
  readonly wider: ColumnType
  readonly value: fc.Arbitrary<JsonValue>
}

const KINDS: readonly Kind[] = [
  { type: 'integer', wider: 'bigint', value: fc.integer({ min: -1e6, max: 1e6 }) },
  { type: 'smallint', wider: 'integer', value: fc.integer({ min: -300, max: 300 }) },
  { type: { name: 'varchar', length: 40 }, wider: 'text', value: fc.string({ maxLength: 12 }) },
  { type: 'text', wider: { name: 'varchar', length: 100 }, value: fc.constantFrom('', "it's", 'ünï', 'a\nb', '12', ' x ') },
  { type: 'boolean', wider: 'boolean', value: fc.boolean() },
  { type: { name: 'numeric', precision: 10, scale: 2 }, wider: { name: 'numeric', precision: 12, scale: 2 }, value: fc.constantFrom('1.50', '-3.25', '0.00', '100') },
  { type: 'date', wider: 'datetime', value: fc.constantFrom('2024-01-02', '1999-12-31') },
]

const tableArb = fc.record({
  kinds: fc.array(fc.nat({ max: KINDS.length - 1 }), { minLength: 1, maxLength: 5 }),
  rows: fc.nat({ max: 8 }),
  nullable: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
}).chain((t) => fc.record({
  shape: fc.constant(t),
  values: fc.array(fc.tuple(...t.kinds.map((k) => fc.option((KINDS[k] as Kind).value, { nil: null }))), { minLength: t.rows, maxLength: t.rows }),
  children: fc.array(fc.nat({ max: Math.max(0, t.rows - 1) }), { maxLength: t.rows === 0 ? 0 : 6 }),
}))

type Step = (columns: string[], kinds: Map<string, Kind>, hasNull: Map<string, boolean>, n: number) => BatchChildOp | undefined

/** One batch child valid on the columns as they are, keeping every row valid. */
const stepArb: fc.Arbitrary<{ readonly pick: number; readonly step: Step }> = fc.record({
  pick: fc.nat(),
  step: fc.constantFrom<Step>(
    (cols, _k, _h, n) => ({ kind: 'addColumn', column: { name: `added_${n}`, type: 'integer', serverDefault: { literal: String(n) } }, ...(cols.length > 1 ? { insertBefore: cols[n % cols.length] ?? 'id' } : {}) }),
    (_cols, _k, _h, n) => ({ kind: 'addColumn', column: { name: `note_${n}`, type: 'text' } }),
    (cols, _k, _h, n) => (cols.length > 1 ? { kind: 'dropColumn', columnName: cols[n % cols.length] ?? '' } : undefined),
    (cols, _k, _h, n) => ({ kind: 'alterColumn', columnName: cols[n % cols.length] ?? '', newColumnName: `renamed_${n}` }),
    (cols, kinds, _h, n) => {
      const c = cols[n % cols.length] ?? ''
      const k = kinds.get(c)
      return k === undefined ? undefined : { kind: 'alterColumn', columnName: c, type: k.wider }
    },
    (cols, _k, hasNull, n) => {
      const c = cols[n % cols.length] ?? ''
      return hasNull.get(c) === false ? { kind: 'alterColumn', columnName: c, nullable: false } : { kind: 'alterColumn', columnName: c, nullable: true }
    },
    (cols, _k, _h, n) => ({ kind: 'alterColumn', columnName: cols[n % cols.length] ?? '', serverDefault: n % 2 === 0 ? null : { literal: 'd' } }),
    (cols, _k, _h, n) => ({ kind: 'createIndex', indexName: `ix_${n}`, columns: [cols[n % cols.length] ?? ''] }),
    (cols, _k, _h, n) => {
      const c = cols[n % cols.length] ?? ''
      return { kind: 'createCheckConstraint', constraintName: `ck_${n}`, condition: `"${c}" IS NULL OR "${c}" = "${c}"` }
    },
  ),
})

describe('model-based: random tables with rows, random batches', () => {
  it('keeps the data of every surviving column, child rows included, and the schema the model predicts (120 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, fc.array(stepArb, { minLength: 1, maxLength: 4 }), fc.constantFrom('auto' as const, 'always' as const), async (table, steps, recreate) => {
        const t = fresh()
        const names = table.shape.kinds.map((_, i) => `c${i}`)
        const columns: Column[] = [{ name: 'id', type: 'integer', primaryKey: true }, ...table.shape.kinds.map((k, i) => ({ name: names[i] ?? '', type: (KINDS[k] as Kind).type, nullable: table.shape.nullable[i] !== false }))]
        // A NOT NULL column gets a value in every row.
        const rows = table.values.map((vals, r) => Object.fromEntries([['id', r + 1], ...vals.map((v, i) => [names[i] ?? '', v ?? (table.shape.nullable[i] === false ? fallback(table.shape.kinds[i] ?? 0) : null)])]))
        const setup = [
          createTable({ tableName: 't', columns }),
          createTable({ tableName: 'kid', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 't_id', type: 'integer', foreignKey: { referentTable: 't', remoteCol: 'id', onDelete: 'CASCADE' } }] }),
          ...(rows.length === 0 ? [] : [bulkInsert({ tableName: 't', columns: columns.map((c) => ({ name: c.name, type: c.type })), rows })]),
          ...(table.children.length === 0 ? [] : [bulkInsert({ tableName: 'kid', columns: [{ name: 'id', type: 'integer' }, { name: 't_id', type: 'integer' }], rows: table.children.map((p, i) => ({ id: i + 1, t_id: p + 1 })) })]),
        ]
        const model = applyOps(emptySnapshot(), setup)
        t.run(sqlite.compileOps(setup, { snapshot: emptySnapshot() }))
        // The children, built on the live column list (id is never touched: the key the child points at).
        const live = [...names]
        const kinds = new Map(names.map((n, i) => [n, KINDS[table.shape.kinds[i] ?? 0] as Kind]))
        const hasNull = new Map(names.map((n) => [n, rows.some((r) => r[n] === null)]))
        const ops: BatchChildOp[] = []
        steps.forEach(({ pick, step }, i) => {
          const child = step(live, kinds, hasNull, pick + i)
          if (child === undefined || live.length === 0) return
          const introduced = child.kind === 'addColumn' ? child.column.name : child.kind === 'alterColumn' ? child.newColumnName : undefined
          if (introduced !== undefined && live.includes(introduced)) return
          if (child.kind === 'dropColumn') live.splice(live.indexOf(child.columnName), 1)
          if (child.kind === 'alterColumn' && child.newColumnName !== undefined) {
            live[live.indexOf(child.columnName)] = child.newColumnName
            kinds.set(child.newColumnName, kinds.get(child.columnName) ?? (KINDS[0] as Kind))
            hasNull.set(child.newColumnName, hasNull.get(child.columnName) ?? true)
          }
          if (child.kind === 'alterColumn' && child.type !== undefined) kinds.set(child.columnName, { ...(kinds.get(child.columnName) ?? (KINDS[0] as Kind)), wider: child.type })
          if (child.kind === 'addColumn') live.push(child.column.name)
          if (child.kind === 'createIndex' && ops.some((o) => o.kind === 'createIndex' && o.indexName === child.indexName)) return
          if (child.kind === 'createCheckConstraint' && ops.some((o) => o.kind === 'createCheckConstraint' && o.constraintName === child.constraintName)) return
          ops.push(child)
        })
        await runBatch(t, batch({ tableName: 't', recreate, ops }), model)
        expect(Number(t.query('SELECT count(*) AS n FROM kid')[0]?.['n'])).toBe(table.children.length)
      }),
      { numRuns: 120 },
    )
  })
})

function fallback(kind: number): JsonValue {
  const k = KINDS[kind]
  if (k === undefined) return 0
  const name = typeof k.type === 'string' ? k.type : k.type.name
  return name === 'boolean' ? false : name === 'date' ? '2000-01-01' : name === 'numeric' ? '0' : name === 'integer' || name === 'smallint' ? 0 : 'x'
}
