import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addColumn, alterColumn, applyOps, batch, bulkInsert, createIndex, createTable, dropColumn, emptySnapshot, renameTable, type Op } from '@athanor/ir'
import { duckdb } from 'athanor-dialect-duckdb'
import { duckdbColumnType } from 'athanor-dialect-duckdb/introspect'
import { openDb, type TestDb } from './duckdb-db.js'

// Each op compiled against the schema the earlier ones left, and run on a live in-process DuckDB.
let db: TestDb
beforeEach(async () => {
  db = await openDb()
})
afterEach(() => db.close())

async function migrate(...ops: Op[]): Promise<void> {
  await db.run(duckdb.compileOps(ops, { snapshot: emptySnapshot() }))
}

const table = createTable({
  tableName: 't',
  columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'code', type: 'text' }, { name: 'n', type: 'integer' }],
})
const rows = bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'code', type: 'text' }, { name: 'n', type: 'integer' }], rows: [{ id: 1, code: 'a', n: 1 }, { id: 2, code: 'b', n: 2 }] })
const numericCodes = bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'code', type: 'text' }, { name: 'n', type: 'integer' }], rows: [{ id: 1, code: '1', n: 1 }, { id: 2, code: '2', n: 2 }] })
const indexed = [table, rows, createIndex({ indexName: 'ix_t_code', tableName: 't', columns: ['code', { sql: 'lower(code)' }] }), createIndex({ indexName: 'ix_t_n', tableName: 't', columns: ['n'] })]

describe('a table with indexes', () => {
  it('has its columns renamed, made NOT NULL, retyped and dropped in one transaction, the indexes following', async () => {
    const ops = [
      ...indexed,
      alterColumn({ tableName: 't', columnName: 'code', newColumnName: 'label' }),
      alterColumn({ tableName: 't', columnName: 'n', nullable: false }),
      addColumn({ tableName: 't', column: { name: 'extra', type: 'integer', nullable: false, serverDefault: { sql: '0' } } }),
      alterColumn({ tableName: 't', columnName: 'extra', type: 'bigint' }),
      dropColumn({ tableName: 't', columnName: 'extra' }),
      renameTable({ oldTableName: 't', newTableName: 'u' }),
    ]
    await migrate(...ops)
    const found = await db.introspect()
    expect(found.tables.map((t) => t.name)).toEqual(['u'])
    expect(found.tables[0]?.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([['id', 'integer', false], ['label', 'varchar', true], ['n', 'integer', false]])
    expect(found.tables[0]?.indexes).toEqual([
      // The schema model renames the column inside the expression, quoted.
      { name: 'ix_t_code', columns: ['label', { sql: '(lower("label"))' }] },
      { name: 'ix_t_n', columns: ['n'] },
    ])
    expect(await db.query('SELECT id, label FROM u ORDER BY id')).toEqual([{ id: 1, label: 'a' }, { id: 2, label: 'b' }])
  })

  it('refuses outside a batch, and rebuilds in one, a drop or type change an index blocks', async () => {
    await migrate(...indexed)
    const snapshot = await db.introspect()
    const drop = dropColumn({ tableName: 't', columnName: 'code' })
    const retype = alterColumn({ tableName: 't', columnName: 'n', type: 'bigint' })
    expect(() => duckdb.compile(drop, { snapshot })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'columnName' }))
    expect(() => duckdb.compile(retype, { snapshot })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'type' }))
    const op = batch({ tableName: 't', ops: [{ kind: 'dropColumn', columnName: 'code' }, { kind: 'alterColumn', columnName: 'n', type: 'bigint' }] })
    await db.run(duckdb.compile(op, { snapshot }))
    const found = await db.introspect()
    expect(found.tables[0]?.columns.map((c) => [c.name, c.type])).toEqual([['id', 'integer'], ['n', 'bigint']])
    expect(found.tables[0]?.indexes).toEqual([{ name: 'ix_t_n', columns: ['n'] }])
    expect(await db.query('SELECT id, n FROM t ORDER BY id')).toEqual([{ id: 1, n: '1' }, { id: 2, n: '2' }])
  })

  it('is rebuilt by a batch that adds a constraint, keeping its rows, indexes and views', async () => {
    await migrate(table, numericCodes, createIndex({ indexName: 'ix_t_code', tableName: 't', columns: ['code'] }), createIndex({ indexName: 'ix_t_n', tableName: 't', columns: ['n'] }))
    await db.exec('CREATE VIEW t_codes AS SELECT code FROM t')
    const snapshot = await db.introspect()
    const op = batch({ tableName: 't', ops: [{ kind: 'createCheckConstraint', constraintName: 'ck_t_n', condition: 'n > 0' }, { kind: 'alterColumn', columnName: 'code', type: 'integer' }] })
    await db.run(duckdb.compile(op, { snapshot }))
    const found = await db.introspect()
    expect(found.tables[0]?.constraints.map((c) => c.type)).toEqual(['primaryKey', 'check'])
    expect(found.tables[0]?.indexes.map((ix) => ix.name)).toEqual(['ix_t_code', 'ix_t_n'])
    expect(found.tables[0]?.columns.find((c) => c.name === 'code')?.type).toBe('integer')
    expect(await db.query('SELECT code FROM t_codes ORDER BY code')).toEqual([{ code: 1 }, { code: 2 }])
    await expect(db.exec('INSERT INTO t (id, code, n) VALUES (3, 3, 0)')).rejects.toThrow(/CHECK constraint/)
  })

  it('rolls a failed rebuild back, leaving the table as it was', async () => {
    await migrate(...indexed, bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'code', type: 'text' }], rows: [{ id: 3, code: 'x' }] }))
    const snapshot = await db.introspect()
    const op = batch({ tableName: 't', recreate: 'always', ops: [{ kind: 'alterColumn', columnName: 'code', type: 'integer' }] })
    await expect(db.run(duckdb.compile(op, { snapshot }))).rejects.toThrow(/Conversion Error/)
    expect(await db.introspect()).toEqual(snapshot)
    expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: '3' }])
  })
})

