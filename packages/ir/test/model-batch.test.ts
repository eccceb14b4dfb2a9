import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, applyOps, batch, createTable, downgradeOps, emptySnapshot, findTable, isDeepFrozen, migrationScript, ModelMismatchError,
  modifyTableOps, upgradeOps, type SchemaSnapshot,
} from '@athanor/ir'
import { createView, viewRegistry } from './fixtures/view-plugin.js'

const mismatch = (path: string) => expect.objectContaining({ code: 'MODEL_MISMATCH', path })

const base: SchemaSnapshot = applyOps(emptySnapshot(), [
  createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'x', type: 'integer' }, { name: 'y', type: 'integer' }] }),
  createTable({ tableName: 'post', schema: 'blog', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'author_id', type: 'integer' }] }),
])
const columnsOf = (s: SchemaSnapshot, name: string, schema?: string) => findTable(s, name, schema)?.columns.map((c) => c.name)

describe('batch', () => {
  it('applies each child with the batch table filled in', () => {
    const s = applyOps(base, [
      batch({
        tableName: 'post',
        schema: 'blog',
        ops: [
          { kind: 'addColumn', column: { name: 'title', type: 'text' } },
          { kind: 'createForeignKey', constraintName: 'fk_author', referentTable: 'account', localCols: ['author_id'], remoteCols: ['id'] },
          { kind: 'createIndex', indexName: 'ix_title', columns: ['title'] },
          { kind: 'createTableComment', comment: 'posts' },
          { kind: 'executeSql', sqltext: 'SELECT 1' },
        ],
      }),
    ])
    const post = findTable(s, 'post', 'blog')
    expect(post?.columns.map((c) => c.name)).toEqual(['id', 'author_id', 'title'])
    expect(post?.constraints[1]).toStrictEqual({ type: 'foreignKey', name: 'fk_author', localCols: ['author_id'], referentTable: 'account', remoteCols: ['id'] })
    expect(post?.indexes).toStrictEqual([{ name: 'ix_title', columns: ['title'] }])
    expect(post?.comment).toBe('posts')
  })

  it('places added columns by insertBefore / insertAfter, as the catalog examples do', () => {
    const add = (name: string, where: { insertBefore?: string; insertAfter?: string }) => ({ kind: 'addColumn' as const, column: { name, type: 'integer' as const }, ...where })
    const cases: [Parameters<typeof add>[1][], string[]][] = [
      [[{ insertBefore: 'x' }], ['id', 'g', 'x', 'y']],
      [[{ insertBefore: 'id' }], ['g', 'id', 'x', 'y']],
      [[{ insertAfter: 'id' }], ['id', 'g', 'x', 'y']],
      [[{ insertAfter: 'x' }], ['id', 'x', 'g', 'y']],
      [[{ insertAfter: 'y' }], ['id', 'x', 'y', 'g']],
      [[{ insertAfter: 'id' }, {}], ['id', 'g', 'x', 'y', 'q']],
      [[{ insertAfter: 'id' }, { insertAfter: 'g' }], ['id', 'g', 'q', 'x', 'y']],
      [[{ insertAfter: 'id' }, { insertBefore: 'g' }], ['id', 'q', 'g', 'x', 'y']],
    ]
    for (const [hints, expected] of cases) {
      const ops = hints.map((h, i) => add(i === 0 ? 'g' : 'q', h))
      expect(columnsOf(applyOps(base, [batch({ tableName: 'account', ops })]), 'account')).toEqual(expected)
    }
  })

  it('moves an altered column with insertBefore / insertAfter', () => {
    const s = applyOps(base, [batch({ tableName: 'account', ops: [{ kind: 'alterColumn', columnName: 'y', newColumnName: 'z', insertAfter: 'id' }] })])
    expect(columnsOf(s, 'account')).toEqual(['id', 'z', 'x'])
    const t = applyOps(base, [batch({ tableName: 'account', ops: [{ kind: 'alterColumn', columnName: 'id', insertBefore: 'y' }] })])
    expect(columnsOf(t, 'account')).toEqual(['x', 'id', 'y'])
  })

  it('applies partialReordering last', () => {
    const s = applyOps(base, [batch({ tableName: 'account', partialReordering: [['x', 'id', 'y']], ops: [] })])
    expect(columnsOf(s, 'account')).toEqual(['x', 'id', 'y'])
    const t = applyOps(base, [batch({ tableName: 'account', partialReordering: [['y', 'x']], ops: [{ kind: 'addColumn', column: { name: 'g', type: 'integer' } }] })])
    expect(columnsOf(t, 'account')).toEqual(['id', 'y', 'x', 'g'])
    expect(() => applyOps(base, [batch({ tableName: 'account', partialReordering: [['x', 'y'], ['y', 'x']], ops: [] })])).toThrow(mismatch('[0].partialReordering'))
    expect(() => applyOps(base, [batch({ tableName: 'account', partialReordering: [['x', 'nope']], ops: [] })])).toThrow(mismatch('[0].partialReordering[0][1]'))
  })

  it('ignores copyFrom: the snapshot is the truth', () => {
    const s = applyOps(base, [batch({ tableName: 'account', copyFrom: { columns: [{ name: 'other', type: 'text' }] }, ops: [{ kind: 'dropColumn', columnName: 'y' }] })])
    expect(columnsOf(s, 'account')).toEqual(['id', 'x'])
  })

  it('refuses a missing table, and prefixes a child error with its index', () => {
    expect(() => applyOps(base, [batch({ tableName: 'nope', ops: [] })])).toThrow(mismatch('[0].tableName'))
    expect(() => applyOps(base, [batch({ tableName: 'account', ops: [{ kind: 'dropColumn', columnName: 'x' }, { kind: 'dropColumn', columnName: 'x' }] })])).toThrow(
      mismatch('[0].ops[1].columnName'),
    )
    expect(() => applyOps(base, [batch({ tableName: 'account', ops: [{ kind: 'addColumn', column: { name: 'g', type: 'text' }, insertBefore: 'nope' }] })])).toThrow(
      mismatch('[0].ops[0].insertBefore'),
    )
  })
})

