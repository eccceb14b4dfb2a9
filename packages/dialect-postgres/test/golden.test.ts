/**
 * Golden SQL: the PostgreSQL examples of the behaviour catalog (§0.4–0.8, §2.1–2.2) that the IR
 * can express, compiled and compared whole. CREATE TABLE is multi-line in our output; like the
 * reference's test fixture, the comparison joins it into one line (`(a, b)` for
 * `(\n    a,\n    b\n)`). Where we differ from the reference on purpose, the test asserts our
 * output under a `// Differs from Alembic: …` comment.
 */
import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, batch, bulkInsert, createCheckConstraint, createForeignKey, createIndex, createPrimaryKey,
  createTable, createTableComment, createUniqueConstraint, dropColumn, dropConstraint, dropIndex, dropTable,
  dropTableComment, executeSql, renameTable, type AddColumnOp, type ColumnType, type Op,
} from '@athanor/ir'
import { POSTGRESQL_RESERVED, postgresLiteral, postgresQuote, postgresql } from '@athanor/dialect-postgres'

/** Joins our multi-line CREATE TABLE the way the reference's fixture does (newlines and indentation removed). */
const oneLine = (sql: string): string => sql.replace(/\(\n {4}/, '(').replace(/,\n {4}/g, ', ').replace(/\n\)/, ')')
const sqlOf = (op: Op): string[] => postgresql.compile(op).map((s) => oneLine(s.sql))
const refused = (code: string, path: string) => expect.objectContaining({ code, path })

