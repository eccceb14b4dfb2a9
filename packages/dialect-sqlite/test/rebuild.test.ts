import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sqlite } from '@athanor/dialect-sqlite'
import { batch, bulkInsert, createTable, type Column, type Op } from '@athanor/ir'
import { expectSchema, expectSound, runBatch, setUp } from './rebuild-check.js'
import { openDb, type TestDb } from './sqlite-db.js'

let db: TestDb
beforeEach(() => {
  db = openDb()
})
afterEach(() => db.close())

const varchar = (length: number) => ({ name: 'varchar', length }) as const
const id: Column = { name: 'id', type: 'integer', primaryKey: true }

/** parent(id, name UNIQUE, score CHECK ≥ 0) with 3 rows; child(parent_id → parent ON DELETE CASCADE) with 4 rows. */
const family: readonly Op[] = [
  createTable({
    tableName: 'parent',
    columns: [id, { name: 'name', type: varchar(20), nullable: false, unique: true }, { name: 'score', type: 'integer' }],
    constraints: [{ type: 'check', name: 'ck_parent_score', condition: 'score >= 0' }, { type: 'index', name: 'ix_parent_score', columns: ['score'], sqliteWhere: 'score > 10' }],
  }),
  createTable({
    tableName: 'child',
    columns: [id, { name: 'parent_id', type: 'integer', nullable: false, foreignKey: { name: 'fk_child_parent', referentTable: 'parent', remoteCol: 'id', onDelete: 'CASCADE' } }, { name: 'note', type: 'text' }],
  }),
  bulkInsert({
    tableName: 'parent',
    columns: [{ name: 'id', type: 'integer' }, { name: 'name', type: 'text' }, { name: 'score', type: 'integer' }],
    rows: [{ id: 1, name: 'ann', score: 5 }, { id: 2, name: 'bob', score: 50 }, { id: 3, name: "o'neil", score: null }],
  }),
  bulkInsert({
    tableName: 'child',
    columns: [{ name: 'id', type: 'integer' }, { name: 'parent_id', type: 'integer' }, { name: 'note', type: 'text' }],
    rows: [{ id: 10, parent_id: 1, note: 'a' }, { id: 11, parent_id: 1, note: null }, { id: 12, parent_id: 2, note: 'b' }, { id: 13, parent_id: 3, note: 'c' }],
  }),
]

const count = (table: string): number => Number(db.query(`SELECT count(*) AS n FROM ${table}`)[0]?.['n'])

