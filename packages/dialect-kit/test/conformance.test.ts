import { describe, expect, it } from 'vitest'
import { createQuoter, UnsupportedOperationError, type Capabilities, type Dialect } from '@athanor/dialect-kit'
import {
  compareSnapshots, conformanceCases, conformanceScenarios, runScenario, schemaScenarios, sqlFingerprint, type ConformanceTarget, type Scenario,
} from '@athanor/dialect-kit/conformance'
import { addColumn, applyOps, createTable, emptySnapshot, executeSql, type ColumnModel, type Op, type SchemaSnapshot, type TableModel } from '@athanor/ir'

const table = (fields: Partial<TableModel> & Pick<TableModel, 'name'>): TableModel => ({ columns: [], constraints: [], indexes: [], ...fields })
const snap = (...tables: TableModel[]): SchemaSnapshot => ({ tables })
const paths = (e: SchemaSnapshot, f: SchemaSnapshot, options: Partial<Parameters<typeof compareSnapshots>[2]> = {}): string[] =>
  compareSnapshots(e, f, { dialect: 'postgresql', ...options }).map((d) => d.path)

describe('sqlFingerprint', () => {
  it('ignores case, whitespace, parentheses, casts and quotes around names', () => {
    expect(sqlFingerprint('(a >= 0)')).toBe(sqlFingerprint('A>=0'))
    expect(sqlFingerprint('lower((email)::text)')).toBe(sqlFingerprint('lower(email)'))
    expect(sqlFingerprint("((label)::text <> ''::text)")).toBe(sqlFingerprint("label <> ''"))
    expect(sqlFingerprint("'a'::character varying")).toBe(sqlFingerprint("'a'"))
    expect(sqlFingerprint('"Mixed" > 0')).toBe(sqlFingerprint('"Mixed">0'))
    expect(sqlFingerprint('("label" != \'\')')).toBe(sqlFingerprint("label <> ''"))
  })

  it('keeps string literals, the case of quoted names, and words after a cast', () => {
    expect(sqlFingerprint("a = 'X'")).not.toBe(sqlFingerprint("a = 'x'"))
    expect(sqlFingerprint('"Mixed" > 0')).not.toBe(sqlFingerprint('mixed > 0'))
    expect(sqlFingerprint('(a)::text and b')).toBe(sqlFingerprint('a and b'))
    expect(sqlFingerprint('a > 0')).not.toBe(sqlFingerprint('a > 1'))
  })
})