describe('addColumn', () => {
  it('adds a column with nullability, a literal default and a schema', () => {
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer', nullable: false } }))).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER NOT NULL',
    ])
    expect(
      sqlOf(addColumn({ tableName: 't1', schema: 'foo', column: { name: 'c1', type: 'integer', nullable: false, serverDefault: { literal: '12' } } })),
    ).toEqual(["ALTER TABLE foo.t1 ADD COLUMN c1 INTEGER DEFAULT '12' NOT NULL"])
  })

  it('writes an SQL default verbatim', () => {
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'datetime', serverDefault: { sql: 'utc_thing(CURRENT_TIMESTAMP)' } } }))).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 TIMESTAMP WITHOUT TIME ZONE DEFAULT utc_thing(CURRENT_TIMESTAMP)',
    ])
  })

  it('adds IF NOT EXISTS', () => {
    expect(sqlOf(addColumn({ tableName: 't1', ifNotExists: true, column: { name: 'c1', type: 'integer', nullable: false } }))).toEqual([
      'ALTER TABLE t1 ADD COLUMN IF NOT EXISTS c1 INTEGER NOT NULL',
    ])
  })

  it('writes a column check inline, with or without a name', () => {
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer', nullable: false, check: { condition: 'c1 > 5' } } }))).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER NOT NULL CHECK (c1 > 5)',
    ])
    expect(sqlOf(addColumn({ tableName: 't', column: { name: 'x', type: 'integer', check: { name: 'ck_t_cc1', condition: 'im a constraint' } } }))).toEqual([
      'ALTER TABLE t ADD COLUMN x INTEGER CONSTRAINT ck_t_cc1 CHECK (im a constraint)',
    ])
  })

  it('creates the index an index flag implies, named with the schema', () => {
    expect(sqlOf(addColumn({ tableName: 't1', schema: 's', column: { name: 'c1', type: 'integer', index: true } }))).toEqual([
      'ALTER TABLE s.t1 ADD COLUMN c1 INTEGER',
      'CREATE INDEX ix_s_t1_c1 ON s.t1 (c1)',
    ])
  })

  it('creates one unique index for unique and index together, and a UNIQUE constraint for unique alone', () => {
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer', unique: true, index: true } }))).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER',
      'CREATE UNIQUE INDEX ix_t1_c1 ON t1 (c1)',
    ])
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer', unique: true } }))).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER',
      'ALTER TABLE t1 ADD UNIQUE (c1)',
    ])
  })

  it('adds a foreign key with its own ALTER TABLE, the referent keeping its own schema', () => {
    const fk = { referentTable: 'c2', remoteCol: 'id' }
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer', nullable: false, foreignKey: fk } }))).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER NOT NULL',
      'ALTER TABLE t1 ADD FOREIGN KEY(c1) REFERENCES c2 (id)',
    ])
    expect(sqlOf(addColumn({ tableName: 't1', schema: 'foo', column: { name: 'c1', type: 'integer', nullable: false, foreignKey: fk } }))).toEqual([
      'ALTER TABLE foo.t1 ADD COLUMN c1 INTEGER NOT NULL',
      'ALTER TABLE foo.t1 ADD FOREIGN KEY(c1) REFERENCES c2 (id)',
    ])
    expect(
      sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer', foreignKey: { referentTable: 't2', referentSchema: 'remote', remoteCol: 'c2' } } })),
    ).toEqual(['ALTER TABLE t1 ADD COLUMN c1 INTEGER', 'ALTER TABLE t1 ADD FOREIGN KEY(c1) REFERENCES remote.t2 (c2)'])
  })

  it('writes a foreign key inline with inlineReferences, options in the fixed order', () => {
    const inline = (column: AddColumnOp['column']): string[] => sqlOf(addColumn({ tableName: 't1', inlineReferences: true, column }))
    expect(inline({ name: 'c1', type: 'integer', nullable: false, foreignKey: { referentTable: 'c2', remoteCol: 'id' } })).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER NOT NULL REFERENCES c2 (id)',
    ])
    expect(
      inline({
        name: 'c1', type: 'integer', nullable: false,
        foreignKey: { referentTable: 'c2', remoteCol: 'id', match: 'FULL', onDelete: 'SET NULL', onUpdate: 'CASCADE', deferrable: true, initially: 'DEFERRED' },
      }),
    ).toEqual(['ALTER TABLE t1 ADD COLUMN c1 INTEGER NOT NULL REFERENCES c2 (id) MATCH FULL ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED'])
    expect(inline({ name: 'c1', type: 'integer', foreignKey: { referentTable: 'MixedTable', referentSchema: 'MixedSchema', remoteCol: 'MixedCol' } })).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER REFERENCES "MixedSchema"."MixedTable" ("MixedCol")',
    ])
    expect(inline({ name: 'c1', type: 'integer', foreignKey: { referentTable: 'c2', remoteCol: 'id', onDelete: 'SET NULL', onUpdate: 'CASCADE' } })).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER REFERENCES c2 (id) ON DELETE SET NULL ON UPDATE CASCADE',
    ])
    expect(inline({ name: 'c1', type: 'integer', foreignKey: { referentTable: 'c2', remoteCol: 'id', deferrable: true, initially: 'DEFERRED' } })).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER REFERENCES c2 (id) DEFERRABLE INITIALLY DEFERRED',
    ])
    expect(inline({ name: 'c1', type: 'integer', foreignKey: { referentTable: 'c2', remoteCol: 'id', deferrable: false } })).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER REFERENCES c2 (id) NOT DEFERRABLE',
    ])
    expect(inline({ name: 'c1', type: 'integer', foreignKey: { referentTable: 'c2', remoteCol: 'id', match: 'FULL' } })).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER REFERENCES c2 (id) MATCH FULL',
    ])
  })

  it('puts PRIMARY KEY before the inline foreign key and the check', () => {
    // An integer key that is also a foreign key is not SERIAL (SQLAlchemy's "auto" autoincrement).
    const op = addColumn({
      tableName: 't', inlineReferences: true, inlinePrimaryKey: true,
      column: { name: 'c1', type: 'integer', primaryKey: true, foreignKey: { referentTable: 'a', remoteCol: 'id' }, check: { condition: 'c1 > 5' } },
    })
    expect(sqlOf(op)).toEqual(['ALTER TABLE t ADD COLUMN c1 INTEGER NOT NULL PRIMARY KEY REFERENCES a (id) CHECK (c1 > 5)'])
  })

  it('adds a NOT VALID foreign key with its own ALTER TABLE even when asked inline', () => {
    // A column constraint has no NOT VALID form in PostgreSQL.
    const op = addColumn({ tableName: 't1', inlineReferences: true, column: { name: 'c1', type: 'integer', foreignKey: { referentTable: 'c2', remoteCol: 'id', postgresqlNotValid: true } } })
    expect(sqlOf(op)).toEqual(['ALTER TABLE t1 ADD COLUMN c1 INTEGER', 'ALTER TABLE t1 ADD FOREIGN KEY(c1) REFERENCES c2 (id) NOT VALID'])
  })

  it('spells an integer primary key SERIAL, adding PRIMARY KEY only with inlinePrimaryKey', () => {
    const column = { name: 'q', type: 'integer', primaryKey: true } as const
    expect(sqlOf(addColumn({ tableName: 'some_table', inlinePrimaryKey: true, column }))).toEqual(['ALTER TABLE some_table ADD COLUMN q SERIAL NOT NULL PRIMARY KEY'])
    expect(sqlOf(addColumn({ tableName: 'some_table', column }))).toEqual(['ALTER TABLE some_table ADD COLUMN q SERIAL NOT NULL'])
  })

  it('adds a stored computed column', () => {
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'some_column', type: 'integer', computed: { sqltext: 'foo * 5', persisted: true } } }))).toEqual([
      'ALTER TABLE t1 ADD COLUMN some_column INTEGER GENERATED ALWAYS AS (foo * 5) STORED',
    ])
  })

  it('adds identity columns, without NOT NULL', () => {
    const identity = (id: NonNullable<AddColumnOp['column']['identity']>): string[] =>
      sqlOf(addColumn({ tableName: 't1', column: { name: 'some_column', type: 'integer', identity: id } }))
    expect(identity({})).toEqual(['ALTER TABLE t1 ADD COLUMN some_column INTEGER GENERATED BY DEFAULT AS IDENTITY'])
    expect(identity({ always: true })).toEqual(['ALTER TABLE t1 ADD COLUMN some_column INTEGER GENERATED ALWAYS AS IDENTITY'])
    expect(identity({ start: 3, increment: 33, maxValue: 99, cycle: true })).toEqual([
      'ALTER TABLE t1 ADD COLUMN some_column INTEGER GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY 33 START WITH 3 MAXVALUE 99 CYCLE)',
    ])
  })

  it('adds a native boolean without a CHECK', () => {
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'boolean', nullable: false } }))).toEqual(['ALTER TABLE t1 ADD COLUMN c1 BOOLEAN NOT NULL'])
  })

  it('writes the comment as a separate COMMENT ON COLUMN', () => {
    expect(sqlOf(addColumn({ tableName: 't', column: { name: 'q', type: 'integer', comment: 'This is a comment' } }))).toEqual([
      'ALTER TABLE t ADD COLUMN q INTEGER',
      "COMMENT ON COLUMN t.q IS 'This is a comment'",
    ])
  })

  it('refers to a native enum without creating it', () => {
    expect(sqlOf(addColumn({ tableName: 't', column: { name: 'data', type: { name: 'enum', values: ['one', 'two'], enumName: 'pgenum' } } }))).toEqual([
      'ALTER TABLE t ADD COLUMN data pgenum',
    ])
  })

  it('quotes mixed-case and reserved names', () => {
    expect(sqlOf(addColumn({ tableName: 'TTable', column: { name: 'user', type: 'integer' } }))).toEqual(['ALTER TABLE "TTable" ADD COLUMN "user" INTEGER'])
    expect(sqlOf(addColumn({ tableName: 'IShouldBeQuoted', column: { name: 'c', type: 'integer' } }))).toEqual(['ALTER TABLE "IShouldBeQuoted" ADD COLUMN c INTEGER'])
  })

  it('quotes a dotted schema as one name', () => {
    // Differs from Alembic: a schema is one identifier in every statement; Alembic splits a dotted
    // schema on dots in its own ALTER statements (`ALTER TABLE foo.bar.t ADD COLUMN c INTEGER`).
    expect(sqlOf(addColumn({ tableName: 't', schema: 'foo.bar', column: { name: 'c', type: 'integer' } }))).toEqual(['ALTER TABLE "foo.bar".t ADD COLUMN c INTEGER'])
  })

  it('spells each generic type (catalog §0.6)', () => {
    const cases: ReadonlyArray<readonly [ColumnType, string]> = [
      ['integer', 'INTEGER'],
      ['bigint', 'BIGINT'],
      ['smallint', 'SMALLINT'],
      ['varchar', 'VARCHAR'],
      [{ name: 'varchar', length: 50 }, 'VARCHAR(50)'],
      [{ name: 'nvarchar', length: 50 }, 'VARCHAR(50)'],
      ['text', 'TEXT'],
      ['boolean', 'BOOLEAN'],
      ['datetime', 'TIMESTAMP WITHOUT TIME ZONE'],
      [{ name: 'datetime', timezone: true }, 'TIMESTAMP WITH TIME ZONE'],
      ['date', 'DATE'],
      ['time', 'TIME WITHOUT TIME ZONE'],
      [{ name: 'numeric', precision: 10, scale: 2 }, 'NUMERIC(10, 2)'],
      ['float', 'FLOAT'],
      ['binary', 'BYTEA'],
      ['uuid', 'UUID'],
      ['json', 'JSON'],
      [{ name: 'enum', values: ['a', 'b'], enumName: 'e2' }, 'e2'],
    ]
    for (const [type, spelled] of cases) {
      expect(sqlOf(addColumn({ tableName: 't', column: { name: 'c', type } }))).toEqual([`ALTER TABLE t ADD COLUMN c ${spelled}`])
    }
  })

  it('refuses an enum without a name', () => {
    const op = addColumn({ tableName: 't', column: { name: 'c', type: { name: 'enum', values: ['a'] } } })
    expect(() => postgresql.compile(op)).toThrow(refused('UNSUPPORTED_OPERATION', 'column.type'))
  })

  it('refuses a nullable identity column', () => {
    // Differs from Alembic, which writes `… GENERATED BY DEFAULT AS IDENTITY NULL`; PostgreSQL rejects it.
    const op = addColumn({ tableName: 't', column: { name: 'c', type: 'integer', nullable: true, identity: {} } })
    expect(() => postgresql.compile(op)).toThrow(refused('UNSUPPORTED_OPERATION', 'column.nullable'))
  })

  it('refuses a virtual computed column', () => {
    const op = addColumn({ tableName: 't', column: { name: 'c', type: 'integer', computed: { sqltext: 'a * 2', persisted: false } } })
    expect(() => postgresql.compile(op)).toThrow(refused('UNSUPPORTED_OPERATION', 'column.computed.persisted'))
  })

  it('refuses foreign-key options PostgreSQL rejects', () => {
    const fk = { referentTable: 'c2', remoteCol: 'id' }
    const partial = addColumn({ tableName: 't', column: { name: 'c', type: 'integer', foreignKey: { ...fk, match: 'PARTIAL' } } })
    expect(() => postgresql.compile(partial)).toThrow(refused('UNSUPPORTED_OPERATION', 'column.foreignKey.match'))
    const inline = addColumn({ tableName: 't', inlineReferences: true, column: { name: 'c', type: 'integer', foreignKey: { ...fk, deferrable: false, initially: 'deferred' } } })
    expect(() => postgresql.compile(inline)).toThrow(refused('UNSUPPORTED_OPERATION', 'column.foreignKey.initially'))
  })
})

