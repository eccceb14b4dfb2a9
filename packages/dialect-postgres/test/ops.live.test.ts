/**
 * Every op kind and its main options, compiled and run on PostgreSQL, then checked through the
 * catalogs. Each test starts from an empty schema of its own (see live.ts).
 */
import { expect, it } from 'vitest'
import {
  addColumn, alterColumn, batch, bulkInsert, createCheckConstraint, createForeignKey, createIndex, createPrimaryKey,
  createTable, createTableComment, createUniqueConstraint, dropColumn, dropConstraint, dropIndex, dropTable,
  dropTableComment, downgradeOps, executeSql, migrationScript, modifyTableOps, renameTable, upgradeOps, type BulkInsertColumn,
  type Column, type JsonValue, type Op,
} from '@athanor/ir'
import { compileMigration } from '@athanor/dialect-kit'
import { postgresql } from '@athanor/dialect-postgres'
import { columnOf, columnsOf, constraintsOf, enumLabels, indexesOf, relationsIn, sequenceOf, tableComment } from './catalog.js'
import { describeLive, type LiveDb } from './live.js'

/** Compiles the ops and runs them, in order. */
async function apply(db: LiveDb, ...ops: readonly Op[]): Promise<void> {
  for (const op of ops) await db.run(postgresql.compile(op))
}

const id: Column = { name: 'id', type: 'integer', primaryKey: true }
const table = (tableName: string, ...columns: Column[]): Op => createTable({ tableName, columns: [id, ...columns] })

