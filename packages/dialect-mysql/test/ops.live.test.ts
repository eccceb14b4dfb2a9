/**
 * What is particular to MySQL and MariaDB, compiled and run on MariaDB, then read back with the
 * introspector: columns restated by MODIFY and CHANGE keep what the op does not change, InnoDB's
 * foreign-key indexes, MariaDB's JSON and column-free checks, table and index options, values.
 * Each test starts from an empty database of its own (see live.ts).
 */
import { expect, it } from 'vitest'
import {
  addColumn, alterColumn, applyOps, bulkInsert, createCheckConstraint, createForeignKey, createIndex, createTable, dropColumn, dropConstraint, dropIndex,
  emptySnapshot, findTable, type ColumnModel, type Op, type SchemaSnapshot,
} from '@athanor/ir'
import { createMysqlDialect } from '@athanor/dialect-mysql'
import { introspectMysql } from '@athanor/dialect-mysql/introspect'
import { describeLive, type LiveDb } from './live.js'

const mariadb = createMysqlDialect({ flavour: 'mariadb', version: '10.11' })
/** CHANGE for renames, as on servers without RENAME COLUMN (MariaDB 10.11 runs it too). */
const mariadb104 = createMysqlDialect({ flavour: 'mariadb', version: '10.4' })

/** Compiles the ops against the model of the schema so far (as the CLI does) and runs them; returns the model after them. */
async function apply(db: LiveDb, ops: readonly Op[], dialect = mariadb, start: SchemaSnapshot = emptySnapshot()): Promise<SchemaSnapshot> {
  await db.run(dialect.compileOps(ops, { snapshot: start }))
  return applyOps(start, ops)
}

async function columnOf(db: LiveDb, table: string, column: string): Promise<ColumnModel | undefined> {
  return findTable(await introspectMysql(db.introspectQuery), table)?.columns.find((c) => c.name === column)
}

describeLive('alterColumn keeps what it does not change', (db) => {
  const table = createTable({
    tableName: 't',
    columns: [
      { name: 'id', type: 'integer', primaryKey: true, comment: 'key' },
      { name: 'at', type: 'datetime', nullable: false, serverDefault: { sql: 'CURRENT_TIMESTAMP' }, mysqlOnUpdate: 'CURRENT_TIMESTAMP', comment: 'touched' },
      { name: 'name', type: { name: 'varchar', length: 20 }, nullable: false, serverDefault: { literal: "it's" }, comment: 'who' },
    ],
  })

  it('restates AUTO_INCREMENT, default, ON UPDATE and comment from the snapshot', async () => {
    const model = await apply(db, [table])
    await apply(db, [alterColumn({ tableName: 't', columnName: 'id', type: 'bigint' }), alterColumn({ tableName: 't', columnName: 'at', nullable: true }), alterColumn({ tableName: 't', columnName: 'name', type: { name: 'varchar', length: 40 } })], mariadb, model)
    expect(await columnOf(db, 't', 'id')).toEqual({ name: 'id', type: 'bigint', nullable: false, autoincrement: true, comment: 'key' })
    expect(await columnOf(db, 't', 'at')).toEqual({
      name: 'at', type: 'datetime', nullable: true, serverDefault: { sql: 'current_timestamp()' }, mysqlOnUpdate: 'current_timestamp()', comment: 'touched',
    })
    expect(await columnOf(db, 't', 'name')).toEqual({ name: 'name', type: { name: 'varchar', length: 40 }, nullable: false, serverDefault: { literal: "it's" }, comment: 'who' })
  })

  it('keeps everything through a rename, with RENAME COLUMN or with CHANGE', async () => {
    const model = await apply(db, [table])
    const renamed = await apply(db, [alterColumn({ tableName: 't', columnName: 'at', newColumnName: 'at2' })], mariadb, model)
    await apply(db, [alterColumn({ tableName: 't', columnName: 'at2', newColumnName: 'at3' }), alterColumn({ tableName: 't', columnName: 'name', newColumnName: 'who' })], mariadb104, renamed)
    expect(await columnOf(db, 't', 'at3')).toEqual({
      name: 'at3', type: 'datetime', nullable: false, serverDefault: { sql: 'current_timestamp()' }, mysqlOnUpdate: 'current_timestamp()', comment: 'touched',
    })
    expect(await columnOf(db, 't', 'who')).toMatchObject({ nullable: false, serverDefault: { literal: "it's" }, comment: 'who' })
  })

  it('restates from an introspected snapshot as well as from the model', async () => {
    await apply(db, [table])
    const read = await introspectMysql(db.introspectQuery)
    await db.run(mariadb.compile(alterColumn({ tableName: 't', columnName: 'at', comment: 'changed' }), { snapshot: read }))
    expect(await columnOf(db, 't', 'at')).toMatchObject({ nullable: false, serverDefault: { sql: 'current_timestamp()' }, mysqlOnUpdate: 'current_timestamp()', comment: 'changed' })
  })

  it('sets a DATETIME default with CHANGE and drops a default with ALTER COLUMN', async () => {
    const model = await apply(db, [createTable({ tableName: 't', columns: [{ name: 'at', type: { name: 'datetime', precision: 3 } }, { name: 'n', type: 'integer', serverDefault: { literal: '5' } }] })])
    await apply(db, [alterColumn({ tableName: 't', columnName: 'at', serverDefault: { sql: 'CURRENT_TIMESTAMP(3)' } }), alterColumn({ tableName: 't', columnName: 'n', serverDefault: null })], mariadb, model)
    expect(await columnOf(db, 't', 'at')).toEqual({ name: 'at', type: { name: 'datetime', precision: 3 }, nullable: true, serverDefault: { sql: 'current_timestamp(3)' } })
    expect(await columnOf(db, 't', 'n')).toEqual({ name: 'n', type: 'integer', nullable: true })
  })
})