describe('compareSnapshots', () => {
  const col = { name: 'email', type: 'text', nullable: false } as const

  it('finds nothing between equal snapshots, whatever the spelling of types and the order of tables', () => {
    const a = snap(table({ name: 'a', columns: [{ name: 'id', type: 'integer', nullable: false }] }), table({ name: 'b' }))
    const b = snap(table({ name: 'b' }), table({ name: 'a', columns: [{ name: 'id', type: { name: 'integer' }, nullable: false }] }))
    expect(compareSnapshots(a, b, { dialect: 'postgresql' })).toEqual([])
  })

  it('reports a column field by its path, with both values', () => {
    const d = compareSnapshots(snap(table({ name: 'account', columns: [{ name: 'id', type: 'integer', nullable: false }, col] })), snap(table({ name: 'account', columns: [{ name: 'id', type: 'integer', nullable: false }, { ...col, nullable: true }] })), { dialect: 'postgresql' })
    expect(d).toEqual([{ path: 'tables[0].columns[1].nullable', expected: false, found: true, message: 'tables[0].columns[1].nullable: expected false, found true (column account.email)' }])
  })

  it('reports missing and unexpected tables, columns, constraints and indexes', () => {
    const e = snap(table({ name: 't', columns: [col], constraints: [{ type: 'unique', name: 'uq', columns: ['email'] }], indexes: [{ name: 'ix', columns: ['email'] }] }), table({ name: 'gone' }))
    const f = snap(table({ name: 't', columns: [{ ...col, name: 'other' }], constraints: [{ type: 'unique', name: 'uq2', columns: ['email'] }], indexes: [{ name: 'ix2', columns: ['email'] }] }), table({ name: 'new' }))
    expect(paths(e, f)).toEqual([
      'tables[0].columns[0]', 'tables[0].columns', 'tables[0].constraints[0]', 'tables[0].constraints', 'tables[0].indexes[0]', 'tables[0].indexes', 'tables[1]', 'tables',
    ])
  })

  it('matches an unnamed constraint with any constraint of the same definition', () => {
    const e = snap(table({ name: 't', columns: [col], constraints: [{ type: 'unique', columns: ['email'] }, { type: 'check', condition: 'length(email) > 3' }] }))
    const f = snap(table({ name: 't', columns: [col], constraints: [{ type: 'check', name: 't_email_check', condition: '(length(email) > 3)' }, { type: 'unique', name: 't_email_key', columns: ['email'] }] }))
    expect(paths(e, f)).toEqual([])
  })

  it('ignores every constraint name when the engine does not keep them', () => {
    const e = snap(table({ name: 't', columns: [col], constraints: [{ type: 'unique', name: 'uq_t_email', columns: ['email'] }, { type: 'check', name: 'ck_t_email', condition: 'length(email) > 3' }] }))
    const f = snap(table({ name: 't', columns: [col], constraints: [{ type: 'check', name: 't_email_check', condition: '(length(email) > 3)' }, { type: 'unique', name: 't_email_key', columns: ['email'] }] }))
    expect(paths(e, f)).toEqual(['tables[0].constraints[0]', 'tables[0].constraints[1]', 'tables[0].constraints', 'tables[0].constraints'])
    expect(paths(e, f, { capabilities: { ...capabilities, namedConstraints: false } })).toEqual([])
    const other = snap(table({ name: 't', columns: [col], constraints: [{ type: 'unique', name: 't_email_key', columns: ['id'] }] }))
    expect(paths(snap(table({ name: 't', columns: [col], constraints: [{ type: 'unique', name: 'uq_t_email', columns: ['email'] }] })), other, { capabilities: { ...capabilities, namedConstraints: false } })).toEqual([
      'tables[0].constraints[0]',
      'tables[0].constraints',
    ])
  })

  it('ignores default options, other dialects\' fields and how-not-what fields', () => {
    const fk = { type: 'foreignKey', name: 'fk', localCols: ['a'], referentTable: 'p', remoteCols: ['id'] } as const
    const e = snap(table({ name: 't', constraints: [{ ...fk, onDelete: 'no action', match: 'SIMPLE', deferrable: false, useAlter: true }], indexes: [{ name: 'ix', columns: ['a'], unique: false, quote: true, mysqlLength: 10, sqliteWhere: 'a > 0' }] }))
    const f = snap(table({ name: 't', constraints: [fk], indexes: [{ name: 'ix', columns: ['a'] }] }))
    expect(paths(e, f)).toEqual([])
    expect(paths(snap(table({ name: 't', constraints: [{ ...fk, onDelete: 'cascade' }] })), snap(table({ name: 't', constraints: [{ ...fk, onDelete: 'CASCADE' }] })))).toEqual([])
    const ix = (where: { readonly postgresqlWhere?: string }): SchemaSnapshot => snap(table({ name: 't', indexes: [{ name: 'ix', columns: ['a'], ...where }] }))
    expect(paths(ix({ postgresqlWhere: 'a > 0' }), ix({}))).toEqual(['tables[0].indexes[0].postgresqlWhere'])
    expect(paths(ix({ postgresqlWhere: 'a > 0' }), ix({ postgresqlWhere: '(a > 0)' }))).toEqual([])
  })

  it('compares autoincrement only where the ops said it', () => {
    const id = { name: 'id', type: 'integer', nullable: false } as const
    expect(paths(snap(table({ name: 't', columns: [id] })), snap(table({ name: 't', columns: [{ ...id, autoincrement: true }] })))).toEqual([])
    expect(paths(snap(table({ name: 't', columns: [{ ...id, autoincrement: true }] })), snap(table({ name: 't', columns: [id] })))).toEqual(['tables[0].columns[0].autoincrement'])
  })

  it('compares column order unless told not to', () => {
    const a = { name: 'a', type: 'integer', nullable: true } as const
    const b = { name: 'b', type: 'integer', nullable: true } as const
    expect(paths(snap(table({ name: 't', columns: [a, b] })), snap(table({ name: 't', columns: [b, a] })))).toEqual(['tables[0].columns'])
    expect(paths(snap(table({ name: 't', columns: [a, b] })), snap(table({ name: 't', columns: [b, a] })), { columnOrder: 'any' })).toEqual([])
  })

  it('drops what the capabilities say the engine cannot store, and applies the dialect\'s canonical forms', () => {
    const caps = { comments: false } as Capabilities
    expect(paths(snap(table({ name: 't', comment: 'x', columns: [{ ...col, comment: 'y' }] })), snap(table({ name: 't', columns: [col] })), { capabilities: caps })).toEqual([])
    const canonical = { column: (c: ColumnModel): ColumnModel => (c.type === 'float' ? { ...c, type: 'double' } : c) }
    const e = snap(table({ name: 't', columns: [{ name: 'r', type: 'float', nullable: true }] }))
    const f = snap(table({ name: 't', columns: [{ name: 'r', type: 'double', nullable: true }] }))
    expect(paths(e, f)).toEqual(['tables[0].columns[0].type'])
    expect(paths(e, f, { canonical })).toEqual([])
  })
})