describeLive('addColumn', (db) => {
  it('adds a column with its type, nullability, literal default and comment', async () => {
    await apply(
      db,
      table('t'),
      addColumn({ tableName: 't', column: { name: 'c', type: { name: 'varchar', length: 20 }, nullable: false, serverDefault: { literal: "it's" }, comment: 'a\\b' } }),
    )
    expect(await columnOf(db, 't', 'c')).toEqual({
      name: 'c', type: 'character varying(20)', nullable: false, default: "'it''s'::character varying", identity: '', generated: '', comment: 'a\\b',
    })
  })

  it('adds a column with an SQL default', async () => {
    await apply(db, table('t'), addColumn({ tableName: 't', column: { name: 'at', type: { name: 'datetime', timezone: true }, serverDefault: { sql: 'now()' } } }))
    expect(await columnOf(db, 't', 'at')).toMatchObject({ type: 'timestamp with time zone', nullable: true, default: 'now()' })
  })

  it('skips an existing column with IF NOT EXISTS', async () => {
    const op = addColumn({ tableName: 't', ifNotExists: true, column: { name: 'c', type: 'integer' } })
    await apply(db, table('t'), op, op)
    expect((await columnsOf(db, 't')).map((c) => c.name)).toEqual(['id', 'c'])
  })

  it('adds a SERIAL primary key with inlinePrimaryKey, and only a NOT NULL SERIAL without', async () => {
    await apply(
      db,
      createTable({ tableName: 't', columns: [{ name: 'x', type: 'text' }] }),
      addColumn({ tableName: 't', inlinePrimaryKey: true, column: { name: 'q', type: 'bigint', primaryKey: true } }),
      createTable({ tableName: 'u', columns: [{ name: 'x', type: 'text' }] }),
      addColumn({ tableName: 'u', column: { name: 'q', type: 'smallint', primaryKey: true } }),
    )
    expect(await columnOf(db, 't', 'q')).toMatchObject({ type: 'bigint', nullable: false, default: "nextval('t_q_seq'::regclass)" })
    expect(await constraintsOf(db, 't')).toEqual([{ name: 't_pkey', type: 'p', definition: 'PRIMARY KEY (q)', validated: true }])
    expect(await columnOf(db, 'u', 'q')).toMatchObject({ type: 'smallint', nullable: false, default: "nextval('u_q_seq'::regclass)" })
    expect(await constraintsOf(db, 'u')).toEqual([])
  })

  it('adds a foreign key separately or inline, with its options', async () => {
    await apply(
      db,
      table('o'),
      table('t'),
      addColumn({ tableName: 't', column: { name: 'a', type: 'integer', foreignKey: { referentTable: 'o', remoteCol: 'id', name: 'fk_a', onDelete: 'CASCADE', match: 'FULL' } } }),
      addColumn({
        tableName: 't', inlineReferences: true,
        column: { name: 'b', type: 'integer', foreignKey: { referentTable: 'o', remoteCol: 'id', onUpdate: 'set null', deferrable: true, initially: 'DEFERRED' } },
      }),
      addColumn({ tableName: 't', inlineReferences: true, column: { name: 'c', type: 'integer', foreignKey: { referentTable: 'o', remoteCol: 'id', postgresqlNotValid: true } } }),
    )
    expect(await constraintsOf(db, 't')).toEqual([
      { name: 'fk_a', type: 'f', definition: 'FOREIGN KEY (a) REFERENCES o(id) MATCH FULL ON DELETE CASCADE', validated: true },
      { name: 't_b_fkey', type: 'f', definition: 'FOREIGN KEY (b) REFERENCES o(id) ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED', validated: true },
      { name: 't_c_fkey', type: 'f', definition: 'FOREIGN KEY (c) REFERENCES o(id) NOT VALID', validated: false },
      { name: 't_pkey', type: 'p', definition: 'PRIMARY KEY (id)', validated: true },
    ])
  })

  it('adds unique constraints, indexes and checks from the column flags', async () => {
    await apply(
      db,
      table('t'),
      addColumn({ tableName: 't', column: { name: 'u', type: 'integer', unique: true } }),
      addColumn({ tableName: 't', column: { name: 'i', type: 'integer', index: true } }),
      addColumn({ tableName: 't', column: { name: 'ui', type: 'integer', index: true, unique: true } }),
      addColumn({ tableName: 't', column: { name: 'k', type: 'integer', check: { condition: 'k > 5' } } }),
      addColumn({ tableName: 't', column: { name: 'nk', type: 'integer', check: { name: 'ck_nk', condition: 'nk < 5' } } }),
    )
    expect(await constraintsOf(db, 't')).toEqual([
      { name: 'ck_nk', type: 'c', definition: 'CHECK ((nk < 5))', validated: true },
      { name: 't_k_check', type: 'c', definition: 'CHECK ((k > 5))', validated: true },
      { name: 't_pkey', type: 'p', definition: 'PRIMARY KEY (id)', validated: true },
      { name: 't_u_key', type: 'u', definition: 'UNIQUE (u)', validated: true },
    ])
    const s = db.schema
    expect(await indexesOf(db, 't')).toEqual([
      { name: 'ix_t_i', definition: `CREATE INDEX ix_t_i ON ${s}.t USING btree (i)` },
      { name: 'ix_t_ui', definition: `CREATE UNIQUE INDEX ix_t_ui ON ${s}.t USING btree (ui)` },
      { name: 't_pkey', definition: `CREATE UNIQUE INDEX t_pkey ON ${s}.t USING btree (id)` },
      { name: 't_u_key', definition: `CREATE UNIQUE INDEX t_u_key ON ${s}.t USING btree (u)` },
    ])
  })

  it('names the index of a column in another schema after the schema', async () => {
    const other = await db.newSchema()
    await apply(db, createTable({ tableName: 't', schema: other, columns: [id] }), addColumn({ tableName: 't', schema: other, column: { name: 'c', type: 'integer', index: true } }))
    expect(await indexesOf(db, 't', other)).toEqual([
      { name: `ix_${other}_t_c`, definition: `CREATE INDEX ix_${other}_t_c ON ${other}.t USING btree (c)` },
      { name: 't_pkey', definition: `CREATE UNIQUE INDEX t_pkey ON ${other}.t USING btree (id)` },
    ])
  })

  it('adds a stored computed column', async () => {
    await apply(db, table('t', { name: 'foo', type: 'integer' }), addColumn({ tableName: 't', column: { name: 'five', type: 'integer', computed: { sqltext: 'foo * 5', persisted: true } } }))
    expect(await columnOf(db, 't', 'five')).toMatchObject({ generated: 's', default: '(foo * 5)' })
    await db.query('INSERT INTO t (foo) VALUES (3)')
    expect(await db.query('SELECT five FROM t')).toEqual([{ five: 15 }])
  })

  it('adds identity columns with their options', async () => {
    await apply(
      db,
      table('t'),
      addColumn({ tableName: 't', column: { name: 'd', type: 'integer', identity: {} } }),
      addColumn({ tableName: 't', column: { name: 'a', type: 'bigint', identity: { always: true, start: 3, increment: 33, maxValue: 99, cycle: true, cache: 2 } } }),
    )
    expect(await columnOf(db, 't', 'd')).toMatchObject({ identity: 'd', nullable: false })
    expect(await columnOf(db, 't', 'a')).toMatchObject({ identity: 'a', nullable: false })
    expect(await sequenceOf(db, 't', 'a')).toEqual({ start: '3', increment: '33', min: '1', max: '99', cache: '2', cycle: true })
  })

  it('adds a column of an enum type that exists', async () => {
    await db.query(`CREATE TYPE mood AS ENUM ('sad', 'ok')`)
    await apply(db, table('t'), addColumn({ tableName: 't', column: { name: 'm', type: { name: 'enum', values: ['sad', 'ok'], enumName: 'mood' } } }))
    expect(await columnOf(db, 't', 'm')).toMatchObject({ type: 'mood' })
  })

  it('adds columns in another schema, with an enum type of that schema', async () => {
    const other = await db.newSchema()
    await db.query(`CREATE TYPE ${other}.mood AS ENUM ('sad', 'ok')`)
    await apply(
      db,
      createTable({ tableName: 't', schema: other, columns: [id] }),
      addColumn({ tableName: 't', schema: other, column: { name: 'm', type: { name: 'enum', values: ['sad', 'ok'], enumName: 'mood' }, comment: 'how' } }),
    )
    expect(await columnOf(db, 't', 'm', other)).toMatchObject({ type: `${other}.mood`, comment: 'how' })
  })
})