describe('dropColumn', () => {
  it('drops a column, with a schema and IF EXISTS', () => {
    expect(sqlOf(dropColumn({ tableName: 't1', columnName: 'c1' }))).toEqual(['ALTER TABLE t1 DROP COLUMN c1'])
    expect(sqlOf(dropColumn({ tableName: 't1', schema: 'foo', columnName: 'c1' }))).toEqual(['ALTER TABLE foo.t1 DROP COLUMN c1'])
    expect(sqlOf(dropColumn({ tableName: 't1', columnName: 'c1', ifExists: true }))).toEqual(['ALTER TABLE t1 DROP COLUMN IF EXISTS c1'])
  })
})

describe('alterColumn', () => {
  it('changes nullability', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', nullable: true }))).toEqual(['ALTER TABLE t ALTER COLUMN c DROP NOT NULL'])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', nullable: false }))).toEqual(['ALTER TABLE t ALTER COLUMN c SET NOT NULL'])
  })

  it('changes the type, with USING', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: { name: 'varchar', length: 50 } }))).toEqual(['ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(50)'])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: 'integer', postgresqlUsing: 'c::integer' }))).toEqual([
      'ALTER TABLE t ALTER COLUMN c TYPE INTEGER USING c::integer',
    ])
  })

  it('refuses USING without a type change when the op is built', () => {
    expect(() => alterColumn({ tableName: 't', columnName: 'c', postgresqlUsing: 'c::integer' })).toThrow(refused('MISSING_FIELD', 'type'))
  })

  it('sets and drops the default', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { literal: 'q' } }))).toEqual(["ALTER TABLE t ALTER COLUMN c SET DEFAULT 'q'"])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { sql: 'utc_thing(CURRENT_TIMESTAMP)' } }))).toEqual([
      'ALTER TABLE t ALTER COLUMN c SET DEFAULT utc_thing(CURRENT_TIMESTAMP)',
    ])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: null }))).toEqual(['ALTER TABLE t ALTER COLUMN c DROP DEFAULT'])
  })

  it('renames, with a schema', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', newColumnName: 'x' }))).toEqual(['ALTER TABLE t RENAME c TO x'])
    expect(sqlOf(alterColumn({ tableName: 't', schema: 'foo', columnName: 'c', newColumnName: 'x' }))).toEqual(['ALTER TABLE foo.t RENAME c TO x'])
  })

  it('emits the type first, then nullability, default, comment and the rename last', () => {
    const op = alterColumn({
      tableName: 't', columnName: 'c', type: 'integer', nullable: false, serverDefault: { literal: 'x' }, comment: 'cm', newColumnName: 'x',
    })
    expect(sqlOf(op)).toEqual([
      'ALTER TABLE t ALTER COLUMN c TYPE INTEGER',
      'ALTER TABLE t ALTER COLUMN c SET NOT NULL',
      "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x'",
      "COMMENT ON COLUMN t.c IS 'cm'",
      'ALTER TABLE t RENAME c TO x',
    ])
  })

  it('sets, quotes, escapes and removes the column comment', () => {
    const comment = (fields: Partial<Parameters<typeof alterColumn>[0]>): string[] =>
      sqlOf(alterColumn({ tableName: 't', schema: 'foo', columnName: 'c', ...fields }))
    expect(comment({ comment: 'This is a column comment' })).toEqual(["COMMENT ON COLUMN foo.t.c IS 'This is a column comment'"])
    expect(sqlOf(alterColumn({ tableName: 'T', schema: 'foo', columnName: 'C', comment: 'This is a column comment' }))).toEqual([
      `COMMENT ON COLUMN foo."T"."C" IS 'This is a column comment'`,
    ])
    expect(comment({ comment: "This is a column 'comment'" })).toEqual(["COMMENT ON COLUMN foo.t.c IS 'This is a column ''comment'''"])
    expect(comment({ comment: null })).toEqual(['COMMENT ON COLUMN foo.t.c IS NULL'])
    expect(comment({ nullable: false, comment: 'This is a column comment' })).toEqual([
      'ALTER TABLE foo.t ALTER COLUMN c SET NOT NULL',
      "COMMENT ON COLUMN foo.t.c IS 'This is a column comment'",
    ])
  })

  it('drops and adds an identity', () => {
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'some_column', identity: null, existingIdentity: {} }))).toEqual([
      'ALTER TABLE t1 ALTER COLUMN some_column DROP IDENTITY',
    ])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'some_column', identity: {}, existingIdentity: null }))).toEqual([
      'ALTER TABLE t1 ALTER COLUMN some_column ADD GENERATED BY DEFAULT AS IDENTITY',
    ])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'some_column', identity: { always: true }, existingIdentity: null }))).toEqual([
      'ALTER TABLE t1 ALTER COLUMN some_column ADD GENERATED ALWAYS AS IDENTITY',
    ])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'some_column', identity: { start: 3, increment: 2 }, existingIdentity: null }))).toEqual([
      'ALTER TABLE t1 ALTER COLUMN some_column ADD GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY 2 START WITH 3)',
    ])
  })

  it('modifies an identity with one SET per changed attribute, in the reference order', () => {
    const modify = (before: object, after: object): string[] =>
      sqlOf(alterColumn({ tableName: 't1', columnName: 'some_column', identity: after, existingIdentity: before }))
    expect(modify({ always: true }, { start: 3 })).toEqual(['ALTER TABLE t1 ALTER COLUMN some_column SET GENERATED BY DEFAULT SET START WITH 3'])
    expect(modify({ start: 3 }, { start: 3, increment: 1, cycle: true })).toEqual(['ALTER TABLE t1 ALTER COLUMN some_column SET CYCLE SET INCREMENT BY 1'])
    expect(modify({}, { minValue: 0, increment: 1, cycle: true, cache: 2 })).toEqual([
      'ALTER TABLE t1 ALTER COLUMN some_column SET CACHE 2 SET CYCLE SET INCREMENT BY 1 SET MINVALUE 0',
    ])
    expect(modify({}, { maxValue: 99 })).toEqual(['ALTER TABLE t1 ALTER COLUMN some_column SET MAXVALUE 99'])
  })

  it('emits nothing for an identity that does not change', () => {
    // Differs from Alembic, which emits the bare, invalid `ALTER TABLE t1 ALTER COLUMN some_column`.
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'some_column', identity: { start: 3 }, existingIdentity: { start: 3 } }))).toEqual([])
  })

  it('adds an identity when the existing one is not given', () => {
    // Differs from Alembic: an unknown existing identity means "none" (ADD); Alembic treats it as a
    // modify and gives `ALTER TABLE t1 ALTER COLUMN c SET GENERATED ALWAYS`.
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c', identity: { always: true } }))).toEqual(['ALTER TABLE t1 ALTER COLUMN c ADD GENERATED ALWAYS AS IDENTITY'])
  })

  it('refuses an autoincrement change', () => {
    // Differs from Alembic, which only warns and emits nothing for it.
    expect(() => postgresql.compile(alterColumn({ tableName: 't', columnName: 'c', autoincrement: true }))).toThrow(refused('UNSUPPORTED_OPERATION', 'autoincrement'))
  })

  it('refers to an enum type in the table schema', () => {
    const op = alterColumn({ tableName: 't', schema: 's', columnName: 'c', type: { name: 'enum', values: ['a'], enumName: 'mood' }, postgresqlUsing: 'c::s.mood' })
    expect(sqlOf(op)).toEqual(['ALTER TABLE s.t ALTER COLUMN c TYPE s.mood USING c::s.mood'])
  })
})