const capabilities: Capabilities = {
  transactionalDdl: true, alterConstraints: true, alterColumn: true, renameColumn: true, dropColumn: true, comments: true, schemas: true,
  columnIfExists: true, deferrableConstraints: true, partialIndexes: true, expressionIndexes: true, identityColumns: true,
}

/** A dialect whose "SQL" is the op kind, refusing `executeSql`; its engine is the model itself. */
function fakeDialect(caps: Capabilities): Dialect {
  const compile = (op: Op): readonly { sql: string }[] => {
    if (op.kind === 'executeSql') throw new UnsupportedOperationError({ kind: op.kind, path: 'sqltext', engine: 'fake', message: 'fake: no raw SQL' })
    return [{ sql: op.kind }]
  }
  const quote = createQuoter({ dialect: 'fake', open: '"', close: '"', reserved: new Set(), literal: (s) => `'${s}'` })
  return { name: 'fake', capabilities: caps, quote, compile, compileOps: (ops) => ops.flatMap(compile) }
}

function fakeTarget(dialect: Dialect, scenario: Scenario, tweak: (s: SchemaSnapshot) => SchemaSnapshot = (s) => s): ConformanceTarget & { readonly ran: string[] } {
  const ran: string[] = []
  return {
    dialect,
    ran,
    exec: async (sql) => {
      if (sql === 'dropTable') throw new Error('boom')
      ran.push(sql)
    },
    introspect: async () => tweak(applyOps(emptySnapshot(), [...(scenario.setup ?? []), ...scenario.ops])),
    reset: async () => {
      ran.length = 0
    },
    query: async () => [{ n: 1 }],
  }
}

