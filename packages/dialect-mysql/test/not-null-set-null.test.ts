import { mariadb, mysql } from '@athanor/dialect-mysql'
import { alterColumn, applyOps, createForeignKey, createTable, emptySnapshot } from '@athanor/ir'
import { describe, expect, it } from 'vitest'

const snapshot = applyOps(emptySnapshot(), [
  createTable({ tableName: 'parent', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
  createTable({ tableName: 'child', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'parent_id', type: 'integer' }] }),
  createForeignKey({ constraintName: 'fk_child_parent', sourceTable: 'child', referentTable: 'parent', localCols: ['parent_id'], remoteCols: ['id'], onDelete: 'SET NULL' }),
])

describe('alterColumn', () => {
  it.each([mysql, mariadb])('refuses NOT NULL on a column an ON DELETE SET NULL key sets to NULL (%s)', (dialect) => {
    const op = alterColumn({ tableName: 'child', columnName: 'parent_id', nullable: false })
    expect(() => dialect.compile(op, { snapshot })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'nullable', kind: 'alterColumn' }))
  })

  it('allows NOT NULL once the key no longer sets NULL', () => {
    const other = applyOps(emptySnapshot(), [
      createTable({ tableName: 'parent', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
      createTable({ tableName: 'child', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'parent_id', type: 'integer' }] }),
      createForeignKey({ constraintName: 'fk_child_parent', sourceTable: 'child', referentTable: 'parent', localCols: ['parent_id'], remoteCols: ['id'], onDelete: 'CASCADE' }),
    ])
    const op = alterColumn({ tableName: 'child', columnName: 'parent_id', nullable: false })
    expect(mariadb.compile(op, { snapshot: other }).map((s) => s.sql)).toEqual(['ALTER TABLE child MODIFY parent_id INTEGER NOT NULL'])
  })
})