describe('createTable', () => {
  const id = { name: 'id', type: 'integer', primaryKey: true, autoincrement: false } as const

  it('lists columns, then the primary key, then the constraints', () => {
    const op = createTable({ tableName: 'some_table', columns: [id, { name: 'st_id', type: 'integer', foreignKey: { referentTable: 'some_table', remoteCol: 'id' } }] })
    expect(sqlOf(op)).toEqual(['CREATE TABLE some_table (id INTEGER NOT NULL, st_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(st_id) REFERENCES some_table (id))'])
  })

  it('spells an integer primary key SERIAL unless autoincrement is false', () => {
    // Catalog §0.7/§2.2: the generic examples of §2.1 show `id INTEGER NOT NULL`; PostgreSQL numbers the key.
    const op = createTable({ tableName: 't2', columns: [{ name: 'c1', type: 'integer', primaryKey: true }, { name: 'c2', type: 'integer' }] })
    expect(sqlOf(op)).toEqual(['CREATE TABLE t2 (c1 SERIAL NOT NULL, c2 INTEGER, PRIMARY KEY (c1))'])
  })

  it('keeps INTEGER for a primary key that is also a foreign key', () => {
    const op = createTable({
      tableName: 'profile',
      columns: [{ name: 'account_id', type: 'integer', primaryKey: true }],
      constraints: [{ type: 'foreignKey', localCols: ['account_id'], referentTable: 'account', remoteCols: ['id'] }],
    })
    expect(sqlOf(op)).toEqual(['CREATE TABLE profile (account_id INTEGER NOT NULL, PRIMARY KEY (account_id), FOREIGN KEY(account_id) REFERENCES account (id))'])
  })

  it('adds IF NOT EXISTS', () => {
    expect(sqlOf(createTable({ tableName: 'some_table', ifNotExists: true, columns: [id] }))).toEqual([
      'CREATE TABLE IF NOT EXISTS some_table (id INTEGER NOT NULL, PRIMARY KEY (id))',
    ])
  })

  it('writes named checks and uniques, and a unique column', () => {
    const named = createTable({
      tableName: 'some_table',
      columns: [id, { name: 'foo_id', type: 'integer' }],
      constraints: [{ type: 'check', name: 'ck_1', condition: 'foo_id>5' }, { type: 'unique', name: 'uq_1', columns: ['foo_id'] }],
    })
    expect(sqlOf(named)).toEqual(['CREATE TABLE some_table (id INTEGER NOT NULL, foo_id INTEGER, PRIMARY KEY (id), CONSTRAINT ck_1 CHECK (foo_id>5), CONSTRAINT uq_1 UNIQUE (foo_id))'])
    const flag = createTable({ tableName: 'some_table', columns: [id, { name: 'foo_id', type: 'integer', unique: true }] })
    expect(sqlOf(flag)).toEqual(['CREATE TABLE some_table (id INTEGER NOT NULL, foo_id INTEGER, PRIMARY KEY (id), UNIQUE (foo_id))'])
  })

  it('creates a table without a primary key', () => {
    const op = createTable({ tableName: 'some_table', columns: ['x', 'y', 'z'].map((name) => ({ name, type: 'integer' as const })) })
    expect(sqlOf(op)).toEqual(['CREATE TABLE some_table (x INTEGER, y INTEGER, z INTEGER)'])
  })

  it('creates the indexes after the table, on the schema-qualified table', () => {
    const op = createTable({
      tableName: 'some_table', schema: 's',
      columns: [id, { name: 'x', type: 'integer', foreignKey: { referentTable: 'other', remoteCol: 'id' } }],
      constraints: [{ type: 'index', name: 'ix_z', columns: ['x'] }],
    })
    expect(sqlOf(op)).toEqual([
      'CREATE TABLE s.some_table (id INTEGER NOT NULL, x INTEGER, PRIMARY KEY (id), FOREIGN KEY(x) REFERENCES other (id))',
      'CREATE INDEX ix_z ON s.some_table (x)',
    ])
  })

  it('writes the table comment, then the column comments', () => {
    const op = createTable({
      tableName: 't2', comment: 't2 comment',
      columns: [{ name: 'c1', type: 'integer', primaryKey: true, comment: 'c1 comment' }, { name: 'c2', type: 'integer', comment: 'c2 comment' }],
    })
    expect(sqlOf(op)).toEqual([
      'CREATE TABLE t2 (c1 SERIAL NOT NULL, c2 INTEGER, PRIMARY KEY (c1))',
      "COMMENT ON TABLE t2 IS 't2 comment'",
      "COMMENT ON COLUMN t2.c1 IS 'c1 comment'",
      "COMMENT ON COLUMN t2.c2 IS 'c2 comment'",
    ])
  })

  it('creates a native enum type first, and writes CREATE TABLE on several lines', () => {
    const op = createTable({ tableName: 'sometable', columns: [{ name: 'data', type: { name: 'enum', values: ['one', 'two', 'three'], enumName: 'pgenum' } }] })
    // Compared as is: the catalog's offline example (§0.3), tab as four spaces.
    expect(postgresql.compile(op)).toEqual([
      { sql: "CREATE TYPE pgenum AS ENUM ('one', 'two', 'three')" },
      { sql: 'CREATE TABLE sometable (\n    data pgenum\n)' },
    ])
  })

  it('creates an enum type in the table schema and refers to it there', () => {
    const op = createTable({ tableName: 't', schema: 's', columns: [{ name: 'data', type: { name: 'enum', values: ['one'], enumName: 'pgenum' } }] })
    expect(sqlOf(op)).toEqual(["CREATE TYPE s.pgenum AS ENUM ('one')", 'CREATE TABLE s.t (data s.pgenum)'])
  })

  it('writes an identity column without NOT NULL', () => {
    const op = createTable({ tableName: 't', columns: [{ name: 'c1', type: 'integer' }, { name: 'c2', type: 'integer', identity: { always: true } }] })
    expect(sqlOf(op)).toEqual(['CREATE TABLE t (c1 INTEGER, c2 INTEGER GENERATED ALWAYS AS IDENTITY)'])
  })

  it('writes constraints in creation order (catalog §0.8)', () => {
    // The reference example without its deferrable CHECK (refused below); the constraints the
    // reference derives from columns are written here as table constraints in the same order.
    const op = createTable({
      tableName: 't',
      columns: [{ name: 'id', type: 'integer', primaryKey: true, autoincrement: false }, ...['a', 'b', 'u'].map((name) => ({ name, type: 'integer' as const }))],
      constraints: [
        { type: 'unique', name: 'zz_uq', columns: ['a', 'b'], deferrable: false },
        { type: 'unique', columns: ['b'] },
        { type: 'check', condition: 'a<b' },
        { type: 'foreignKey', name: 'mm_fk', localCols: ['a'], referentTable: 'o2', remoteCols: ['x'] },
        {
          type: 'foreignKey', localCols: ['b'], referentTable: 'o', remoteCols: ['id'],
          match: 'FULL', onDelete: 'cascade', onUpdate: 'SET NULL', deferrable: true, initially: 'deferred',
        },
        { type: 'unique', columns: ['u'] },
      ],
    })
    expect(sqlOf(op)).toEqual([
      'CREATE TABLE t (id INTEGER NOT NULL, a INTEGER, b INTEGER, u INTEGER, PRIMARY KEY (id), CONSTRAINT zz_uq UNIQUE (a, b) NOT DEFERRABLE, ' +
        'UNIQUE (b), CHECK (a<b), CONSTRAINT mm_fk FOREIGN KEY(a) REFERENCES o2 (x), ' +
        'FOREIGN KEY(b) REFERENCES o (id) MATCH FULL ON DELETE cascade ON UPDATE SET NULL DEFERRABLE INITIALLY deferred, UNIQUE (u))',
    ])
  })

  it('writes explicit constraints before those the columns imply', () => {
    const op = createTable({
      tableName: 't',
      columns: [{ name: 'a', type: 'integer', unique: true, foreignKey: { referentTable: 'o', remoteCol: 'id' } }],
      constraints: [{ type: 'check', name: 'ck', condition: 'a > 0' }],
    })
    expect(sqlOf(op)).toEqual(['CREATE TABLE t (a INTEGER, CONSTRAINT ck CHECK (a > 0), UNIQUE (a), FOREIGN KEY(a) REFERENCES o (id))'])
  })

  it('refuses a deferrable CHECK', () => {
    // Differs from Alembic, which writes `CHECK (b>2) DEFERRABLE INITIALLY IMMEDIATE`; PostgreSQL rejects it.
    const op = createTable({ tableName: 't', columns: [{ name: 'b', type: 'integer' }], constraints: [{ type: 'check', name: 'aa_ck', condition: 'b>2', deferrable: true, initially: 'IMMEDIATE' }] })
    expect(() => postgresql.compile(op)).toThrow(refused('UNSUPPORTED_OPERATION', 'constraints[0].deferrable'))
  })

  it('refuses a virtual computed column and a contradictory foreign key', () => {
    const computed = createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: 'c', type: 'integer', computed: { sqltext: 'a', persisted: false } }] })
    expect(() => postgresql.compile(computed)).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[1].computed.persisted'))
    const fk = createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', foreignKey: { referentTable: 'o', remoteCol: 'id', match: 'partial' } }] })
    expect(() => postgresql.compile(fk)).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[0].foreignKey.match'))
  })
})