describe('the introspector', () => {
  it('reads generated columns, enums, defaults and comments as the ops wrote them', async () => {
    const op = createTable({
      tableName: 'g',
      columns: [
        { name: 'qty', type: 'integer', serverDefault: { literal: '1' }, comment: "qty's" },
        { name: 'double_qty', type: 'integer', computed: { sqltext: 'qty * 2' } },
        { name: 'mood', type: { name: 'enum', values: ['calm', "it's"] } },
        { name: 'at', type: 'datetime', serverDefault: { sql: 'CURRENT_TIMESTAMP' } },
      ],
    })
    await migrate(op)
    const [found] = (await db.introspect()).tables
    expect(found?.columns).toEqual([
      { name: 'qty', type: 'integer', nullable: true, serverDefault: { literal: '1' }, comment: "qty's" },
      { name: 'double_qty', type: 'integer', nullable: true, computed: { sqltext: '(qty * 2)', persisted: false } },
      { name: 'mood', type: { name: 'enum', values: ['calm', "it's"] }, nullable: true },
      { name: 'at', type: 'datetime', nullable: true, serverDefault: { sql: 'CURRENT_TIMESTAMP' } },
    ])
    expect(applyOps(emptySnapshot(), [op]).tables[0]?.columns.map((c) => c.name)).toEqual(found?.columns.map((c) => c.name))
  })

  it('maps DuckDB type names to generic types, and the rest to raw types', () => {
    expect(['DECIMAL(10,2)', 'TIMESTAMP WITH TIME ZONE', 'BLOB', 'HUGEINT', 'INTEGER[]'].map(duckdbColumnType)).toEqual([
      { name: 'numeric', precision: 10, scale: 2 },
      { name: 'datetime', timezone: true },
      'binary',
      { name: 'raw', sql: 'HUGEINT' },
      { name: 'raw', sql: 'INTEGER[]' },
    ])
  })
})