describeLive('alterColumn', (db) => {
  it('changes type with USING, nullability, default and comment, then renames', async () => {
    await apply(db, table('t', { name: 'c', type: 'text', comment: 'old' }))
    await db.query(`INSERT INTO t (c) VALUES ('12')`)
    await apply(
      db,
      alterColumn({ tableName: 't', columnName: 'c', type: 'integer', postgresqlUsing: 'c::integer', nullable: false, serverDefault: { literal: '7' }, comment: 'new', newColumnName: 'n' }),
    )
    expect(await columnOf(db, 't', 'n')).toEqual({ name: 'n', type: 'integer', nullable: false, default: '7', identity: '', generated: '', comment: 'new' })
    expect(await db.query('SELECT n FROM t')).toEqual([{ n: 12 }])
  })

  it('drops NOT NULL, the default and the comment', async () => {
    await apply(db, table('t', { name: 'c', type: 'text', nullable: false, serverDefault: { sql: "'x' || 'y'" }, comment: 'c' }))
    expect(await columnOf(db, 't', 'c')).toMatchObject({ nullable: false, default: "('x'::text || 'y'::text)", comment: 'c' })
    await apply(db, alterColumn({ tableName: 't', columnName: 'c', nullable: true, serverDefault: null, comment: null }))
    expect(await columnOf(db, 't', 'c')).toMatchObject({ nullable: true, default: null, comment: null })
  })

  it('adds, modifies and drops an identity', async () => {
    await apply(db, table('t', { name: 'c', type: 'integer', nullable: false }))
    await apply(db, alterColumn({ tableName: 't', columnName: 'c', identity: { start: 10 }, existingIdentity: null }))
    expect(await columnOf(db, 't', 'c')).toMatchObject({ identity: 'd' })
    expect(await sequenceOf(db, 't', 'c')).toMatchObject({ start: '10', increment: '1', cycle: false })
    await apply(db, alterColumn({ tableName: 't', columnName: 'c', identity: { always: true, start: 10, increment: 5, cycle: true, cache: 3, minValue: 2, maxValue: 500 }, existingIdentity: { start: 10 } }))
    expect(await columnOf(db, 't', 'c')).toMatchObject({ identity: 'a' })
    expect(await sequenceOf(db, 't', 'c')).toEqual({ start: '10', increment: '5', min: '2', max: '500', cache: '3', cycle: true })
    await apply(db, alterColumn({ tableName: 't', columnName: 'c', identity: null, existingIdentity: { always: true } }))
    expect(await columnOf(db, 't', 'c')).toMatchObject({ identity: '', nullable: false })
  })

  it('changes a column to an enum type of its schema', async () => {
    const other = await db.newSchema()
    await apply(
      db,
      createTable({ tableName: 'e', schema: other, columns: [{ name: 'm', type: { name: 'enum', values: ['a', 'b'], enumName: 'mood' } }] }),
      createTable({ tableName: 't', schema: other, columns: [{ name: 'c', type: 'text' }] }),
      alterColumn({ tableName: 't', schema: other, columnName: 'c', type: { name: 'enum', values: ['a', 'b'], enumName: 'mood' }, postgresqlUsing: `c::${other}.mood` }),
    )
    expect(await columnOf(db, 't', 'c', other)).toMatchObject({ type: `${other}.mood` })
  })
})

describeLive('dropColumn', (db) => {
  it('drops a column, and skips a missing one with IF EXISTS', async () => {
    const other = await db.newSchema()
    await apply(
      db,
      createTable({ tableName: 't', schema: other, columns: [id, { name: 'c', type: 'integer' }] }),
      dropColumn({ tableName: 't', schema: other, columnName: 'c' }),
      dropColumn({ tableName: 't', schema: other, columnName: 'c', ifExists: true }),
    )
    expect((await columnsOf(db, 't', other)).map((c) => c.name)).toEqual(['id'])
  })
})