describe('dropTable', () => {
  it('drops a table, with a schema and IF EXISTS', () => {
    expect(sqlOf(dropTable({ tableName: 'tb_test' }))).toEqual(['DROP TABLE tb_test'])
    expect(sqlOf(dropTable({ tableName: 'tb_test', schema: 'foo' }))).toEqual(['DROP TABLE foo.tb_test'])
    expect(sqlOf(dropTable({ tableName: 'tb_test', ifExists: true }))).toEqual(['DROP TABLE IF EXISTS tb_test'])
  })

  it('drops the enum types of the table it carries', () => {
    const table = { columns: [{ name: 'data', type: { name: 'enum', values: ['one'], enumName: 'pgenum' } }] } as const
    expect(sqlOf(dropTable({ tableName: 'sometable', table }))).toEqual(['DROP TABLE sometable', 'DROP TYPE IF EXISTS pgenum'])
    expect(sqlOf(dropTable({ tableName: 'sometable', schema: 's', table }))).toEqual(['DROP TABLE s.sometable', 'DROP TYPE IF EXISTS s.pgenum'])
  })
})

describe('renameTable', () => {
  it('renames without qualifying the new name', () => {
    expect(sqlOf(renameTable({ oldTableName: 't1', newTableName: 't2' }))).toEqual(['ALTER TABLE t1 RENAME TO t2'])
    expect(sqlOf(renameTable({ oldTableName: 't1', newTableName: 't2', schema: 'foo' }))).toEqual(['ALTER TABLE foo.t1 RENAME TO t2'])
  })
})