describe('batch rebuild on SQLite', () => {
  it('keeps every child row that points at the rebuilt table with ON DELETE CASCADE', async () => {
    setUp(db, family)
    await runBatch(db, batch({ tableName: 'parent', ops: [{ kind: 'alterColumn', columnName: 'name', type: 'text' }, { kind: 'alterColumn', columnName: 'score', serverDefault: { literal: '0' } }] }))
    expect(count('child')).toBe(4)
    // The key still works: deleting a parent cascades as before.
    db.query('DELETE FROM parent WHERE id = 1')
    expect(count('child')).toBe(2)
  })

  it('keeps a trigger and a view on the table, both working', async () => {
    setUp(db, family)
    db.query('CREATE TABLE audit (parent_id INTEGER, what TEXT)')
    db.query("CREATE TRIGGER trg_parent_insert AFTER INSERT ON parent BEGIN INSERT INTO audit VALUES (new.id, 'insert'); END")
    db.query('CREATE VIEW scored AS SELECT name, score FROM parent WHERE score IS NOT NULL')
    await runBatch(db, batch({ tableName: 'parent', ops: [{ kind: 'addColumn', column: { name: 'plan', type: 'text', serverDefault: { literal: 'free' } }, insertAfter: 'id' }] }))
    const snapshot = await db.introspect()
    expect(snapshot.triggers?.map((t) => t.name)).toEqual(['trg_parent_insert'])
    expect(snapshot.views?.map((v) => v.name)).toEqual(['scored'])
    db.query("INSERT INTO parent (id, name, score) VALUES (4, 'dee', 1)")
    expect(db.query('SELECT * FROM audit')).toEqual([{ parent_id: 4, what: 'insert' }])
    expect(db.query('SELECT name FROM scored ORDER BY name')).toEqual([{ name: 'ann' }, { name: 'bob' }, { name: 'dee' }])
    expect(db.query('SELECT plan FROM parent WHERE id = 1')).toEqual([{ plan: 'free' }])
  })

  it('re-creates unique and partial indexes, and keeps the CHECK enforced', async () => {
    setUp(db, family)
    await runBatch(db, batch({ tableName: 'parent', recreate: 'always', ops: [{ kind: 'createIndex', indexName: 'ix_parent_name_score', columns: ['name', 'score'], unique: true }] }))
    const found = await db.introspect()
    const parent = found.tables.find((t) => t.name === 'parent')
    expect(parent?.indexes.map((ix) => [ix.name, ix.unique === true, ix.sqliteWhere ?? null]).sort()).toEqual([
      ['ix_parent_name_score', true, null],
      ['ix_parent_score', false, 'score > 10'],
    ])
    expect(() => db.query("INSERT INTO parent (id, name, score) VALUES (9, 'ann', 1)")).toThrow(/UNIQUE/)
    expect(() => db.query("INSERT INTO parent (id, name, score) VALUES (9, 'zed', -1)")).toThrow(/CHECK constraint failed: ck_parent_score/)
  })

  it('renames a column the child key, a view and a trigger use: all follow', async () => {
    setUp(db, family)
    db.query('CREATE TABLE audit (parent_id INTEGER, name TEXT)')
    db.query('CREATE TRIGGER trg_parent_name AFTER UPDATE OF name ON parent BEGIN INSERT INTO audit VALUES (new.id, new.name); END')
    db.query('CREATE VIEW parent_names AS SELECT id, name FROM parent')
    const op = batch({ tableName: 'parent', ops: [
      { kind: 'alterColumn', columnName: 'id', newColumnName: 'parent_key' },
      { kind: 'alterColumn', columnName: 'name', newColumnName: 'label', type: 'text' },
    ] })
    const { statements } = await runBatch(db, op)
    expect(statements.map((s) => s.sql).filter((s) => s.includes('RENAME COLUMN'))).toEqual([
      'ALTER TABLE parent RENAME COLUMN id TO parent_key',
      'ALTER TABLE parent RENAME COLUMN name TO label',
    ])
    const child = (await db.introspect()).tables.find((t) => t.name === 'child')
    expect(child?.constraints.find((c) => c.type === 'foreignKey')).toMatchObject({ remoteCols: ['parent_key'] })
    db.query("UPDATE parent SET label = 'ann2' WHERE parent_key = 1")
    expect(db.query('SELECT * FROM audit')).toEqual([{ parent_id: 1, name: 'ann2' }])
    expect(db.query('SELECT label FROM parent_names WHERE parent_key = 1')).toEqual([{ label: 'ann2' }])
    db.query('DELETE FROM parent WHERE parent_key = 2')
    expect(count('child')).toBe(3)
  })

  it('swaps two column names (copied under the new names directly)', async () => {
    setUp(db, [createTable({ tableName: 't', columns: [id, { name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }] }), bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }], rows: [{ id: 1, a: 10, b: 20 }] })])
    await runBatch(db, batch({ tableName: 't', ops: [
      { kind: 'alterColumn', columnName: 'a', newColumnName: 'tmp' },
      { kind: 'alterColumn', columnName: 'b', newColumnName: 'a' },
      { kind: 'alterColumn', columnName: 'tmp', newColumnName: 'b' },
    ] }))
    expect(db.query('SELECT a, b FROM t')).toEqual([{ a: 20, b: 10 }])
  })

  it('changes a type without CAST: the engine converts what it can without loss, the rest stays', async () => {
    setUp(db, [createTable({ tableName: 't', columns: [id, { name: 'v', type: varchar(20) }, { name: 'd', type: 'text' }] })])
    db.query("INSERT INTO t VALUES (1, '12', '2024-01-02'), (2, 'abc', '2024-01-03 04:05:06'), (3, '1.5', NULL)")
    const op = batch({ tableName: 't', ops: [{ kind: 'alterColumn', columnName: 'v', type: 'integer' }, { kind: 'alterColumn', columnName: 'd', type: 'datetime' }] })
    const statements = sqlite.compileOps([op], { snapshot: await db.introspect() })
    expect(statements.map((s) => s.sql)).toContain('INSERT INTO _athanor_tmp_t (id, v, d) SELECT id, v, d FROM t')
    db.run(statements)
    expectSound(db)
    expect(db.query('SELECT id, v, typeof(v) AS tv, d FROM t ORDER BY id')).toEqual([
      { id: 1, v: 12, tv: 'integer', d: '2024-01-02' },
      { id: 2, v: 'abc', tv: 'text', d: '2024-01-03 04:05:06' },
      { id: 3, v: 1.5, tv: 'real', d: null },
    ])
  })

  it('rolls the whole rebuild back when an added foreign key is violated', async () => {
    setUp(db, [...family, createTable({ tableName: 'orphan', columns: [id, { name: 'ref', type: 'integer' }] }), bulkInsert({ tableName: 'orphan', columns: [{ name: 'id', type: 'integer' }, { name: 'ref', type: 'integer' }], rows: [{ id: 1, ref: 99 }] })])
    const before = await db.introspect()
    const op = batch({ tableName: 'orphan', ops: [{ kind: 'createForeignKey', constraintName: 'fk_orphan_parent', localCols: ['ref'], referentTable: 'parent', remoteCols: ['id'] }] })
    expect(() => db.run(sqlite.compileOps([op], { snapshot: before }))).toThrow(/NOT NULL constraint failed: athanor_rebuild_check\.no_foreign_key_violation/)
    expect(db.db.inTransaction).toBe(false)
    expectSchema(await db.introspect(), before)
    expect(db.query('SELECT * FROM orphan')).toEqual([{ id: 1, ref: 99 }])
  })

  it('keeps the AUTOINCREMENT counter where it was', async () => {
    setUp(db, [createTable({ tableName: 't', sqliteAutoincrement: true, columns: [id, { name: 'a', type: 'text' }] })])
    db.query("INSERT INTO t (a) VALUES ('x'), ('y'), ('z')")
    db.query('DELETE FROM t WHERE id = 3')
    await runBatch(db, batch({ tableName: 't', ops: [{ kind: 'alterColumn', columnName: 'a', nullable: false }] }))
    db.query("INSERT INTO t (a) VALUES ('w')")
    expect(db.query('SELECT id FROM t ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }, { id: 4 }])
  })

  it('places columns as the catalog says (insertBefore, insertAfter, partialReordering)', async () => {
    const xyz = createTable({ tableName: 't', columns: [id, { name: 'x', type: 'integer' }, { name: 'y', type: 'integer' }] })
    setUp(db, [xyz, bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'x', type: 'integer' }, { name: 'y', type: 'integer' }], rows: [{ id: 1, x: 2, y: 3 }] })])
    const g = { name: 'g', type: 'integer' } as const
    const q = { name: 'q', type: 'integer' } as const
    await runBatch(db, batch({ tableName: 't', ops: [{ kind: 'addColumn', column: g, insertAfter: 'id' }, { kind: 'addColumn', column: q, insertBefore: 'g' }] }))
    expect(db.query('SELECT name FROM pragma_table_info(?)', ['t']).map((r) => r['name'])).toEqual(['id', 'q', 'g', 'x', 'y'])
    await runBatch(db, batch({ tableName: 't', partialReordering: [['x', 'id', 'y']], ops: [] }))
    expect(db.query('SELECT name FROM pragma_table_info(?)', ['t']).map((r) => r['name'])).toEqual(['q', 'g', 'x', 'id', 'y'])
  })

  it('drops a column with the foreign key that uses it, and drops a CHECK and adds a UNIQUE', async () => {
    setUp(db, family)
    await runBatch(db, batch({ tableName: 'child', ops: [{ kind: 'dropColumn', columnName: 'parent_id' }] }))
    await runBatch(db, batch({ tableName: 'parent', ops: [{ kind: 'dropConstraint', constraintName: 'ck_parent_score', type: 'check' }, { kind: 'createUniqueConstraint', constraintName: 'uq_parent_score', columns: ['score'] }] }))
    db.query("INSERT INTO parent (id, name, score) VALUES (9, 'neg', -5)")
    expect(() => db.query("INSERT INTO parent (id, name, score) VALUES (10, 'dup', -5)")).toThrow(/UNIQUE/)
  })

  it('rebuilds STRICT, WITHOUT ROWID tables and self-referencing keys', async () => {
    setUp(db, [
      createTable({ tableName: 'node', sqliteStrict: true, sqliteWithoutRowid: true, columns: [{ name: 'k', type: varchar(10), primaryKey: true }, { name: 'up', type: varchar(10), foreignKey: { referentTable: 'node', remoteCol: 'k', onDelete: 'CASCADE' } }, { name: 'n', type: 'integer' }] }),
      bulkInsert({ tableName: 'node', columns: [{ name: 'k', type: 'text' }, { name: 'up', type: 'text' }, { name: 'n', type: 'integer' }], rows: [{ k: 'a', up: null, n: 1 }, { k: 'b', up: 'a', n: 2 }] }),
    ])
    await runBatch(db, batch({ tableName: 'node', ops: [{ kind: 'alterColumn', columnName: 'n', nullable: false }] }))
    db.query("DELETE FROM node WHERE k = 'a'")
    expect(count('node')).toBe(0)
  })

  it('runs executeSql children first, then the rebuild', async () => {
    setUp(db, family)
    const op = batch({ tableName: 'parent', ops: [{ kind: 'alterColumn', columnName: 'score', nullable: false }, { kind: 'executeSql', sqltext: 'UPDATE parent SET score = 0 WHERE score IS NULL' }] })
    const statements = sqlite.compileOps([op], { snapshot: await db.introspect() })
    expect(statements[0]?.sql).toBe('UPDATE parent SET score = 0 WHERE score IS NULL')
    db.run(statements)
    expectSound(db)
    expect(db.query('SELECT score FROM parent ORDER BY id')).toEqual([{ score: 5 }, { score: 50 }, { score: 0 }])
  })
})