describeLive('createTable', (db) => {
  it('creates columns of every generic type', async () => {
    await apply(
      db,
      createTable({
        tableName: 't',
        columns: [
          { name: 'i', type: 'integer' }, { name: 'si', type: 'smallint' }, { name: 'bi', type: 'bigint' },
          { name: 'v', type: 'varchar' }, { name: 'v9', type: { name: 'varchar', length: 9 } }, { name: 'nv', type: { name: 'nvarchar', length: 4 } },
          { name: 'ch', type: { name: 'char', length: 3 } }, { name: 'tx', type: { name: 'text', collation: 'C' } }, { name: 'b', type: 'boolean' },
          { name: 'n', type: { name: 'numeric', precision: 10, scale: 2 } }, { name: 'n5', type: { name: 'numeric', precision: 5 } }, { name: 'nn', type: 'numeric' },
          { name: 'f', type: 'float' }, { name: 'f24', type: { name: 'float', precision: 24 } }, { name: 'd', type: 'double' }, { name: 'dt', type: 'date' },
          { name: 'ts', type: 'datetime' }, { name: 'tz', type: { name: 'datetime', timezone: true, precision: 3 } }, { name: 'tm', type: 'time' },
          { name: 'tmz', type: { name: 'time', timezone: true } }, { name: 'iv', type: 'interval' }, { name: 'j', type: 'json' }, { name: 'by', type: 'binary' },
          { name: 'u', type: 'uuid' }, { name: 'e', type: { name: 'enum', values: ['x', 'y'], enumName: 'xy' } }, { name: 'r', type: { name: 'raw', sql: 'TEXT', dialects: { postgresql: 'INET' } } },
        ],
      }),
    )
    expect((await columnsOf(db, 't')).map((c) => [c.name, c.type])).toEqual([
      ['i', 'integer'], ['si', 'smallint'], ['bi', 'bigint'], ['v', 'character varying'], ['v9', 'character varying(9)'], ['nv', 'character varying(4)'],
      ['ch', 'character(3)'], ['tx', 'text'], ['b', 'boolean'], ['n', 'numeric(10,2)'], ['n5', 'numeric(5,0)'], ['nn', 'numeric'],
      ['f', 'double precision'], ['f24', 'real'], ['d', 'double precision'], ['dt', 'date'], ['ts', 'timestamp without time zone'],
      ['tz', 'timestamp(3) with time zone'], ['tm', 'time without time zone'], ['tmz', 'time with time zone'], ['iv', 'interval'], ['j', 'json'],
      ['by', 'bytea'], ['u', 'uuid'], ['e', 'xy'], ['r', 'inet'],
    ])
    expect(await enumLabels(db, 'xy')).toEqual(['x', 'y'])
    const collation = await db.query(`SELECT collname FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation WHERE attrelid = 't'::regclass AND attname = 'tx'`)
    expect(collation).toEqual([{ collname: 'C' }])
  })

  it('creates the primary key, constraints, indexes and comments', async () => {
    await apply(
      db,
      table('o', { name: 'x', type: 'integer', unique: true }),
      createTable({
        tableName: 't', comment: 'the table',
        columns: [
          { name: 'id', type: 'integer', primaryKey: true, comment: 'key' },
          { name: 'a', type: 'integer', nullable: false, unique: true },
          { name: 'b', type: 'integer', index: true, foreignKey: { referentTable: 'o', remoteCol: 'id', onDelete: 'SET NULL' } },
          { name: 'c', type: 'text', check: { condition: "c <> ''" } },
          { name: 'd', type: 'integer', index: true, unique: true },
        ],
        constraints: [
          { type: 'unique', name: 'uq_ab', columns: ['a', 'b'], postgresqlNullsNotDistinct: true, postgresqlInclude: ['c'], deferrable: true, initially: 'IMMEDIATE' },
          { type: 'check', name: 'ck_a', condition: 'a > 0' },
          { type: 'foreignKey', name: 'fk_a', localCols: ['a'], referentTable: 'o', remoteCols: ['x'], match: 'SIMPLE', onUpdate: 'CASCADE', postgresqlNotValid: true },
          { type: 'index', name: 'ix_expr', columns: [{ sql: 'lower(c)' }], postgresqlWhere: 'a > 1' },
        ],
      }),
    )
    expect(await columnsOf(db, 't')).toEqual([
      { name: 'id', type: 'integer', nullable: false, default: "nextval('t_id_seq'::regclass)", identity: '', generated: '', comment: 'key' },
      { name: 'a', type: 'integer', nullable: false, default: null, identity: '', generated: '', comment: null },
      { name: 'b', type: 'integer', nullable: true, default: null, identity: '', generated: '', comment: null },
      { name: 'c', type: 'text', nullable: true, default: null, identity: '', generated: '', comment: null },
      { name: 'd', type: 'integer', nullable: true, default: null, identity: '', generated: '', comment: null },
    ])
    expect(await tableComment(db, 't')).toBe('the table')
    // NOT VALID has no meaning in CREATE TABLE: the key is valid from the start.
    expect(await constraintsOf(db, 't')).toEqual([
      { name: 'ck_a', type: 'c', definition: 'CHECK ((a > 0))', validated: true },
      { name: 'fk_a', type: 'f', definition: 'FOREIGN KEY (a) REFERENCES o(x) ON UPDATE CASCADE', validated: true },
      { name: 't_a_key', type: 'u', definition: 'UNIQUE (a)', validated: true },
      { name: 't_b_fkey', type: 'f', definition: 'FOREIGN KEY (b) REFERENCES o(id) ON DELETE SET NULL', validated: true },
      { name: 't_c_check', type: 'c', definition: "CHECK ((c <> ''::text))", validated: true },
      { name: 't_pkey', type: 'p', definition: 'PRIMARY KEY (id)', validated: true },
      { name: 'uq_ab', type: 'u', definition: 'UNIQUE NULLS NOT DISTINCT (a, b) INCLUDE (c) DEFERRABLE', validated: true },
    ])
    const s = db.schema
    expect(await indexesOf(db, 't')).toEqual([
      { name: 'ix_expr', definition: `CREATE INDEX ix_expr ON ${s}.t USING btree (lower(c)) WHERE (a > 1)` },
      { name: 'ix_t_b', definition: `CREATE INDEX ix_t_b ON ${s}.t USING btree (b)` },
      { name: 'ix_t_d', definition: `CREATE UNIQUE INDEX ix_t_d ON ${s}.t USING btree (d)` },
      { name: 't_a_key', definition: `CREATE UNIQUE INDEX t_a_key ON ${s}.t USING btree (a)` },
      { name: 't_pkey', definition: `CREATE UNIQUE INDEX t_pkey ON ${s}.t USING btree (id)` },
      { name: 'uq_ab', definition: `CREATE UNIQUE INDEX uq_ab ON ${s}.t USING btree (a, b) INCLUDE (c) NULLS NOT DISTINCT` },
    ])
  })

  it('keeps a primary key that is also a foreign key a plain INTEGER', async () => {
    await apply(
      db,
      table('account'),
      createTable({ tableName: 'profile', columns: [{ name: 'account_id', type: 'integer', primaryKey: true, foreignKey: { referentTable: 'account', remoteCol: 'id' } }] }),
    )
    expect(await columnOf(db, 'profile', 'account_id')).toMatchObject({ type: 'integer', nullable: false, default: null })
  })

  it('creates an identity column and a composite primary key', async () => {
    await apply(db, createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', primaryKey: true, identity: { always: true } }, { name: 'b', type: 'text', primaryKey: true }] }))
    expect(await columnOf(db, 't', 'a')).toMatchObject({ identity: 'a', nullable: false, default: null })
    expect(await constraintsOf(db, 't')).toEqual([{ name: 't_pkey', type: 'p', definition: 'PRIMARY KEY (a, b)', validated: true }])
  })

  it('skips an existing table with IF NOT EXISTS', async () => {
    const op = createTable({ tableName: 't', ifNotExists: true, columns: [id] })
    await apply(db, op, op)
    expect(await relationsIn(db)).toEqual(['t'])
  })

  it('creates a table and its enum type in another schema', async () => {
    const other = await db.newSchema()
    const mood = { name: 'enum', values: ['sad', 'ok'], enumName: 'mood' } as const
    await apply(db, createTable({ tableName: 't', schema: other, columns: [{ name: 'm', type: mood }, { name: 'n', type: mood }] }))
    expect(await enumLabels(db, 'mood', other)).toEqual(['sad', 'ok'])
    expect(await columnOf(db, 't', 'm', other)).toMatchObject({ type: `${other}.mood` })
  })

  it('creates an enum named like a type keyword', async () => {
    await apply(db, createTable({ tableName: 't', columns: [{ name: 'p', type: { name: 'enum', values: ['a'], enumName: 'position' } }, { name: 'i', type: { name: 'enum', values: ['b'], enumName: 'int' } }] }))
    expect((await columnsOf(db, 't')).map((c) => c.type)).toEqual(['"position"', '"int"'])
  })

  it('applies storage options, partitioning and inheritance', async () => {
    await apply(
      db,
      createTable({ tableName: 'w', columns: [id], postgresqlWith: { fillfactor: 70 } }),
      createTable({ tableName: 'p', columns: [{ name: 'k', type: 'integer' }], postgresqlPartitionBy: 'RANGE (k)' }),
      createTable({ tableName: 'child', columns: [{ name: 'extra', type: 'text' }], postgresqlInherits: ['w'] }),
    )
    expect(await db.query(`SELECT relname, reloptions, relkind FROM pg_class WHERE relnamespace = $1::text::regnamespace AND relname IN ('w', 'p', 'child') ORDER BY relname`, [db.schema])).toEqual([
      { relname: 'child', reloptions: null, relkind: 'r' },
      { relname: 'p', reloptions: null, relkind: 'p' },
      { relname: 'w', reloptions: ['fillfactor=70'], relkind: 'r' },
    ])
    expect((await columnsOf(db, 'child')).map((c) => c.name)).toEqual(['id', 'extra'])
  })
})

describeLive('dropTable', (db) => {
  it('drops a table, its enum types with it, and skips a missing table with IF EXISTS', async () => {
    const create = createTable({ tableName: 't', columns: [{ name: 'm', type: { name: 'enum', values: ['a'], enumName: 'mood' } }] })
    await apply(db, table('keep'), create, dropTable({ tableName: 't', table: { columns: create.columns } }), dropTable({ tableName: 't', ifExists: true }))
    expect(await relationsIn(db)).toEqual(['keep'])
    expect(await enumLabels(db, 'mood')).toEqual([])
    // The type is gone, so the table can be created again.
    await apply(db, create)
    expect(await enumLabels(db, 'mood')).toEqual(['a'])
  })

  it('drops a table in another schema', async () => {
    const other = await db.newSchema()
    await apply(db, createTable({ tableName: 't', schema: other, columns: [id] }), dropTable({ tableName: 't', schema: other }))
    expect(await relationsIn(db, other)).toEqual([])
  })
})

describeLive('renameTable', (db) => {
  it('renames a table in its schema', async () => {
    const other = await db.newSchema()
    await apply(db, createTable({ tableName: 'old', schema: other, columns: [id] }), renameTable({ oldTableName: 'old', newTableName: 'New', schema: other }))
    expect(await relationsIn(db, other)).toEqual(['New'])
  })
})

describeLive('createIndex', (db) => {
  it('creates indexes with every option', async () => {
    await apply(
      db,
      table('t', { name: 'a', type: 'text' }, { name: 'b', type: 'integer' }, { name: 'c', type: 'integer' }),
      createIndex({ indexName: 'ix_plain', tableName: 't', columns: ['a', 'b'] }),
      createIndex({ indexName: 'IX_Quoted', tableName: 't', columns: ['b'], unique: true, quote: true }),
      createIndex({ indexName: 'ix_ops', tableName: 't', columns: ['a', { sql: 'lower(a)' }], postgresqlOps: { a: 'text_pattern_ops' }, postgresqlUsing: 'btree' }),
      createIndex({
        indexName: 'ix_all', tableName: 't', columns: ['b'], unique: true, postgresqlInclude: ['c'], postgresqlNullsNotDistinct: true,
        postgresqlWith: { fillfactor: 50, deduplicate_items: false }, postgresqlTablespace: 'pg_default', postgresqlWhere: 'b > 5',
      }),
      createIndex({ indexName: 'ix_hash', tableName: 't', columns: ['c'], postgresqlUsing: 'hash' }),
      createIndex({ indexName: 'ix_plain', tableName: 't', columns: ['c'], ifNotExists: true }),
    )
    const s = db.schema
    expect(await indexesOf(db, 't')).toEqual([
      { name: 'IX_Quoted', definition: `CREATE UNIQUE INDEX "IX_Quoted" ON ${s}.t USING btree (b)` },
      { name: 'ix_all', definition: `CREATE UNIQUE INDEX ix_all ON ${s}.t USING btree (b) INCLUDE (c) NULLS NOT DISTINCT WITH (fillfactor='50', deduplicate_items='false') WHERE (b > 5)` },
      { name: 'ix_hash', definition: `CREATE INDEX ix_hash ON ${s}.t USING hash (c)` },
      { name: 'ix_ops', definition: `CREATE INDEX ix_ops ON ${s}.t USING btree (a text_pattern_ops, lower(a))` },
      { name: 'ix_plain', definition: `CREATE INDEX ix_plain ON ${s}.t USING btree (a, b)` },
      { name: 't_pkey', definition: `CREATE UNIQUE INDEX t_pkey ON ${s}.t USING btree (id)` },
    ])
  })

  it('creates an index CONCURRENTLY, which only runs outside a transaction', async () => {
    const other = await db.newSchema()
    await apply(db, createTable({ tableName: 't', schema: other, columns: [id, { name: 'c', type: 'integer' }] }))
    const statements = postgresql.compile(createIndex({ indexName: 'ix_c', tableName: 't', schema: other, columns: ['c'], postgresqlConcurrently: true, ifNotExists: true }))
    expect(statements.map((s) => s.transactional)).toEqual([false])
    await db.query('BEGIN')
    await expect(db.query(statements[0]?.sql ?? '')).rejects.toMatchObject({ code: '25001' })
    await db.query('ROLLBACK')
    await db.run(statements)
    expect(await indexesOf(db, 't', other)).toEqual([
      { name: 'ix_c', definition: `CREATE INDEX ix_c ON ${other}.t USING btree (c)` },
      { name: 't_pkey', definition: `CREATE UNIQUE INDEX t_pkey ON ${other}.t USING btree (id)` },
    ])
  })
})

describeLive('dropIndex', (db) => {
  it('drops indexes plainly, CONCURRENTLY, in a schema, and skips a missing one with IF EXISTS', async () => {
    const other = await db.newSchema()
    await apply(
      db,
      table('t', { name: 'c', type: 'integer' }),
      createTable({ tableName: 'u', schema: other, columns: [{ name: 'c', type: 'integer' }] }),
      createIndex({ indexName: 'ix_1', tableName: 't', columns: ['c'] }),
      createIndex({ indexName: 'ix_2', tableName: 't', columns: ['c'] }),
      createIndex({ indexName: 'ix_3', tableName: 'u', schema: other, columns: ['c'] }),
    )
    const concurrently = postgresql.compile(dropIndex({ indexName: 'ix_2', tableName: 't', postgresqlConcurrently: true }))
    expect(concurrently.map((s) => s.transactional)).toEqual([false])
    await apply(db, dropIndex({ indexName: 'ix_1' }), dropIndex({ indexName: 'ix_3', schema: other, ifExists: true, postgresqlConcurrently: true }), dropIndex({ indexName: 'ix_1', ifExists: true }))
    await db.run(concurrently)
    expect((await indexesOf(db, 't')).map((i) => i.name)).toEqual(['t_pkey'])
    expect(await indexesOf(db, 'u', other)).toEqual([])
  })
})

describeLive('createPrimaryKey', (db) => {
  it('adds a named composite primary key in a schema', async () => {
    const other = await db.newSchema()
    await apply(
      db,
      createTable({ tableName: 't', schema: other, columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'text' }] }),
      createPrimaryKey({ constraintName: 'pk_t', tableName: 't', schema: other, columns: ['b', 'a'] }),
    )
    expect(await constraintsOf(db, 't', other)).toEqual([{ name: 'pk_t', type: 'p', definition: 'PRIMARY KEY (b, a)', validated: true }])
    expect((await columnsOf(db, 't', other)).map((c) => c.nullable)).toEqual([false, false])
  })
})