describe('createIndex', () => {
  it('creates plain, unique, IF NOT EXISTS and schema-qualified indexes', () => {
    const base = { indexName: 'ik_test', tableName: 't1', columns: ['foo', 'bar'] }
    expect(sqlOf(createIndex(base))).toEqual(['CREATE INDEX ik_test ON t1 (foo, bar)'])
    expect(sqlOf(createIndex({ ...base, unique: true }))).toEqual(['CREATE UNIQUE INDEX ik_test ON t1 (foo, bar)'])
    expect(sqlOf(createIndex({ ...base, ifNotExists: true }))).toEqual(['CREATE INDEX IF NOT EXISTS ik_test ON t1 (foo, bar)'])
    expect(sqlOf(createIndex({ ...base, schema: 'foo' }))).toEqual(['CREATE INDEX ik_test ON foo.t1 (foo, bar)'])
    expect(sqlOf(createIndex({ ...base, quote: true }))).toEqual(['CREATE INDEX "ik_test" ON t1 (foo, bar)'])
  })

  it('writes a partial and an expression index', () => {
    const where = 'locations.coordinates != Null'
    expect(sqlOf(createIndex({ indexName: 'geocoded', tableName: 'locations', columns: ['coordinates'], postgresqlWhere: where }))).toEqual([
      'CREATE INDEX geocoded ON locations (coordinates) WHERE locations.coordinates != Null',
    ])
    expect(sqlOf(createIndex({ indexName: 'geocoded', tableName: 'locations', columns: [{ sql: 'lower(coordinates)' }], postgresqlWhere: where }))).toEqual([
      'CREATE INDEX geocoded ON locations (lower(coordinates)) WHERE locations.coordinates != Null',
    ])
  })

  it('creates CONCURRENTLY outside a transaction', () => {
    expect(postgresql.compile(createIndex({ indexName: 'geocoded', tableName: 'locations', columns: ['coordinates'], postgresqlConcurrently: true }))).toEqual([
      { sql: 'CREATE INDEX CONCURRENTLY geocoded ON locations (coordinates)', transactional: false },
    ])
  })

  it('writes INCLUDE and IF NOT EXISTS', () => {
    expect(sqlOf(createIndex({ indexName: 'i', tableName: 't', columns: ['c1', 'c2'], postgresqlInclude: ['inc'] }))).toEqual(['CREATE INDEX i ON t (c1, c2) INCLUDE (inc)'])
    expect(sqlOf(createIndex({ indexName: 'i', tableName: 't', columns: ['c1', 'c2'], ifNotExists: true }))).toEqual(['CREATE INDEX IF NOT EXISTS i ON t (c1, c2)'])
  })

  it('writes every option in the reference order', () => {
    const op = createIndex({
      indexName: 'i', tableName: 't', schema: 's', columns: ['c1', { sql: 'lower(c2)' }], unique: true, postgresqlConcurrently: true, ifNotExists: true,
      postgresqlUsing: 'gin', postgresqlOps: { c1: 'text_pattern_ops' }, postgresqlInclude: ['inc'], postgresqlNullsNotDistinct: true,
      postgresqlWith: { fillfactor: 50 }, postgresqlTablespace: 'ts', postgresqlWhere: 'c1 > 5',
    })
    expect(postgresql.compile(op)).toEqual([
      {
        sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON s.t USING gin (c1 text_pattern_ops, lower(c2)) INCLUDE (inc) NULLS NOT DISTINCT WITH (fillfactor = 50) TABLESPACE ts WHERE c1 > 5',
        transactional: false,
      },
    ])
  })

  it('looks up operator classes by own keys only', () => {
    // A column named like an Object.prototype member once took that member as its operator class.
    const op = createIndex({ indexName: 'i', tableName: 't', columns: ['toString', 'constructor', 'c'], postgresqlOps: { c: 'int4_ops' } })
    expect(sqlOf(op)).toEqual(['CREATE INDEX i ON t ("toString", constructor, c int4_ops)'])
  })

  it('refuses an index name longer than 63 bytes', () => {
    const op = createIndex({ indexName: 'i'.repeat(64), tableName: 't', columns: ['c'] })
    // The quoter's refusals carry no field path yet (see the report of this suite).
    expect(() => postgresql.compile(op)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'createIndex' }))
  })
})

describe('dropIndex', () => {
  it('drops an index, schema on the index, table name ignored', () => {
    expect(sqlOf(dropIndex({ indexName: 'ik_test' }))).toEqual(['DROP INDEX ik_test'])
    expect(sqlOf(dropIndex({ indexName: 'ik_test', schema: 'foo' }))).toEqual(['DROP INDEX foo.ik_test'])
    expect(sqlOf(dropIndex({ indexName: 'ik_test', tableName: 't1', ifExists: true }))).toEqual(['DROP INDEX IF EXISTS ik_test'])
  })

  it('drops CONCURRENTLY outside a transaction', () => {
    const concurrently = { sql: 'DROP INDEX CONCURRENTLY geocoded', transactional: false }
    expect(postgresql.compile(dropIndex({ indexName: 'geocoded', postgresqlConcurrently: true }))).toEqual([concurrently])
    expect(postgresql.compile(dropIndex({ indexName: 'geocoded', tableName: 'locations', postgresqlConcurrently: true }))).toEqual([concurrently])
    expect(postgresql.compile(dropIndex({ indexName: 'geocoded', schema: 's', ifExists: true, postgresqlConcurrently: true }))).toEqual([
      { sql: 'DROP INDEX CONCURRENTLY IF EXISTS s.geocoded', transactional: false },
    ])
  })
})

describe('createForeignKey', () => {
  const base = { constraintName: 'fk_test', sourceTable: 't1', referentTable: 't2', localCols: ['foo', 'bar'], remoteCols: ['bat', 'hoho'] }
  const prefix = 'ALTER TABLE t1 ADD CONSTRAINT fk_test FOREIGN KEY(foo, bar) REFERENCES t2 (bat, hoho)'

  it('adds a foreign key with each option', () => {
    expect(sqlOf(createForeignKey(base))).toEqual([prefix])
    expect(sqlOf(createForeignKey({ ...base, onUpdate: 'CASCADE' }))).toEqual([`${prefix} ON UPDATE CASCADE`])
    expect(sqlOf(createForeignKey({ ...base, onDelete: 'CASCADE' }))).toEqual([`${prefix} ON DELETE CASCADE`])
    expect(sqlOf(createForeignKey({ ...base, deferrable: true }))).toEqual([`${prefix} DEFERRABLE`])
    expect(sqlOf(createForeignKey({ ...base, initially: 'deferred' }))).toEqual([`${prefix} INITIALLY deferred`])
    expect(sqlOf(createForeignKey({ ...base, match: 'SIMPLE' }))).toEqual([`${prefix} MATCH SIMPLE`])
  })

  it('writes combined options in the fixed order', () => {
    const op = createForeignKey({ ...base, initially: 'deferred', deferrable: true, onUpdate: 'CASCADE', onDelete: 'CASCADE', match: 'SIMPLE' })
    expect(sqlOf(op)).toEqual([`${prefix} MATCH SIMPLE ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY deferred`])
  })

  it('qualifies source and referent with their own schemas', () => {
    expect(sqlOf(createForeignKey({ ...base, sourceSchema: 'foo2', referentSchema: 'bar2' }))).toEqual([
      'ALTER TABLE foo2.t1 ADD CONSTRAINT fk_test FOREIGN KEY(foo, bar) REFERENCES bar2.t2 (bat, hoho)',
    ])
  })

  it('adds NOT VALID', () => {
    const op = createForeignKey({ constraintName: 'i', sourceTable: 't1', referentTable: 't2', localCols: ['c1'], remoteCols: ['c2'], postgresqlNotValid: true })
    expect(sqlOf(op)).toEqual(['ALTER TABLE t1 ADD CONSTRAINT i FOREIGN KEY(c1) REFERENCES t2 (c2) NOT VALID'])
  })

  it('refuses MATCH PARTIAL, NOT DEFERRABLE INITIALLY DEFERRED and IF NOT EXISTS', () => {
    // MATCH PARTIAL is "not yet implemented" in PostgreSQL; the deferrability contradicts itself.
    expect(() => postgresql.compile(createForeignKey({ ...base, match: 'PARTIAL' }))).toThrow(refused('UNSUPPORTED_OPERATION', 'match'))
    expect(() => postgresql.compile(createForeignKey({ ...base, deferrable: false, initially: 'DEFERRED' }))).toThrow(refused('UNSUPPORTED_OPERATION', 'initially'))
    // Differs from Alembic: PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS, so it is refused.
    expect(() => postgresql.compile(createForeignKey({ ...base, ifNotExists: true }))).toThrow(refused('UNSUPPORTED_OPERATION', 'ifNotExists'))
  })
})