describe('containers', () => {
  const addG = addColumn({ tableName: 'account', column: { name: 'g', type: 'text' } })
  const renameG = alterColumn({ tableName: 'account', columnName: 'g', newColumnName: 'h' })

  it('apply their children in order', () => {
    const expected = applyOps(base, [addG, renameG])
    expect(applyOps(base, [modifyTableOps({ tableName: 'account', ops: [addG, renameG] })])).toEqual(expected)
    expect(applyOps(base, [upgradeOps({ ops: [addG, modifyTableOps({ tableName: 'account', ops: [renameG] })] })])).toEqual(expected)
    expect(applyOps(base, [downgradeOps({ ops: [addG, renameG] })])).toEqual(expected)
  })

  it('a migration script applies its upgrade, not its downgrade', () => {
    const script = migrationScript({ revId: 'a1', upgradeOps: [upgradeOps({ ops: [addG] }), upgradeOps({ ops: [renameG] })], downgradeOps: downgradeOps({ ops: [renameG] }) })
    expect(applyOps(base, [script])).toEqual(applyOps(base, [addG, renameG]))
  })

  it('prefix a child error with the path to it', () => {
    expect(() => applyOps(base, [addG, upgradeOps({ ops: [renameG, modifyTableOps({ tableName: 'account', ops: [alterColumn({ tableName: 'account', columnName: 'h', nullable: false }), renameG] })] })])).toThrow(
      mismatch('[1].ops[1].ops[1].columnName'),
    )
    const script = migrationScript({ revId: 'a1', upgradeOps: upgradeOps({ ops: [renameG] }), downgradeOps: [] })
    expect(() => applyOps(base, [script])).toThrow(mismatch('[0].upgradeOps[0].ops[0].columnName'))
  })
})

describe('applyOps', () => {
  it('is pure and returns a deep-frozen snapshot sharing what did not change', () => {
    const before = JSON.stringify(base)
    const s = applyOps(base, [addColumn({ tableName: 'account', column: { name: 'g', type: 'text' } })])
    expect(JSON.stringify(base)).toBe(before)
    expect(isDeepFrozen(s)).toBe(true)
    expect(s.tables[1]).toBe(base.tables[1])
    expect(applyOps(base, [])).toBe(base)
  })

  it('freezes the result of a hand-built snapshot', () => {
    const handBuilt: SchemaSnapshot = { tables: [{ name: 't', columns: [{ name: 'a', type: 'integer', nullable: true }], constraints: [], indexes: [] }] }
    const s = applyOps(handBuilt, [addColumn({ tableName: 't', column: { name: 'b', type: 'text' } })])
    expect(isDeepFrozen(s)).toBe(true)
  })

  it('wraps an error in a ModelMismatchError with the op index and the original as cause', () => {
    const bad = addColumn({ tableName: 'nope', column: { name: 'g', type: 'text' } })
    let caught: unknown
    try {
      applyOps(base, [addColumn({ tableName: 'account', column: { name: 'g', type: 'text' } }), bad])
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(ModelMismatchError)
    expect(caught).toMatchObject({ code: 'MODEL_MISMATCH', kind: 'addColumn', path: '[1].tableName', cause: expect.objectContaining({ path: 'tableName' }) })
  })

  it('applies plugin kinds through their definition', () => {
    expect(applyOps(base, [createView({ viewName: 'v', sqltext: 'SELECT 1' })], { registry: viewRegistry })).toBe(base)
    expect(() => applyOps(base, [createView({ viewName: 'account', sqltext: 'SELECT 1' })], { registry: viewRegistry })).toThrow(mismatch('[0].viewName'))
    expect(() => applyOps(base, [createView({ viewName: 'v', sqltext: 'SELECT 1' })])).toThrow(expect.objectContaining({ code: 'UNKNOWN_KIND' }))
  })
})