describeLive('createUniqueConstraint', (db) => {
  it('adds unique constraints with NULLS NOT DISTINCT, INCLUDE and deferrability', async () => {
    await apply(
      db,
      table('t', { name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }),
      createUniqueConstraint({ constraintName: 'uq_a', tableName: 't', columns: ['a'], postgresqlNullsNotDistinct: true }),
      createUniqueConstraint({ constraintName: 'uq_ab', tableName: 't', columns: ['a', 'b'], postgresqlInclude: ['id'], deferrable: true, initially: 'deferred' }),
      createUniqueConstraint({ constraintName: 'uq_b', tableName: 't', columns: ['b'], postgresqlNullsNotDistinct: false, deferrable: false }),
    )
    expect((await constraintsOf(db, 't')).filter((c) => c.type === 'u')).toEqual([
      { name: 'uq_a', type: 'u', definition: 'UNIQUE NULLS NOT DISTINCT (a)', validated: true },
      { name: 'uq_ab', type: 'u', definition: 'UNIQUE (a, b) INCLUDE (id) DEFERRABLE INITIALLY DEFERRED', validated: true },
      { name: 'uq_b', type: 'u', definition: 'UNIQUE (b)', validated: true },
    ])
  })
})

describeLive('createForeignKey', (db) => {
  it('adds a composite foreign key across schemas with every option', async () => {
    const a = await db.newSchema()
    const b = await db.newSchema()
    await apply(
      db,
      createTable({ tableName: 'parent', schema: b, columns: [{ name: 'x', type: 'integer' }, { name: 'y', type: 'integer' }], constraints: [{ type: 'unique', columns: ['x', 'y'] }] }),
      createTable({ tableName: 'child', schema: a, columns: [{ name: 'p', type: 'integer' }, { name: 'q', type: 'integer' }] }),
      createForeignKey({
        constraintName: 'fk_child_parent', sourceTable: 'child', sourceSchema: a, referentTable: 'parent', referentSchema: b,
        localCols: ['p', 'q'], remoteCols: ['x', 'y'], match: 'FULL', onDelete: 'CASCADE', onUpdate: 'SET DEFAULT', deferrable: true, initially: 'DEFERRED',
      }),
    )
    expect(await constraintsOf(db, 'child', a)).toEqual([
      { name: 'fk_child_parent', type: 'f', definition: `FOREIGN KEY (p, q) REFERENCES ${b}.parent(x, y) MATCH FULL ON UPDATE SET DEFAULT ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED`, validated: true },
    ])
  })

  it('adds a NOT VALID foreign key over rows that break it', async () => {
    await apply(db, table('o'), table('t', { name: 'o_id', type: 'integer' }))
    await db.query('INSERT INTO t (o_id) VALUES (42)')
    await apply(db, createForeignKey({ constraintName: 'fk', sourceTable: 't', referentTable: 'o', localCols: ['o_id'], remoteCols: ['id'], postgresqlNotValid: true }))
    expect((await constraintsOf(db, 't')).find((c) => c.name === 'fk')).toEqual({ name: 'fk', type: 'f', definition: 'FOREIGN KEY (o_id) REFERENCES o(id) NOT VALID', validated: false })
  })

  it('removes child rows on delete with ON DELETE CASCADE', async () => {
    await apply(
      db,
      table('o'),
      table('t', { name: 'o_id', type: 'integer' }),
      createForeignKey({ constraintName: 'fk', sourceTable: 't', referentTable: 'o', localCols: ['o_id'], remoteCols: ['id'], onDelete: 'cascade' }),
      bulkInsert({ tableName: 'o', columns: [{ name: 'id', type: 'integer' }], rows: [{ id: 1 }, { id: 2 }] }),
      bulkInsert({ tableName: 't', columns: [{ name: 'o_id', type: 'integer' }], rows: [{ o_id: 1 }, { o_id: 2 }, { o_id: 2 }] }),
      executeSql({ sqltext: 'DELETE FROM o WHERE id = 2;' }),
    )
    expect(await db.query('SELECT o_id FROM t')).toEqual([{ o_id: 1 }])
  })
})