describeLive('keys and indexes', (db) => {
  it("drops InnoDB's index with the foreign key it was made for", async () => {
    const model = await apply(db, [
      createTable({ tableName: 'p', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
      createTable({ tableName: 'c', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'p_id', type: 'integer' }] }),
      createForeignKey({ constraintName: 'fk_c_p', sourceTable: 'c', referentTable: 'p', localCols: ['p_id'], remoteCols: ['id'], onDelete: 'CASCADE' }),
    ])
    // While the key exists, the introspector leaves its index out.
    expect(findTable(await introspectMysql(db.introspectQuery), 'c')?.indexes).toEqual([])
    const stats = (): Promise<unknown[]> => db.query(`SELECT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'c' ORDER BY INDEX_NAME`)
    expect(await stats()).toEqual([{ name: 'fk_c_p' }, { name: 'PRIMARY' }])
    await apply(db, [dropConstraint({ constraintName: 'fk_c_p', tableName: 'c', type: 'foreignKey' })], mariadb, model)
    expect(await stats()).toEqual([{ name: 'PRIMARY' }])
  })

  it("follows InnoDB's index through foreign keys sharing its columns, dropped newest first", async () => {
    const fk = (name: string) => createForeignKey({ constraintName: name, sourceTable: 'c', referentTable: 'p', localCols: ['p_id'], remoteCols: ['id'] })
    let model = await apply(db, [
      createTable({ tableName: 'p', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
      createTable({ tableName: 'c', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'p_id', type: 'integer' }] }),
      fk('fk_1'),
      fk('fk_2'),
    ])
    model = await apply(db, [dropConstraint({ constraintName: 'fk_2', tableName: 'c', type: 'foreignKey' })], mariadb, model)
    expect(findTable(await introspectMysql(db.introspectQuery), 'c')?.indexes).toEqual([])
    await apply(db, [dropConstraint({ constraintName: 'fk_1', tableName: 'c', type: 'foreignKey' })], mariadb, model)
    expect(await db.query(`SELECT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'c'`)).toEqual([{ name: 'PRIMARY' }])
  })

  it('keeps a foreign key indexed when the index it used is dropped', async () => {
    const model = await apply(db, [
      createTable({ tableName: 'p', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
      createTable({ tableName: 'c', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'p_id', type: 'integer' }], constraints: [{ type: 'index', name: 'ix_c_p', columns: ['p_id'] }] }),
      createForeignKey({ constraintName: 'fk_c_p', sourceTable: 'c', referentTable: 'p', localCols: ['p_id'], remoteCols: ['id'] }),
    ])
    const dropped = await apply(db, [dropIndex({ indexName: 'ix_c_p', tableName: 'c' })], mariadb, model)
    expect(findTable(await introspectMysql(db.introspectQuery, { like: dropped }), 'c')?.indexes).toEqual([])
    await apply(db, [dropConstraint({ constraintName: 'fk_c_p', tableName: 'c', type: 'foreignKey' })], mariadb, dropped)
    expect(await db.query(`SELECT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'c'`)).toEqual([{ name: 'PRIMARY' }])
  })

  it('reads unique indexes as unique constraints and primary keys without a name, unless told otherwise', async () => {
    const model = await apply(db, [
      createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', nullable: false }, { name: 'b', type: 'integer' }], constraints: [{ type: 'primaryKey', name: 'pk_t', columns: ['a'] }] }),
      createIndex({ indexName: 'ux_t_b', tableName: 't', columns: ['b'], unique: true }),
    ])
    const plain = findTable(await introspectMysql(db.introspectQuery), 't')
    expect(plain?.constraints).toEqual([{ type: 'primaryKey', columns: ['a'] }, { type: 'unique', name: 'ux_t_b', columns: ['b'] }])
    const like = findTable(await introspectMysql(db.introspectQuery, { like: model }), 't')
    expect(like?.constraints).toEqual([{ type: 'primaryKey', name: 'pk_t', columns: ['a'] }])
    expect(like?.indexes).toEqual([{ name: 'ux_t_b', columns: ['b'], unique: true }])
  })

  it('writes and reads index prefix lengths, FULLTEXT and descending parts', async () => {
    await apply(db, [
      createTable({ tableName: 't', columns: [{ name: 'a', type: { name: 'varchar', length: 100 } }, { name: 'b', type: 'text' }, { name: 'c', type: 'integer' }] }),
      createIndex({ indexName: 'ix_len', tableName: 't', columns: ['a', 'b'], mysqlLength: { a: 10, b: 20 } }),
      createIndex({ indexName: 'ix_ft', tableName: 't', columns: ['a', 'b'], mysqlPrefix: 'FULLTEXT' }),
      createIndex({ indexName: 'ix_desc', tableName: 't', columns: [{ sql: 'c DESC' }, 'a'] }),
    ])
    expect(findTable(await introspectMysql(db.introspectQuery), 't')?.indexes).toEqual([
      { name: 'ix_desc', columns: [{ sql: '`c` DESC' }, 'a'] },
      { name: 'ix_ft', columns: ['a', 'b'], mysqlPrefix: 'FULLTEXT' },
      { name: 'ix_len', columns: ['a', 'b'], mysqlLength: { a: 10, b: 20 } },
    ])
  })

  it('drops a column with the index of several columns and the check that use it, and keeps checks that name no column', async () => {
    const model = await apply(db, [
      createTable({
        tableName: 't',
        columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }, { name: 'c', type: 'integer' }],
        constraints: [{ type: 'check', name: 'ck_ab', condition: 'a < b' }, { type: 'check', name: 'ck_true', condition: '1 = 1' }, { type: 'index', name: 'ix_bc', columns: ['b', 'c'] }],
      }),
    ])
    await apply(db, [dropColumn({ tableName: 't', columnName: 'b' })], mariadb, model)
    const t = findTable(await introspectMysql(db.introspectQuery), 't')
    expect(t?.columns.map((c) => c.name)).toEqual(['a', 'c'])
    expect(t?.constraints).toEqual([{ type: 'check', name: 'ck_true', condition: '1 = 1' }])
    expect(t?.indexes).toEqual([])
  })

  it('refuses a check on a column a foreign key acts on, before the server does', async () => {
    const model = await apply(db, [
      createTable({ tableName: 'p', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
      createTable({ tableName: 'c', columns: [{ name: 'p_id', type: 'integer', foreignKey: { referentTable: 'p', remoteCol: 'id', onDelete: 'SET NULL' } }] }),
    ])
    expect(() => mariadb.compile(createCheckConstraint({ constraintName: 'ck', tableName: 'c', condition: 'p_id > 0' }), { snapshot: model })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'condition' }),
    )
    await expect(db.query('ALTER TABLE c ADD CONSTRAINT ck CHECK (p_id > 0)')).rejects.toThrow()
  })
})