describe('runScenario', () => {
  const t = createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer' }] })
  const scenario: Scenario = { name: 'adds a column', setup: [t], ops: [addColumn({ tableName: 't', column: { name: 'a', type: 'integer' } })], expect: { rowCounts: [{ table: 't', count: 1 }] } }

  it('passes when the engine holds what the model says, after running setup and ops', async () => {
    const target = fakeTarget(fakeDialect(capabilities), scenario)
    expect(await runScenario(scenario, target)).toMatchObject({ status: 'passed', problems: [], statements: ['createTable', 'addColumn'] })
  })

  it('fails with the differences and the row counts that do not match', async () => {
    const s: Scenario = { ...scenario, expect: { rowCounts: [{ table: 't', count: 2, where: 'a > 0' }] } }
    const target = fakeTarget(fakeDialect(capabilities), s, (snapshot) => applyOps(snapshot, [addColumn({ tableName: 't', column: { name: 'b', type: 'text' } })]))
    const r = await runScenario(s, target)
    expect(r.status).toBe('failed')
    expect(r.differences.map((d) => d.path)).toEqual(['tables[0].columns'])
    expect(r.problems).toHaveLength(2)
  })

  it('counts a refusal as passed only when the capabilities announce it', async () => {
    const refused: Scenario = { name: 'raw SQL', requires: (caps) => caps.alterColumn, ops: [executeSql({ sqltext: 'SELECT 1' })] }
    const without = fakeDialect({ ...capabilities, alterColumn: false })
    expect(await runScenario(refused, fakeTarget(without, refused))).toMatchObject({ status: 'refused', refusal: { kind: 'executeSql', path: 'sqltext' } })
    expect(await runScenario(refused, fakeTarget(fakeDialect(capabilities), refused))).toMatchObject({ status: 'failed', refusal: { kind: 'executeSql' } })
  })

  it('fails on a statement the engine rejects, and on a scenario the model refuses', async () => {
    const drop: Scenario = { name: 'drop', setup: [t], ops: [{ kind: 'dropTable', tableName: 't' }] }
    expect((await runScenario(drop, fakeTarget(fakeDialect(capabilities), drop))).problems).toEqual(['ops statement 2 failed: boom\n  dropTable'])
    const invalid: Scenario = { name: 'invalid', ops: [addColumn({ tableName: 'missing', column: { name: 'a', type: 'integer' } })] }
    expect((await runScenario(invalid, fakeTarget(fakeDialect(capabilities), invalid))).status).toBe('failed')
  })
})

describe('conformanceScenarios', () => {
  it('each fits the schema model, with a unique name', () => {
    const all = [...conformanceScenarios, ...schemaScenarios('other')]
    for (const s of all) expect(() => applyOps(emptySnapshot(), [...(s.setup ?? []), ...s.ops]), s.name).not.toThrow()
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length)
  })

  it('covers every built-in op kind', () => {
    const kinds = new Set<string>()
    const visit = (op: { readonly kind: string; readonly ops?: readonly { readonly kind: string }[]; readonly upgradeOps?: readonly { readonly kind: string; readonly ops: readonly { readonly kind: string }[] }[] }): void => {
      kinds.add(op.kind)
      op.ops?.forEach(visit)
      op.upgradeOps?.forEach(visit)
    }
    for (const s of conformanceScenarios) s.ops.forEach(visit)
    expect([...kinds].sort()).toEqual([
      'addColumn', 'alterColumn', 'batch', 'bulkInsert', 'createCheckConstraint', 'createForeignKey', 'createIndex', 'createPrimaryKey', 'createTable',
      'createTableComment', 'createUniqueConstraint', 'downgradeOps', 'dropColumn', 'dropConstraint', 'dropIndex', 'dropTable', 'dropTableComment', 'executeSql',
      'migrationScript', 'modifyTableOps', 'renameTable', 'upgradeOps',
    ])
  })

  it('gives one case per scenario, with the schema scenarios when there is a second schema', () => {
    const target = fakeTarget(fakeDialect(capabilities), conformanceScenarios[0] as Scenario)
    expect(conformanceCases(target).map((c) => c.name)).toEqual(conformanceScenarios.map((s) => s.name))
    expect(conformanceCases(target, { otherSchema: 's2' }).map((c) => c.name)).toEqual([...conformanceScenarios, ...schemaScenarios('s2')].map((s) => s.name))
  })
})