describeLive('createCheckConstraint', (db) => {
  it('adds a check, and a NOT VALID one over rows that break it', async () => {
    await apply(db, table('t', { name: 'x', type: 'integer' }))
    await db.query('INSERT INTO t (x) VALUES (-1)')
    await apply(
      db,
      createCheckConstraint({ constraintName: 'ck_small', tableName: 't', condition: 'x < 100' }),
      createCheckConstraint({ constraintName: 'ck_pos', tableName: 't', condition: 'x > 0', postgresqlNotValid: true }),
    )
    expect((await constraintsOf(db, 't')).filter((c) => c.type === 'c')).toEqual([
      { name: 'ck_pos', type: 'c', definition: 'CHECK ((x > 0)) NOT VALID', validated: false },
      { name: 'ck_small', type: 'c', definition: 'CHECK ((x < 100))', validated: true },
    ])
  })
})

describeLive('dropConstraint', (db) => {
  it('drops constraints of each type, and skips a missing one with IF EXISTS', async () => {
    const other = await db.newSchema()
    await apply(
      db,
      createTable({
        tableName: 'T', schema: other,
        columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }],
        constraints: [
          { type: 'primaryKey', name: 'pk', columns: ['a'] },
          { type: 'unique', name: 'uq', columns: ['b'] },
          { type: 'check', name: 'ck', condition: 'b > 0' },
          { type: 'foreignKey', name: 'fk', localCols: ['b'], referentTable: 'T', referentSchema: other, remoteCols: ['a'] },
        ],
      }),
      dropConstraint({ constraintName: 'fk', tableName: 'T', schema: other, type: 'foreignKey' }),
      dropConstraint({ constraintName: 'uq', tableName: 'T', schema: other }),
      dropConstraint({ constraintName: 'ck', tableName: 'T', schema: other, type: 'check' }),
      dropConstraint({ constraintName: 'pk', tableName: 'T', schema: other, type: 'primaryKey' }),
      dropConstraint({ constraintName: 'pk', tableName: 'T', schema: other, ifExists: true }),
    )
    expect(await constraintsOf(db, 'T', other)).toEqual([])
  })
})

