import { sqlite } from '@athanor/dialect-sqlite'
import { applyOps, batch, createTable, emptySnapshot } from '@athanor/ir'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'

// Found by the model-based property: a batch that drops every old column and adds new ones.
describe('batch', () => {
  it('carries the rows over by rowid when no old column survives', () => {
    const create = createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }] })
    const op = batch({
      tableName: 't',
      ops: [
        { kind: 'addColumn', column: { name: 'b', type: 'integer', nullable: false, serverDefault: { literal: '0' } } },
        { kind: 'dropColumn', columnName: 'a', column: { name: 'a', type: 'integer' } },
        { kind: 'addColumn', column: { name: 'c', type: 'integer' } },
      ],
    })
    const db = new Database(':memory:')
    for (const s of sqlite.compile(create)) db.exec(s.sql)
    db.exec('INSERT INTO t (a) VALUES (1), (2), (3)')
    for (const s of sqlite.compile(op, { snapshot: applyOps(emptySnapshot(), [create]) })) db.exec(s.sql)
    expect(db.prepare('SELECT b, c FROM t ORDER BY rowid').all()).toEqual([
      { b: 0, c: null },
      { b: 0, c: null },
      { b: 0, c: null },
    ])
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
  })
})
