import { describe, expect, it } from 'vitest'
import { applyOps, createTable, dropTable, emptySnapshot, renameTable, type SchemaSnapshot } from '@athanor/ir'

describe('triggers and views in the schema model', () => {
  const base = applyOps(emptySnapshot(), [
    createTable({ tableName: 'a', columns: [{ name: 'id', type: 'integer' }] }),
    createTable({ tableName: 'b', columns: [{ name: 'id', type: 'integer' }] }),
  ])
  const start: SchemaSnapshot = {
    ...base,
    triggers: [{ name: 'trg_a', tableName: 'a', sql: 'CREATE TRIGGER trg_a …' }, { name: 'trg_b', tableName: 'b', sql: 'CREATE TRIGGER trg_b …' }],
    views: [{ name: 'v', sql: 'CREATE VIEW v AS SELECT id FROM a' }],
  }

  it('moves a table’s triggers along with renameTable and keeps views', () => {
    const after = applyOps(start, [renameTable({ oldTableName: 'a', newTableName: 'c' })])
    expect(after.triggers?.map((t) => [t.name, t.tableName])).toEqual([['trg_a', 'c'], ['trg_b', 'b']])
    expect(after.views).toEqual(start.views)
  })

  it('drops a table’s triggers with dropTable', () => {
    expect(applyOps(start, [dropTable({ tableName: 'a' })]).triggers?.map((t) => t.name)).toEqual(['trg_b'])
  })

  it('leaves a snapshot without triggers or views without them', () => {
    const after = applyOps(base, [dropTable({ tableName: 'a' })])
    expect('triggers' in after || 'views' in after).toBe(false)
  })
})