describeLive('createTableComment', (db) => {
  it('sets and replaces the table comment', async () => {
    const other = await db.newSchema()
    await apply(db, createTable({ tableName: 't', schema: other, columns: [id] }), createTableComment({ tableName: 't', schema: other, comment: 'first' }))
    expect(await tableComment(db, 't', other)).toBe('first')
    await apply(db, createTableComment({ tableName: 't', schema: other, comment: "it's 100% \\ second", existingComment: 'first' }))
    expect(await tableComment(db, 't', other)).toBe("it's 100% \\ second")
  })
})

describeLive('dropTableComment', (db) => {
  it('removes the table comment', async () => {
    await apply(db, createTable({ tableName: 't', columns: [id], comment: 'gone soon' }), dropTableComment({ tableName: 't', existingComment: 'gone soon' }))
    expect(await tableComment(db, 't')).toBeNull()
  })
})

describeLive('bulkInsert', (db) => {
  // Each generic type: the column type, a JSON value, and the value's text as PostgreSQL gives it back.
  const cases: ReadonlyArray<readonly [BulkInsertColumn['type'], JsonValue, string]> = [
    ['integer', 42, '42'],
    ['integer', '-7', '-7'],
    ['smallint', -32768, '-32768'],
    ['bigint', '9223372036854775807', '9223372036854775807'],
    [{ name: 'varchar', length: 10 }, "it's", "it's"],
    [{ name: 'nvarchar', length: 3 }, 'ü𝔘é', 'ü𝔘é'],
    [{ name: 'char', length: 3 }, 'abc', 'abc'],
    ['text', 'back\\slash "and" $$ -- /* ; \n', 'back\\slash "and" $$ -- /* ; \n'],
    ['boolean', true, 'true'],
    ['boolean', false, 'false'],
    [{ name: 'numeric', precision: 12, scale: 4 }, '-12345678.1234', '-12345678.1234'],
    [{ name: 'numeric', precision: 10, scale: 2 }, 2.5, '2.50'],
    ['numeric', '1e-3', '0.001'],
    ['float', 1.5, '1.5'],
    ['double', -0.25, '-0.25'],
    ['date', '2024-02-29', '2024-02-29'],
    ['datetime', '2024-02-29T13:14:15.123456', '2024-02-29 13:14:15.123456'],
    ['datetime', '2024-02-29 13:14:15', '2024-02-29 13:14:15'],
    [{ name: 'datetime', timezone: true }, '2024-02-29T13:14:15+02:00', '2024-02-29 11:14:15+00'],
    [{ name: 'datetime', timezone: true }, '2024-02-29T13:14:15.5Z', '2024-02-29 13:14:15.5+00'],
    ['time', '13:14:15', '13:14:15'],
    ['time', '13:14:15.25', '13:14:15.25'],
    [{ name: 'time', timezone: true }, '13:14:15-05:30', '13:14:15-05:30'],
    ['interval', '1 day 02:00:00', '1 day 02:00:00'],
    ['json', { a: [1, "x'\\"], b: null, c: 'é' }, '{"a":[1,"x\'\\\\"],"b":null,"c":"é"}'],
    ['json', 'just a string', '"just a string"'],
    ['binary', 'DEADbeef00', '\\xdeadbeef00'],
    ['binary', '', '\\x'],
    ['uuid', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
    [{ name: 'enum', values: ['sad', 'happy'], enumName: 'mood' }, 'happy', 'happy'],
    [{ name: 'raw', sql: 'INET' }, '192.168.0.1', '192.168.0.1/32'],
  ]

  it('reads back each generic type as written', async () => {
    const columns: BulkInsertColumn[] = cases.map(([type], i) => ({ name: `c${i}`, type }))
    await apply(db, createTable({ tableName: 't', columns: [{ name: 'row', type: 'integer' }, ...columns] }))
    const row: Record<string, JsonValue> = { row: 1 }
    cases.forEach(([, value], i) => {
      row[`c${i}`] = value
    })
    await apply(db, bulkInsert({ tableName: 't', columns: [{ name: 'row', type: 'integer' }, ...columns], rows: [row, { row: 2 }] }))
    const texts = columns.map((c) => `${c.name}::text AS ${c.name}`).join(', ')
    const [first, second] = await db.query(`SELECT ${texts} FROM t ORDER BY row`)
    expect(first).toEqual(Object.fromEntries(cases.map(([, , text], i) => [`c${i}`, text])))
    expect(second).toEqual(Object.fromEntries(cases.map((_, i) => [`c${i}`, null])))
  })

  it('inserts NULL, rows with different keys, and a row of defaults', async () => {
    const other = await db.newSchema()
    await apply(db, createTable({ tableName: 't', schema: other, columns: [{ name: 'a', type: 'integer', serverDefault: { literal: '5' } }, { name: 'b', type: 'text' }] }))
    await apply(
      db,
      bulkInsert({ tableName: 't', schema: other, columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'text' }], rows: [{ a: 1, b: null }, { b: 'x' }, {}] }),
    )
    expect(await db.query(`SELECT a, b FROM ${other}.t ORDER BY b NULLS FIRST, a`)).toEqual([
      { a: 1, b: null },
      { a: 5, b: null },
      { a: 5, b: 'x' },
    ])
  })
})