describe('createPrimaryKey', () => {
  it('adds a primary key, with a schema', () => {
    expect(sqlOf(createPrimaryKey({ constraintName: 'pk_test', tableName: 't1', columns: ['foo', 'bar'] }))).toEqual([
      'ALTER TABLE t1 ADD CONSTRAINT pk_test PRIMARY KEY (foo, bar)',
    ])
    expect(sqlOf(createPrimaryKey({ constraintName: 'pk_test', tableName: 't1', schema: 'bar', columns: ['foo'] }))).toEqual([
      'ALTER TABLE bar.t1 ADD CONSTRAINT pk_test PRIMARY KEY (foo)',
    ])
  })

  it('refuses IF NOT EXISTS', () => {
    // Differs from Alembic: ADD CONSTRAINT IF NOT EXISTS does not exist in PostgreSQL.
    const op = createPrimaryKey({ constraintName: 'pk_test', tableName: 't1', columns: ['foo'], ifNotExists: true })
    expect(() => postgresql.compile(op)).toThrow(refused('UNSUPPORTED_OPERATION', 'ifNotExists'))
  })

  it('refuses a constraint name longer than 63 bytes', () => {
    const op = createPrimaryKey({ constraintName: 'p'.repeat(64), tableName: 't1', columns: ['foo'] })
    // The quoter's refusals carry no field path yet (see the report of this suite).
    expect(() => postgresql.compile(op)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'createPrimaryKey' }))
  })
})

describe('createUniqueConstraint', () => {
  it('adds a unique constraint, with NULLS NOT DISTINCT and INCLUDE', () => {
    expect(sqlOf(createUniqueConstraint({ constraintName: 'uk_test', tableName: 't1', columns: ['foo', 'bar'] }))).toEqual([
      'ALTER TABLE t1 ADD CONSTRAINT uk_test UNIQUE (foo, bar)',
    ])
    expect(sqlOf(createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['a'], postgresqlNullsNotDistinct: true }))).toEqual([
      'ALTER TABLE t ADD CONSTRAINT uq UNIQUE NULLS NOT DISTINCT (a)',
    ])
    expect(sqlOf(createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['a', 'b'], postgresqlInclude: ['b'] }))).toEqual([
      'ALTER TABLE t ADD CONSTRAINT uq UNIQUE (a, b) INCLUDE (b)',
    ])
  })

  it('refuses IF NOT EXISTS and NOT DEFERRABLE INITIALLY DEFERRED', () => {
    const op = createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['a'], ifNotExists: true })
    expect(() => postgresql.compile(op)).toThrow(refused('UNSUPPORTED_OPERATION', 'ifNotExists'))
    const deferred = createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['a'], deferrable: false, initially: 'DEFERRED' })
    expect(() => postgresql.compile(deferred)).toThrow(refused('UNSUPPORTED_OPERATION', 'initially'))
  })
})

describe('createCheckConstraint', () => {
  it('adds a check constraint, with NOT VALID', () => {
    expect(sqlOf(createCheckConstraint({ constraintName: 'ck_user_name_len', tableName: 'user_table', condition: 'len(name) > 5' }))).toEqual([
      'ALTER TABLE user_table ADD CONSTRAINT ck_user_name_len CHECK (len(name) > 5)',
    ])
    expect(sqlOf(createCheckConstraint({ constraintName: 'ck', tableName: 't', condition: 'x > 0', postgresqlNotValid: true }))).toEqual([
      'ALTER TABLE t ADD CONSTRAINT ck CHECK (x > 0) NOT VALID',
    ])
  })

  it('refuses deferrability and IF NOT EXISTS', () => {
    // Differs from Alembic: PostgreSQL CHECK constraints cannot be deferrable.
    const base = { constraintName: 'ck', tableName: 't', condition: 'x > 0' }
    expect(() => postgresql.compile(createCheckConstraint({ ...base, deferrable: true }))).toThrow(refused('UNSUPPORTED_OPERATION', 'deferrable'))
    expect(() => postgresql.compile(createCheckConstraint({ ...base, initially: 'DEFERRED' }))).toThrow(refused('UNSUPPORTED_OPERATION', 'initially'))
    expect(() => postgresql.compile(createCheckConstraint({ ...base, ifNotExists: true }))).toThrow(refused('UNSUPPORTED_OPERATION', 'ifNotExists'))
  })
})

describe('dropConstraint', () => {
  it('drops any constraint, with a schema and IF EXISTS', () => {
    expect(sqlOf(dropConstraint({ constraintName: 'foo_bar_bat', tableName: 't1' }))).toEqual(['ALTER TABLE t1 DROP CONSTRAINT foo_bar_bat'])
    expect(sqlOf(dropConstraint({ constraintName: 'foo_bar_bat', tableName: 't1', schema: 'foo' }))).toEqual(['ALTER TABLE foo.t1 DROP CONSTRAINT foo_bar_bat'])
    expect(sqlOf(dropConstraint({ constraintName: 'foo_bar_bat', tableName: 't1', ifExists: true }))).toEqual(['ALTER TABLE t1 DROP CONSTRAINT IF EXISTS foo_bar_bat'])
    expect(sqlOf(dropConstraint({ constraintName: 't_excl_x', tableName: 'TTable', type: 'check' }))).toEqual(['ALTER TABLE "TTable" DROP CONSTRAINT t_excl_x'])
  })
})

describe('createTableComment', () => {
  it('sets the table comment, with a schema', () => {
    expect(sqlOf(createTableComment({ tableName: 'some_table', comment: 'table comment' }))).toEqual(["COMMENT ON TABLE some_table IS 'table comment'"])
    expect(sqlOf(createTableComment({ tableName: 't2', schema: 'foo', comment: 't2 table' }))).toEqual(["COMMENT ON TABLE foo.t2 IS 't2 table'"])
  })

  it('does not double percent signs', () => {
    // Differs from Alembic, whose pyformat PostgreSQL driver default doubles `%` (catalog §0.4).
    expect(sqlOf(createTableComment({ tableName: 't', comment: '5% off' }))).toEqual(["COMMENT ON TABLE t IS '5% off'"])
  })
})

describe('dropTableComment', () => {
  it('removes the table comment, with a schema', () => {
    expect(sqlOf(dropTableComment({ tableName: 'some_table' }))).toEqual(['COMMENT ON TABLE some_table IS NULL'])
    expect(sqlOf(dropTableComment({ tableName: 't2', schema: 'foo' }))).toEqual(['COMMENT ON TABLE foo.t2 IS NULL'])
  })
})