describeLive('types, options and values', (db) => {
  it('reads generic types back, MariaDB JSON included', async () => {
    await apply(db, [
      createTable({
        tableName: 't',
        columns: [
          { name: 'j', type: 'json' }, { name: 'b', type: 'boolean', serverDefault: { literal: '1' } }, { name: 'n', type: { name: 'numeric', precision: 8, scale: 3 } },
          { name: 'e', type: { name: 'enum', values: ['a', "b'c"] } }, { name: 'u', type: 'uuid' }, { name: 'v', type: { name: 'binary', length: 8 } },
          { name: 'ts', type: { name: 'raw', sql: 'TIMESTAMP(2)' } }, { name: 'g', type: 'integer', computed: { sqltext: 'n * 2', persisted: true } },
          { name: 'l', type: { name: 'varchar', length: 5, collation: 'latin1_bin' } },
        ],
      }),
    ])
    const t = findTable(await introspectMysql(db.introspectQuery), 't')
    expect(t?.columns).toEqual([
      { name: 'j', type: 'json', nullable: true },
      { name: 'b', type: 'boolean', nullable: true, serverDefault: { literal: '1' } },
      { name: 'n', type: { name: 'numeric', precision: 8, scale: 3 }, nullable: true },
      { name: 'e', type: { name: 'enum', values: ['a', "b'c"] }, nullable: true },
      { name: 'u', type: { name: 'char', length: 32 }, nullable: true },
      { name: 'v', type: { name: 'binary', length: 8 }, nullable: true },
      { name: 'ts', type: { name: 'raw', sql: 'timestamp(2)' }, nullable: true },
      { name: 'g', type: 'integer', nullable: true, computed: { sqltext: '`n` * 2', persisted: true } },
      { name: 'l', type: { name: 'varchar', length: 5, collation: 'latin1_bin' }, nullable: true },
    ])
    expect(t?.constraints).toEqual([])
  })

  it('writes and reads table options that differ from the defaults', async () => {
    await apply(db, [
      createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], mysqlEngine: 'MyISAM', mysqlCharset: 'latin1', mysqlCollate: 'latin1_bin', mysqlRowFormat: 'FIXED', comment: 'opts' }),
    ])
    const t = findTable(await introspectMysql(db.introspectQuery), 't')
    expect(t?.options).toEqual({ mysqlEngine: 'MyISAM', mysqlCharset: 'latin1', mysqlCollate: 'latin1_bin', mysqlRowFormat: 'FIXED' })
    expect(t?.comment).toBe('opts')
  })

  it('inserts values of each generic type intact', async () => {
    const columns = [
      { name: 'id', type: 'integer' }, { name: 'big', type: 'bigint' }, { name: 'amount', type: { name: 'numeric', precision: 10, scale: 2 } }, { name: 'flag', type: 'boolean' },
      { name: 'body', type: 'text' }, { name: 'born', type: 'date' }, { name: 'seen', type: 'datetime' }, { name: 'doc', type: 'json' }, { name: 'data', type: 'binary' },
      { name: 'uid', type: 'uuid' },
    ] as const
    await apply(db, [
      createTable({ tableName: 't', columns: columns.map((c) => ({ ...c })) }),
      bulkInsert({
        tableName: 't',
        columns,
        rows: [{ id: 1, big: '9007199254740993', amount: '12.50', flag: true, body: "back\\slash 'q' \0 日本", born: '2024-02-29', seen: '2024-01-02T03:04:05Z', doc: { a: [1, 'x\\y'] }, data: 'deadbeef', uid: '123e4567-e89b-12d3-a456-426614174000' }],
      }),
    ])
    expect(await db.query('SELECT id, big, amount, flag, body, born, seen, doc, HEX(data) AS data, uid FROM t')).toEqual([
      // mysql2 parses MariaDB's JSON (LONGTEXT marked json) itself.
      { id: 1, big: '9007199254740993', amount: '12.50', flag: 1, body: "back\\slash 'q' \0 日本", born: '2024-02-29', seen: '2024-01-02 03:04:05', doc: { a: [1, 'x\\y'] }, data: 'DEADBEEF', uid: '123e4567e89b12d3a456426614174000' },
    ])
  })

  it('adds a column with its check and a foreign key by separate statements', async () => {
    const model = await apply(db, [createTable({ tableName: 'p', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }), createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }] })])
    await apply(db, [addColumn({ tableName: 't', column: { name: 'p_id', type: 'integer', foreignKey: { referentTable: 'p', remoteCol: 'id', name: 'fk_t_p' }, check: { name: 'ck_t_p', condition: 'p_id > 0' } } })], mariadb, model)
    expect(findTable(await introspectMysql(db.introspectQuery), 't')?.constraints).toEqual([
      { type: 'foreignKey', name: 'fk_t_p', localCols: ['p_id'], referentTable: 'p', remoteCols: ['id'] },
      { type: 'check', name: 'ck_t_p', condition: '`p_id` > 0' },
    ])
  })
})