describeLive('executeSql', (db) => {
  it('runs the SQL as written', async () => {
    await apply(db, executeSql({ sqltext: "CREATE VIEW v AS SELECT '50%' AS x;" }))
    expect(await db.query('SELECT x FROM v')).toEqual([{ x: '50%' }])
  })
})

describeLive('containers', (db) => {
  it('runs a batch and nested containers in order', async () => {
    await apply(
      db,
      upgradeOps({
        ops: [
          table('t', { name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }),
          batch({ tableName: 't', recreate: 'auto', ops: [{ kind: 'dropColumn', columnName: 'a' }, { kind: 'alterColumn', columnName: 'b', nullable: false, newColumnName: 'c' }] }),
          modifyTableOps({ tableName: 't', ops: [addColumn({ tableName: 't', column: { name: 'd', type: 'text' } })] }),
        ],
      }),
    )
    expect((await columnsOf(db, 't')).map((c) => [c.name, c.nullable])).toEqual([['id', false], ['c', false], ['d', true]])
  })

  it('runs an offline migration script statement by statement, CONCURRENTLY between COMMIT and BEGIN', async () => {
    const first = migrationScript({
      revId: 'aaa', downRevision: null,
      upgradeOps: upgradeOps({
        ops: [
          table('account', { name: 'email', type: 'text' }),
          createIndex({ indexName: 'ix_email', tableName: 'account', columns: ['email'], postgresqlConcurrently: true }),
          bulkInsert({ tableName: 'account', columns: [{ name: 'email', type: 'text' }], rows: [{ email: "o'neil@example.com" }] }),
        ],
      }),
      downgradeOps: downgradeOps({ ops: [dropTable({ tableName: 'account' })] }),
    })
    const second = migrationScript({
      revId: 'bbb', downRevision: 'aaa',
      upgradeOps: upgradeOps({ ops: [addColumn({ tableName: 'account', column: { name: 'active', type: 'boolean', nullable: false, serverDefault: { sql: 'true' } } })] }),
      downgradeOps: downgradeOps({ ops: [] }),
    })
    const run = async (sql: string): Promise<void> => {
      // As psql would: one statement at a time, comments skipped.
      for (const chunk of sql.split(';\n\n')) {
        const text = chunk.split('\n').filter((line) => !line.startsWith('--')).join('\n').trim()
        if (text !== '') await db.query(text)
      }
    }
    await run(compileMigration([first, second], postgresql, { versionTable: 'athanor_version', createVersionTable: true }).sql)
    expect(await db.query('SELECT version_num FROM athanor_version')).toEqual([{ version_num: 'bbb' }])
    expect(await db.query('SELECT email, active FROM account')).toEqual([{ email: "o'neil@example.com", active: true }])
    expect((await indexesOf(db, 'account')).map((i) => i.name)).toEqual(['account_pkey', 'ix_email'])
    // Downgrade, newest first: the second derived from its upgrade (its downgrade is empty), the first as written.
    await run(compileMigration([first, second], postgresql, { versionTable: 'athanor_version', direction: 'downgrade' }).sql)
    expect(await relationsIn(db)).toEqual(['athanor_version'])
    expect(await db.query('SELECT version_num FROM athanor_version')).toEqual([])
  })
})