describe('bulkInsert', () => {
  it('inserts one row per statement, keys in column order', () => {
    const op = bulkInsert({
      tableName: 'ins_table',
      columns: [{ name: 'id', type: 'integer' }, { name: 'v1', type: 'varchar' }, { name: 'v2', type: 'varchar' }],
      rows: [{ id: 1, v1: 'row v1', v2: 'row v5' }, { v2: 'row v6', id: 2 }],
    })
    expect(sqlOf(op)).toEqual(["INSERT INTO ins_table (id, v1, v2) VALUES (1, 'row v1', 'row v5')", "INSERT INTO ins_table (id, v2) VALUES (2, 'row v6')"])
    const ordered = bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'x', type: 'integer' }], rows: [{ x: 3, id: 1 }] })
    expect(sqlOf(ordered)).toEqual(['INSERT INTO t (id, x) VALUES (1, 3)'])
  })

  it('follows a createTable of the same table', () => {
    const columns = [{ name: 'id', type: 'integer' }, { name: 'v1', type: 'varchar' }, { name: 'v2', type: 'varchar' }] as const
    expect(sqlOf(createTable({ tableName: 'ins_table', columns }))).toEqual(['CREATE TABLE ins_table (id INTEGER, v1 VARCHAR, v2 VARCHAR)'])
    expect(sqlOf(bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'data', type: 'text' }], rows: [{ id: 1, data: 'd1' }] }))).toEqual([
      "INSERT INTO t (id, data) VALUES (1, 'd1')",
    ])
  })

  it('writes each value as a literal of its column type (catalog §0.5)', () => {
    const op = bulkInsert({
      tableName: 't', schema: 's',
      columns: [
        { name: 'n', type: 'text' }, { name: 'i', type: 'integer' }, { name: 'd', type: { name: 'numeric', precision: 10, scale: 2 } },
        { name: 'b', type: 'boolean' }, { name: 'dt', type: 'date' }, { name: 'ts', type: 'datetime' }, { name: 'tz', type: { name: 'datetime', timezone: true } },
        { name: 'tm', type: 'time' },
      ],
      rows: [{ n: null, i: '7', d: '1.50', b: true, dt: '2010-10-05', ts: '2010-10-05T12:30:00', tz: '2010-10-05T12:30:00+02:00', tm: '12:30:00' }, { b: false }],
    })
    expect(sqlOf(op)).toEqual([
      "INSERT INTO s.t (n, i, d, b, dt, ts, tz, tm) VALUES (NULL, 7, 1.50, true, '2010-10-05', '2010-10-05 12:30:00', '2010-10-05 12:30:00+02:00', '12:30:00')",
      'INSERT INTO s.t (b) VALUES (false)',
    ])
  })

  it('writes a backslash in an E string', () => {
    // Differs from Alembic: it doubles the backslash inside a plain '…' literal, which stores two
    // backslashes when standard_conforming_strings is on (the default).
    const op = bulkInsert({ tableName: 't', columns: [{ name: 'v', type: 'text' }], rows: [{ v: "a\\b'c" }] })
    expect(sqlOf(op)).toEqual(["INSERT INTO t (v) VALUES (E'a\\\\b''c')"])
  })

  it('emits nothing for no rows', () => {
    expect(sqlOf(bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }], rows: [] }))).toEqual([])
  })

  it('refuses a value its column type cannot hold', () => {
    const insert = (type: ColumnType, value: string | number): Op => bulkInsert({ tableName: 't', columns: [{ name: 'c', type }], rows: [{ c: value }] })
    expect(() => postgresql.compile(insert('integer', 'abc'))).toThrow(refused('INVALID_VALUE', 'rows[0].c'))
    // Differs from Alembic, which truncates 7.9 to 7.
    expect(() => postgresql.compile(insert('integer', 7.9))).toThrow(refused('INVALID_VALUE', 'rows[0].c'))
    expect(() => postgresql.compile(insert('boolean', 'yes'))).toThrow(refused('INVALID_VALUE', 'rows[0].c'))
    expect(() => postgresql.compile(insert('boolean', 2))).toThrow(refused('INVALID_VALUE', 'rows[0].c'))
  })
})

describe('executeSql', () => {
  it('passes the text through without doubling percent signs', () => {
    // Differs from Alembic: no `%` doubling (catalog §0.4).
    expect(sqlOf(executeSql({ sqltext: "UPDATE account SET plan = '5%' WHERE plan IS NULL" }))).toEqual(["UPDATE account SET plan = '5%' WHERE plan IS NULL"])
  })
})

describe('batch', () => {
  it('compiles a batch as plain ALTER statements on its table', () => {
    const op = batch({ tableName: 't', schema: 's', recreate: 'auto', ops: [{ kind: 'dropColumn', columnName: 'a' }, { kind: 'alterColumn', columnName: 'b', nullable: false }] })
    expect(sqlOf(op)).toEqual(['ALTER TABLE s.t DROP COLUMN a', 'ALTER TABLE s.t ALTER COLUMN b SET NOT NULL'])
  })

  it('refuses recreate "always"', () => {
    const op = batch({ tableName: 't', recreate: 'always', ops: [{ kind: 'dropColumn', columnName: 'a' }] })
    expect(() => postgresql.compile(op)).toThrow(refused('UNSUPPORTED_OPERATION', 'recreate'))
  })
})

describe('postgresQuote', () => {
  it('quotes reserved words, mixed case, leading digits and other characters (catalog §0.4)', () => {
    const q = postgresQuote
    expect([q.ident('IShouldBeQuoted'), q.ident('TTable'), q.ident('user')]).toEqual(['"IShouldBeQuoted"', '"TTable"', '"user"'])
    expect([q.ident('1abc'), q.ident('$x'), q.ident('a b'), q.ident('a-b'), q.ident('é'), q.ident('a.b')]).toEqual(['"1abc"', '"$x"', '"a b"', '"a-b"', '"é"', '"a.b"'])
    expect([q.ident('plain_name'), q.ident('a$b'), q.ident('_x9'), q.ident('key'), q.ident('index')]).toEqual(['plain_name', 'a$b', '_x9', 'key', 'index'])
    expect(q.ident('say "hi"')).toBe('"say ""hi"""')
    expect(q.ident('ik_test', { force: true })).toBe('"ik_test"')
    for (const word of POSTGRESQL_RESERVED) expect(q.ident(word)).toBe(`"${word}"`)
  })

  it('quotes the keywords PostgreSQL 15 reserves beyond the reference list', () => {
    // Differs from Alembic: these four are missing from SQLAlchemy's list and are syntax errors bare.
    expect(['lateral', 'collation', 'concurrently', 'tablesample'].map((w) => postgresQuote.ident(w))).toEqual([
      '"lateral"', '"collation"', '"concurrently"', '"tablesample"',
    ])
  })

  it('refuses NUL and names longer than 63 bytes', () => {
    expect(postgresQuote.ident('a'.repeat(63))).toBe('a'.repeat(63))
    expect(() => postgresQuote.ident('a'.repeat(64))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' }))
    expect(() => postgresQuote.ident('é'.repeat(32))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' }))
    expect(() => postgresQuote.ident('a\0b')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' }))
  })
})

describe('postgresLiteral', () => {
  it('doubles quotes, keeps percent signs and uses an E string for backslashes', () => {
    expect(postgresLiteral("it's")).toBe("'it''s'")
    expect(postgresLiteral('5%')).toBe("'5%'")
    expect(postgresLiteral('a\\b')).toBe("E'a\\\\b'")
  })

  it('refuses NUL', () => {
    expect(() => postgresLiteral('a\0b')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' }))
  })
})
