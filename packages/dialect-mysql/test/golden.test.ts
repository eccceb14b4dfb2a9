/**
 * Golden SQL: the MySQL/MariaDB examples of the behaviour catalog (§0.5–0.8, §2.1, §2.3, §2.6)
 * that the IR can express, compiled and compared whole. CREATE TABLE is multi-line in our output;
 * like the reference's test fixture, the comparison joins it into one line. Where we differ from
 * the reference on purpose, the test asserts our output under a `// Differs from Alembic: …`
 * comment. The alterColumn examples give every `existing*` field that MODIFY and CHANGE restate,
 * since the dialect refuses to guess them (see existing-state.test.ts).
 */
import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, bulkInsert, createCheckConstraint, createForeignKey, createIndex, createPrimaryKey, createTable, createTableComment,
  createUniqueConstraint, dropColumn, dropConstraint, dropIndex, dropTable, dropTableComment, emptySnapshot, applyOps, executeSql, renameTable,
  type Op, type SchemaSnapshot,
} from '@athanor/ir'
import { compileMigration } from '@athanor/dialect-kit'
import { createMysqlDialect, mariadb, mysql } from '@athanor/dialect-mysql'
import type { Dialect } from '@athanor/dialect-kit'
import { migrationScript, upgradeOps, downgradeOps } from '@athanor/ir'

/** Joins our multi-line CREATE TABLE the way the reference's fixture does (newlines and indentation removed). */
const oneLine = (sql: string): string => sql.replace(/\(\n {4}/, '(').replace(/,\n {4}/g, ', ').replace(/\n\)/, ')')
const sqlOf = (op: Op, dialect: Dialect = mysql, snapshot?: SchemaSnapshot): string[] =>
  dialect.compile(op, snapshot === undefined ? {} : { snapshot }).map((s) => oneLine(s.sql))
const refused = (code: string, path: string) => expect.objectContaining({ code, path })
/** MySQL 5.7: no RENAME COLUMN, so a rename is a CHANGE as in the catalog. */
const mysql57 = createMysqlDialect({ flavour: 'mysql', version: '5.7.44' })
/** Nothing to restate but what each example says. */
const plain = { existingServerDefault: null, existingComment: null, existingAutoincrement: false } as const

describe('alterColumn', () => {
  it('renames with CHANGE and the whole column on servers without RENAME COLUMN', () => {
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', newColumnName: 'c2', existingType: 'integer', existingNullable: true, ...plain }), mysql57)).toEqual([
      'ALTER TABLE t1 CHANGE c1 c2 INTEGER NULL',
    ])
  })

  it('renames with RENAME COLUMN where the server has it, needing nothing else', () => {
    // Differs from Alembic, which always writes CHANGE (and so needs the column's definition).
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', newColumnName: 'c2' }))).toEqual(['ALTER TABLE t1 RENAME COLUMN c1 TO c2'])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', newColumnName: 'c2' }), mariadb)).toEqual(['ALTER TABLE t1 RENAME COLUMN c1 TO c2'])
  })

  it('quotes mixed-case and spaced names in CHANGE', () => {
    const rename = (t: string, a: string, b: string) => alterColumn({ tableName: t, columnName: a, newColumnName: b, existingType: 'integer', existingNullable: true, ...plain })
    expect(sqlOf(rename('MyTable', 'ColumnOne', 'ColumnTwo'), mysql57)).toEqual(['ALTER TABLE `MyTable` CHANGE `ColumnOne` `ColumnTwo` INTEGER NULL'])
    expect(sqlOf(rename('my table', 'column one', 'column two'), mysql57)).toEqual(['ALTER TABLE `my table` CHANGE `column one` `column two` INTEGER NULL'])
  })

  it('keeps the existing default and AUTO_INCREMENT through a CHANGE', () => {
    expect(
      sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', newColumnName: 'c2', existingType: 'integer', existingNullable: true, existingServerDefault: { literal: 'q' }, existingComment: null, existingAutoincrement: false }), mysql57),
    ).toEqual(["ALTER TABLE t1 CHANGE c1 c2 INTEGER NULL DEFAULT 'q'"])
    expect(
      sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', newColumnName: 'c2', existingType: 'integer', existingNullable: true, existingServerDefault: null, existingComment: null, existingAutoincrement: true }), mysql57),
    ).toEqual(['ALTER TABLE t1 CHANGE c1 c2 INTEGER NULL AUTO_INCREMENT'])
    expect(
      sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', newColumnName: 'newc1', existingType: 'integer', existingNullable: false, existingServerDefault: null, existingComment: 'existing column comment', existingAutoincrement: false }), mysql57),
    ).toEqual(["ALTER TABLE t1 CHANGE c1 newc1 INTEGER NOT NULL COMMENT 'existing column comment'"])
  })

  it('changes nullability with MODIFY and the whole column', () => {
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', nullable: false, existingType: 'integer', ...plain }))).toEqual(['ALTER TABLE t1 MODIFY c1 INTEGER NOT NULL'])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', nullable: false, existingType: 'integer', existingServerDefault: { literal: '5' }, existingComment: null, existingAutoincrement: false }))).toEqual([
      "ALTER TABLE t1 MODIFY c1 INTEGER NOT NULL DEFAULT '5'",
    ])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', nullable: true, existingType: 'integer', ...plain }))).toEqual(['ALTER TABLE t1 MODIFY c1 INTEGER NULL'])
  })

  it('writes type, nullability and default in one MODIFY; a dropped default is left out', () => {
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', type: 'integer', nullable: false, serverDefault: { literal: 'q' }, existingComment: null, existingAutoincrement: false }))).toEqual([
      "ALTER TABLE t1 MODIFY c1 INTEGER NOT NULL DEFAULT 'q'",
    ])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', type: 'integer', nullable: false, serverDefault: null, existingComment: null, existingAutoincrement: false }))).toEqual([
      'ALTER TABLE t1 MODIFY c1 INTEGER NOT NULL',
    ])
  })

  it('keeps an existing SQL default', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', nullable: true, existingType: 'float', existingServerDefault: { sql: '0' }, existingComment: null }))).toEqual([
      'ALTER TABLE t MODIFY c FLOAT NULL DEFAULT 0',
    ])
  })

  it('adds and removes AUTO_INCREMENT with MODIFY', () => {
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', autoincrement: true, existingType: 'integer', existingNullable: true, existingServerDefault: null, existingComment: null }))).toEqual([
      'ALTER TABLE t1 MODIFY c1 INTEGER NULL AUTO_INCREMENT',
    ])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', autoincrement: false, existingAutoincrement: true, existingType: 'integer', existingNullable: true, existingServerDefault: null, existingComment: null }))).toEqual([
      'ALTER TABLE t1 MODIFY c1 INTEGER NULL',
    ])
  })

  it('refuses AUTO_INCREMENT with a default, which MySQL rejects', () => {
    // Differs from Alembic, which writes `MODIFY c INTEGER NOT NULL AUTO_INCREMENT DEFAULT '5' COMMENT 'cm'`.
    const op = alterColumn({ tableName: 't', columnName: 'c', type: 'integer', nullable: false, serverDefault: { literal: '5' }, comment: 'cm', autoincrement: true })
    expect(() => mysql.compile(op)).toThrow(refused('UNSUPPORTED_OPERATION', 'autoincrement'))
  })

  it('sets and drops a default alone with ALTER COLUMN, needing nothing else', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { literal: '1' } }))).toEqual(["ALTER TABLE t ALTER COLUMN c SET DEFAULT '1'"])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: null }))).toEqual(['ALTER TABLE t ALTER COLUMN c DROP DEFAULT'])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { sql: 'utc_thing(CURRENT_TIMESTAMP)' }, existingType: 'integer' }), mysql57)).toEqual([
      'ALTER TABLE t ALTER COLUMN c SET DEFAULT utc_thing(CURRENT_TIMESTAMP)',
    ])
  })

  it('wraps an expression default in parentheses where the server takes expression defaults', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { sql: 'utc_thing(CURRENT_TIMESTAMP)' }, existingType: 'integer' }))).toEqual([
      'ALTER TABLE t ALTER COLUMN c SET DEFAULT (utc_thing(CURRENT_TIMESTAMP))',
    ])
  })

  it('sets a default on a DATETIME with CHANGE c c', () => {
    const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'c', type: 'datetime' }] })])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { sql: 'CURRENT_TIMESTAMP' }, existingType: 'datetime' }), mysql, snapshot)).toEqual([
      'ALTER TABLE t CHANGE c c DATETIME NULL DEFAULT CURRENT_TIMESTAMP',
    ])
  })

  it('writes nothing when nothing changes', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', existingServerDefault: { literal: 'x' } }))).toEqual([])
    // Differs from Alembic, which writes `CHANGE c c DATETIME NULL` for a DATETIME existing type.
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', existingType: 'datetime' }))).toEqual([])
  })

  it('writes, escapes, drops and keeps column comments', () => {
    const bool = { existingType: 'boolean', existingNullable: true, existingServerDefault: null } as const
    expect(sqlOf(alterColumn({ tableName: 't1', schema: 'foo', columnName: 'c1', comment: 'This is a column comment', ...bool }))).toEqual([
      "ALTER TABLE foo.t1 MODIFY c1 BOOL NULL COMMENT 'This is a column comment'",
    ])
    expect(sqlOf(alterColumn({ tableName: 't1', schema: 'foo', columnName: 'c1', comment: "This is a 'column' comment", ...bool }))).toEqual([
      "ALTER TABLE foo.t1 MODIFY c1 BOOL NULL COMMENT 'This is a ''column'' comment'",
    ])
    expect(sqlOf(alterColumn({ tableName: 't', schema: 'foo', columnName: 'c', comment: null, existingComment: 'old', ...bool }))).toEqual(['ALTER TABLE foo.t MODIFY c BOOL NULL'])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', nullable: false, existingType: 'integer', existingServerDefault: null, existingComment: 'existing column comment', existingAutoincrement: false }))).toEqual([
      "ALTER TABLE t1 MODIFY c1 INTEGER NOT NULL COMMENT 'existing column comment'",
    ])
  })

  it('writes a collation after the type', () => {
    const op = alterColumn({ tableName: 't1', columnName: 'c1', type: { name: 'varchar', length: 50, collation: 'utf8mb4_unicode_ci' }, nullable: false, existingServerDefault: null, existingComment: null })
    expect(sqlOf(op)).toEqual(['ALTER TABLE t1 MODIFY c1 VARCHAR(50) COLLATE utf8mb4_unicode_ci NOT NULL'])
  })

  it('changes a type away from BOOL without dropping a check, leaving a dropped default out', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: 'integer', existingType: 'boolean', serverDefault: null, existingNullable: true, existingComment: null, existingAutoincrement: false }))).toEqual([
      'ALTER TABLE t MODIFY c INTEGER NULL',
    ])
  })

  it('refuses identity changes', () => {
    expect(() => mysql.compile(alterColumn({ tableName: 't', columnName: 'c', identity: {} }))).toThrow(refused('UNSUPPORTED_OPERATION', 'identity'))
  })
})

describe('dropConstraint', () => {
  it('drops by type: FOREIGN KEY, PRIMARY KEY, INDEX, CHECK', () => {
    expect(sqlOf(dropConstraint({ constraintName: 'f1', tableName: 't1', type: 'foreignKey' }))).toEqual(['ALTER TABLE t1 DROP FOREIGN KEY f1'])
    expect(sqlOf(dropConstraint({ constraintName: 'MyFk', tableName: 't1', type: 'foreignKey' }))).toEqual(['ALTER TABLE t1 DROP FOREIGN KEY `MyFk`'])
    expect(sqlOf(dropConstraint({ constraintName: 'f1', tableName: 't1', schema: 's', type: 'foreignKey' }))).toEqual(['ALTER TABLE s.t1 DROP FOREIGN KEY f1'])
    expect(sqlOf(dropConstraint({ constraintName: 'f1', tableName: 't1', type: 'primaryKey' }))).toEqual(['ALTER TABLE t1 DROP PRIMARY KEY'])
    expect(sqlOf(dropConstraint({ constraintName: 'f1', tableName: 't1', type: 'unique' }))).toEqual(['ALTER TABLE t1 DROP INDEX f1'])
    expect(sqlOf(dropConstraint({ constraintName: 'MyUq', tableName: 't1', type: 'unique' }))).toEqual(['ALTER TABLE t1 DROP INDEX `MyUq`'])
  })

  it('drops a check with DROP CHECK on MySQL and DROP CONSTRAINT on MariaDB', () => {
    expect(sqlOf(dropConstraint({ constraintName: 'f1', tableName: 't1', type: 'check' }))).toEqual(['ALTER TABLE t1 DROP CHECK f1'])
    expect(sqlOf(dropConstraint({ constraintName: 'f1', tableName: 't1', type: 'check' }), mariadb)).toEqual(['ALTER TABLE t1 DROP CONSTRAINT f1'])
    expect(sqlOf(dropConstraint({ constraintName: 'MyCk', tableName: 't1', type: 'check' }), mariadb)).toEqual(['ALTER TABLE t1 DROP CONSTRAINT `MyCk`'])
  })

  it('needs the type, from the op or a schema snapshot', () => {
    // Differs from Alembic (NotImplementedError): the snapshot can say the type.
    expect(() => mysql.compile(dropConstraint({ constraintName: 'f1', tableName: 't1' }))).toThrow(refused('MISSING_EXISTING_STATE', 'type'))
    const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 't1', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'unique', name: 'f1', columns: ['a'] }] })])
    expect(sqlOf(dropConstraint({ constraintName: 'f1', tableName: 't1' }), mysql, snapshot)).toEqual(['ALTER TABLE t1 DROP INDEX f1'])
  })

  it('writes IF EXISTS on MariaDB and refuses it on MySQL', () => {
    // Differs from Alembic, which drops if_exists silently on both.
    expect(sqlOf(dropConstraint({ constraintName: 'f1', tableName: 't1', type: 'foreignKey', ifExists: true }), mariadb)).toEqual(['ALTER TABLE t1 DROP FOREIGN KEY IF EXISTS f1'])
    expect(sqlOf(dropConstraint({ constraintName: 'f1', tableName: 't1', type: 'check', ifExists: true }), mariadb)).toEqual(['ALTER TABLE t1 DROP CONSTRAINT IF EXISTS f1'])
    expect(() => mysql.compile(dropConstraint({ constraintName: 'f1', tableName: 't1', type: 'foreignKey', ifExists: true }))).toThrow(refused('UNSUPPORTED_OPERATION', 'ifExists'))
  })

  it("drops the index InnoDB made for a foreign key, when the snapshot says it is there", () => {
    const snapshot = applyOps(emptySnapshot(), [
      createTable({ tableName: 'p', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
      createTable({ tableName: 'c', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'p_id', type: 'integer' }], constraints: [{ type: 'foreignKey', name: 'fk_c_p', localCols: ['p_id'], referentTable: 'p', remoteCols: ['id'] }] }),
    ])
    // Differs from Alembic, which leaves the index behind.
    expect(sqlOf(dropConstraint({ constraintName: 'fk_c_p', tableName: 'c', type: 'foreignKey' }), mysql, snapshot)).toEqual([
      'ALTER TABLE c DROP FOREIGN KEY fk_c_p',
      'ALTER TABLE c DROP INDEX fk_c_p',
    ])
    expect(sqlOf(dropConstraint({ constraintName: 'fk_c_p', tableName: 'c', type: 'foreignKey' }), mariadb, snapshot)).toEqual([
      'ALTER TABLE c DROP FOREIGN KEY fk_c_p',
      'ALTER TABLE c DROP INDEX IF EXISTS fk_c_p',
    ])
  })
})

describe('addColumn', () => {
  it('writes a comment inline', () => {
    expect(sqlOf(addColumn({ tableName: 't', column: { name: 'q', type: 'integer', comment: 'This is a comment' } }))).toEqual(["ALTER TABLE t ADD COLUMN q INTEGER COMMENT 'This is a comment'"])
  })

  it('writes IF NOT EXISTS on MariaDB and refuses it on MySQL', () => {
    expect(sqlOf(addColumn({ tableName: 't', ifNotExists: true, column: { name: 'c', type: 'integer' } }), mariadb)).toEqual(['ALTER TABLE t ADD COLUMN IF NOT EXISTS c INTEGER'])
    expect(() => mysql.compile(addColumn({ tableName: 't', ifNotExists: true, column: { name: 'c', type: 'integer' } }))).toThrow(refused('UNSUPPORTED_OPERATION', 'ifNotExists'))
  })

  it('writes a generated column', () => {
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'some_column', type: 'integer', computed: { sqltext: 'foo * 5' } } }))).toEqual([
      'ALTER TABLE t1 ADD COLUMN some_column INTEGER GENERATED ALWAYS AS (foo * 5)',
    ])
  })

  it('numbers an integer key column added with inlinePrimaryKey', () => {
    expect(sqlOf(addColumn({ tableName: 't', inlinePrimaryKey: true, column: { name: 'c', type: 'integer', primaryKey: true } }))).toEqual([
      'ALTER TABLE t ADD COLUMN c INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY',
    ])
    // Differs from Alembic, whose AUTO_INCREMENT on a column that is not a key MySQL rejects.
    expect(sqlOf(addColumn({ tableName: 't', column: { name: 'c', type: 'integer', primaryKey: true } }))).toEqual(['ALTER TABLE t ADD COLUMN c INTEGER NOT NULL'])
  })

  it('adds a foreign key by its own ALTER TABLE, even with inlineReferences', () => {
    // Differs from Alembic: MySQL ignores a column's REFERENCES clause.
    expect(sqlOf(addColumn({ tableName: 't1', inlineReferences: true, column: { name: 'c1', type: 'integer', nullable: false, foreignKey: { referentTable: 'c2', remoteCol: 'id' } } }))).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER NOT NULL',
      'ALTER TABLE t1 ADD FOREIGN KEY(c1) REFERENCES c2 (id)',
    ])
  })

  it('refuses an identity column', () => {
    expect(() => mysql.compile(addColumn({ tableName: 't', column: { name: 'c', type: 'integer', identity: {} } }))).toThrow(refused('UNSUPPORTED_OPERATION', 'column.identity'))
  })
})

describe('dropColumn', () => {
  it('writes IF EXISTS on MariaDB', () => {
    expect(sqlOf(dropColumn({ tableName: 't', columnName: 'c', ifExists: true }), mariadb)).toEqual(['ALTER TABLE t DROP COLUMN IF EXISTS c'])
    expect(sqlOf(dropColumn({ tableName: 't1', schema: 'foo', columnName: 'c1' }))).toEqual(['ALTER TABLE foo.t1 DROP COLUMN c1'])
  })
})

describe('createTable', () => {
  it('writes comments inline, COMMENT before AUTO_INCREMENT, the table comment after the parenthesis', () => {
    const op = createTable({
      tableName: 't2',
      columns: [{ name: 'c1', type: 'integer', primaryKey: true, comment: 'c1 comment' }, { name: 'c2', type: 'integer', comment: 'c2 comment' }],
      comment: 'This is a table comment',
    })
    expect(sqlOf(op)).toEqual(["CREATE TABLE t2 (c1 INTEGER NOT NULL COMMENT 'c1 comment' AUTO_INCREMENT, c2 INTEGER COMMENT 'c2 comment', PRIMARY KEY (c1))COMMENT='This is a table comment'"])
  })

  it('writes table options after the parenthesis in a fixed order', () => {
    const op = createTable({
      tableName: 't2', columns: [{ name: 'c1', type: 'integer' }],
      mysqlEngine: 'InnoDB', mysqlCharset: 'utf8mb4', mysqlCollate: 'utf8mb4_bin', mysqlRowFormat: 'dynamic', mysqlAutoIncrement: 100, comment: 'tc',
    })
    expect(sqlOf(op)).toEqual(["CREATE TABLE t2 (c1 INTEGER)ENGINE=InnoDB CHARSET=utf8mb4 COLLATE utf8mb4_bin ROW_FORMAT=DYNAMIC AUTO_INCREMENT=100 COMMENT='tc'"])
  })

  it('lists the key, explicit constraints, then the ones column flags imply; indexes follow', () => {
    expect(sqlOf(createTable({ tableName: 'some_table', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'st_id', type: 'integer', foreignKey: { referentTable: 'some_table', remoteCol: 'id' } }] }))).toEqual([
      'CREATE TABLE some_table (id INTEGER NOT NULL AUTO_INCREMENT, st_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(st_id) REFERENCES some_table (id))',
    ])
    expect(sqlOf(createTable({ tableName: 'some_table', ifNotExists: true, columns: [{ name: 'id', type: 'integer', primaryKey: true, autoincrement: false }] }))).toEqual([
      'CREATE TABLE IF NOT EXISTS some_table (id INTEGER NOT NULL, PRIMARY KEY (id))',
    ])
    expect(
      sqlOf(createTable({
        tableName: 's', columns: [{ name: 'foo_id', type: 'integer', unique: true }, { name: 'x', type: 'integer', index: true }],
        constraints: [{ type: 'check', name: 'ck_1', condition: 'foo_id>5' }, { type: 'unique', name: 'uq_1', columns: ['foo_id'] }, { type: 'index', name: 'ix_z', columns: ['x'] }],
      })),
    ).toEqual([
      'CREATE TABLE s (foo_id INTEGER, x INTEGER, CONSTRAINT ck_1 CHECK (foo_id>5), CONSTRAINT uq_1 UNIQUE (foo_id), UNIQUE (foo_id))',
      'CREATE INDEX ix_z ON s (x)',
      'CREATE INDEX ix_s_x ON s (x)',
    ])
  })

  it('spells each generic type', () => {
    const types = ['smallint', 'bigint', { name: 'varchar', length: 40 }, { name: 'nvarchar', length: 40 }, { name: 'char', length: 3 }, 'text', 'boolean', { name: 'numeric', precision: 10, scale: 2 },
      'float', 'double', 'date', { name: 'datetime', precision: 3 }, { name: 'datetime', timezone: true }, 'time', 'interval', 'json', 'binary', { name: 'binary', length: 16 }, 'uuid',
      { name: 'enum', values: ['happy', "it's", 'a\\b'] }] as const
    const op = createTable({ tableName: 't', columns: types.map((type, i) => ({ name: `c${i}`, type })) })
    expect(sqlOf(op)).toEqual([
      "CREATE TABLE t (c0 SMALLINT, c1 BIGINT, c2 VARCHAR(40), c3 VARCHAR(40) CHARACTER SET utf8mb4, c4 CHAR(3), c5 TEXT, c6 BOOL, c7 NUMERIC(10, 2), c8 FLOAT, c9 DOUBLE, c10 DATE, " +
        "c11 DATETIME(3), c12 DATETIME, c13 TIME, c14 DATETIME, c15 JSON, c16 BLOB, c17 VARBINARY(16), c18 CHAR(32), c19 ENUM('happy', 'it''s', X'615c62'))",
    ])
  })

  it('refuses VARCHAR without a length', () => {
    expect(() => mysql.compile(createTable({ tableName: 't', columns: [{ name: 'c', type: 'varchar' }] }))).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[0].type'))
  })

  it('refuses a default or a check on the key column it numbers, unless it says autoincrement: false', () => {
    const key = { name: 'id', type: 'integer', primaryKey: true } as const
    expect(() => mysql.compile(createTable({ tableName: 't', columns: [{ ...key, serverDefault: { literal: '0' } }] }))).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[0].autoincrement'))
    expect(() => mysql.compile(createTable({ tableName: 't', columns: [key], constraints: [{ type: 'check', name: 'ck', condition: 'id > 0' }] }))).toThrow(
      refused('UNSUPPORTED_OPERATION', 'constraints[0].condition'),
    )
    expect(sqlOf(createTable({ tableName: 't', columns: [{ ...key, autoincrement: false }], constraints: [{ type: 'check', name: 'ck', condition: 'id > 0' }] }))).toEqual([
      'CREATE TABLE t (id INTEGER NOT NULL, PRIMARY KEY (id), CONSTRAINT ck CHECK (id > 0))',
    ])
  })
})

describe('table comments and renameTable', () => {
  it('sets and drops a table comment with ALTER TABLE … COMMENT', () => {
    expect(sqlOf(createTableComment({ tableName: 't2', schema: 'foo', comment: 't2 table' }))).toEqual(["ALTER TABLE foo.t2 COMMENT 't2 table'"])
    expect(sqlOf(dropTableComment({ tableName: 't2', schema: 'foo' }))).toEqual(["ALTER TABLE foo.t2 COMMENT ''"])
  })

  it('qualifies the new name with the schema', () => {
    expect(sqlOf(renameTable({ oldTableName: 't1', newTableName: 't2', schema: 's' }))).toEqual(['ALTER TABLE s.t1 RENAME TO s.t2'])
  })
})

describe('indexes', () => {
  it('writes prefix lengths, expressions in parentheses and USING', () => {
    expect(sqlOf(createIndex({ indexName: 'ix', tableName: 't', schema: 's', unique: true, columns: ['a', { sql: 'lower(c)' }, { sql: 'd > 5' }, 'e', { sql: 'f DESC' }], mysqlLength: { e: 10 }, mysqlUsing: 'btree' }))).toEqual([
      'CREATE UNIQUE INDEX ix ON s.t (a, (lower(c)), (d > 5), e(10), f DESC) USING BTREE',
    ])
    expect(sqlOf(createIndex({ indexName: 'ix', tableName: 't', columns: ['a', 'b'], mysqlLength: 5 }))).toEqual(['CREATE INDEX ix ON t (a(5), b(5))'])
    expect(sqlOf(createIndex({ indexName: 'ix', tableName: 't', columns: ['a', 'b'], mysqlPrefix: 'FULLTEXT' }))).toEqual(['CREATE FULLTEXT INDEX ix ON t (a, b)'])
    expect(sqlOf(createIndex({ indexName: 'ik_test', tableName: 't1', columns: ['foo', 'bar'], quote: true }))).toEqual(['CREATE INDEX `ik_test` ON t1 (foo, bar)'])
  })

  it('writes IF NOT EXISTS and the length options on MariaDB, and refuses expressions there', () => {
    // Differs from Alembic, which ignores mysql_length and mysql_prefix on its mariadb dialect.
    expect(sqlOf(createIndex({ indexName: 'ix', tableName: 't', ifNotExists: true, columns: ['a', 'b'], mysqlLength: 4, mysqlPrefix: 'FULLTEXT' }), mariadb)).toEqual([
      'CREATE FULLTEXT INDEX IF NOT EXISTS ix ON t (a(4), b(4))',
    ])
    expect(() => mariadb.compile(createIndex({ indexName: 'ix', tableName: 't', columns: [{ sql: 'lower(c)' }] }))).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[0]'))
  })

  it('drops an index on its table, found in the snapshot when the op does not say', () => {
    expect(sqlOf(dropIndex({ indexName: 'ix', tableName: 't', schema: 's' }))).toEqual(['DROP INDEX ix ON s.t'])
    expect(sqlOf(dropIndex({ indexName: 'ix', tableName: 't', ifExists: true }), mariadb)).toEqual(['DROP INDEX IF EXISTS ix ON t'])
    const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }] }), createIndex({ indexName: 'ix', tableName: 't', columns: ['a'] })])
    expect(sqlOf(dropIndex({ indexName: 'ix' }), mysql, snapshot)).toEqual(['DROP INDEX ix ON t'])
    // Differs from Alembic, which writes a placeholder table name.
    expect(() => mysql.compile(dropIndex({ indexName: 'ix' }))).toThrow(refused('MISSING_EXISTING_STATE', 'tableName'))
  })
})

describe('keys on TEXT, BLOB and JSON columns', () => {
  const snapshot = applyOps(emptySnapshot(), [
    createTable({ tableName: 't', columns: [{ name: 'body', type: 'text' }, { name: 'email', type: { name: 'varchar', length: 255 }, unique: true }] }),
  ])

  it('refuses an index without a prefix length, and writes one with it', () => {
    expect(() => mysql.compile(createIndex({ indexName: 'ix', tableName: 't', columns: ['body'] }), { snapshot })).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[0]'))
    expect(sqlOf(createIndex({ indexName: 'ix', tableName: 't', columns: ['body'], mysqlLength: 20 }), mysql, snapshot)).toEqual(['CREATE INDEX ix ON t (body(20))'])
    expect(() => mysql.compile(createTable({ tableName: 'u', columns: [{ name: 'b', type: 'binary', index: true }] }))).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[0].index'))
  })

  it('refuses a unique key on MySQL and lets MariaDB make it a hash', () => {
    const op = createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['body'] })
    expect(() => mysql.compile(op, { snapshot })).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[0]'))
    expect(sqlOf(op, mariadb, snapshot)).toEqual(['ALTER TABLE t ADD CONSTRAINT uq UNIQUE (`body`)'])  // `body` is reserved on MariaDB
  })

  it('refuses a type change to TEXT of a column a key uses', () => {
    const op = alterColumn({ tableName: 't', columnName: 'email', type: 'text' })
    expect(() => mysql.compile(op, { snapshot })).toThrow(refused('UNSUPPORTED_OPERATION', 'type'))
    expect(sqlOf(op, mariadb, snapshot)).toEqual(['ALTER TABLE t MODIFY email TEXT NULL'])
  })
})

describe('indexes a foreign key needs', () => {
  const snapshot = applyOps(emptySnapshot(), [
    createTable({ tableName: 'p', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
    createTable({ tableName: 'c', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'p_id', type: 'integer' }], constraints: [{ type: 'foreignKey', name: 'fk_c_p', localCols: ['p_id'], referentTable: 'p', remoteCols: ['id'] }, { type: 'index', name: 'ix_c_p', columns: ['p_id'] }, { type: 'unique', name: 'uq_c', columns: ['p_id', 'id'] }] }),
  ])

  it('puts an index named after the key in place of the last one it can use', () => {
    // Differs from Alembic, whose DROP INDEX InnoDB refuses ("needed in a foreign key constraint").
    expect(sqlOf(dropIndex({ indexName: 'ix_c_p', tableName: 'c' }), mysql, snapshot)).toEqual(['DROP INDEX ix_c_p ON c'])
    const without = applyOps(snapshot, [dropConstraint({ constraintName: 'uq_c', tableName: 'c', type: 'unique' })])
    expect(sqlOf(dropIndex({ indexName: 'ix_c_p', tableName: 'c' }), mysql, without)).toEqual(['ALTER TABLE c DROP INDEX ix_c_p, ADD INDEX fk_c_p (p_id)'])
    const onlyUnique = applyOps(snapshot, [dropIndex({ indexName: 'ix_c_p', tableName: 'c' })])
    expect(sqlOf(dropConstraint({ constraintName: 'uq_c', tableName: 'c', type: 'unique' }), mysql, onlyUnique)).toEqual(['ALTER TABLE c DROP INDEX uq_c, ADD INDEX fk_c_p (p_id)'])
  })
})

describe('constraints', () => {
  it('adds foreign keys, keys, uniques and checks', () => {
    expect(sqlOf(createForeignKey({ constraintName: 'fk_test', sourceTable: 't1', referentTable: 't2', localCols: ['foo', 'bar'], remoteCols: ['bat', 'hoho'], onDelete: 'CASCADE', onUpdate: 'CASCADE' }))).toEqual([
      'ALTER TABLE t1 ADD CONSTRAINT fk_test FOREIGN KEY(foo, bar) REFERENCES t2 (bat, hoho) ON DELETE CASCADE ON UPDATE CASCADE',
    ])
    expect(sqlOf(createForeignKey({ constraintName: 'fk_test', sourceTable: 't1', sourceSchema: 'foo2', referentTable: 't2', referentSchema: 'bar2', localCols: ['foo'], remoteCols: ['bat'] }))).toEqual([
      'ALTER TABLE foo2.t1 ADD CONSTRAINT fk_test FOREIGN KEY(foo) REFERENCES bar2.t2 (bat)',
    ])
    expect(sqlOf(createPrimaryKey({ constraintName: 'pk_test', tableName: 't1', columns: ['foo', 'bar'] }))).toEqual(['ALTER TABLE t1 ADD CONSTRAINT pk_test PRIMARY KEY (foo, bar)'])
    expect(sqlOf(createUniqueConstraint({ constraintName: 'uk_test', tableName: 't1', columns: ['foo', 'bar'] }))).toEqual(['ALTER TABLE t1 ADD CONSTRAINT uk_test UNIQUE (foo, bar)'])
    expect(sqlOf(createCheckConstraint({ constraintName: 'ck_user_name_len', tableName: 'user_table', condition: 'len(name) > 5' }))).toEqual([
      'ALTER TABLE user_table ADD CONSTRAINT ck_user_name_len CHECK (len(name) > 5)',
    ])
  })

  it('writes MariaDB IF NOT EXISTS where its grammar has it', () => {
    expect(sqlOf(createCheckConstraint({ constraintName: 'ck', tableName: 't', condition: 'a > 0', ifNotExists: true }), mariadb)).toEqual(['ALTER TABLE t ADD CONSTRAINT IF NOT EXISTS ck CHECK (a > 0)'])
    expect(sqlOf(createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['a'], ifNotExists: true }), mariadb)).toEqual(['ALTER TABLE t ADD CONSTRAINT uq UNIQUE IF NOT EXISTS (a)'])
    expect(sqlOf(createForeignKey({ constraintName: 'fk', sourceTable: 't', referentTable: 'p', localCols: ['a'], remoteCols: ['id'], ifNotExists: true }), mariadb)).toEqual([
      'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY IF NOT EXISTS (a) REFERENCES p (id)',
    ])
    expect(() => mariadb.compile(createPrimaryKey({ constraintName: 'pk', tableName: 't', columns: ['a'], ifNotExists: true }))).toThrow(refused('UNSUPPORTED_OPERATION', 'ifNotExists'))
  })

  it('refuses MATCH, SET DEFAULT and deferrable constraints', () => {
    const fk = { constraintName: 'fk', sourceTable: 't', referentTable: 'p', localCols: ['a'], remoteCols: ['id'] } as const
    expect(() => mysql.compile(createForeignKey({ ...fk, match: 'FULL' }))).toThrow(refused('UNSUPPORTED_OPERATION', 'match'))
    expect(() => mysql.compile(createForeignKey({ ...fk, onDelete: 'SET DEFAULT' }))).toThrow(refused('UNSUPPORTED_OPERATION', 'onDelete'))
    expect(() => mysql.compile(createForeignKey({ ...fk, deferrable: true }))).toThrow(refused('UNSUPPORTED_OPERATION', 'deferrable'))
    expect(() => mysql.compile(createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['a'], initially: 'DEFERRED' }))).toThrow(refused('UNSUPPORTED_OPERATION', 'initially'))
  })

  it('refuses checks on servers that do not enforce them', () => {
    expect(() => mysql57.compile(createCheckConstraint({ constraintName: 'ck', tableName: 't', condition: 'a > 0' }))).toThrow(refused('UNSUPPORTED_OPERATION', 'condition'))
  })

  it('names the default database for a key from another schema to a table without one', () => {
    const op = createForeignKey({ constraintName: 'fk', sourceTable: 't', sourceSchema: 'other', referentTable: 'p', localCols: ['a'], remoteCols: ['id'] })
    expect(() => mysql.compile(op)).toThrow(refused('UNSUPPORTED_OPERATION', 'referentSchema'))
    expect(sqlOf(op, createMysqlDialect({ database: 'app' }))).toEqual(['ALTER TABLE other.t ADD CONSTRAINT fk FOREIGN KEY(a) REFERENCES app.p (id)'])
  })
})

describe('dropTable, executeSql and bulkInsert', () => {
  it('drops a table', () => {
    expect(sqlOf(dropTable({ tableName: 'tb_test' }))).toEqual(['DROP TABLE tb_test'])
    expect(sqlOf(dropTable({ tableName: 'tb_test', schema: 'foo', ifExists: true }))).toEqual(['DROP TABLE IF EXISTS foo.tb_test'])
  })

  it('passes SQL through, without a trailing semicolon', () => {
    expect(sqlOf(executeSql({ sqltext: "UPDATE t SET a = 'x';" }))).toEqual(["UPDATE t SET a = 'x'"])
  })

  it('writes one INSERT per row with literals of the column types', () => {
    const op = bulkInsert({
      tableName: 'ins_table',
      columns: [{ name: 'id', type: 'integer' }, { name: 'v1', type: { name: 'varchar', length: 20 } }, { name: 'v2', type: { name: 'varchar', length: 20 } }, { name: 'ok', type: 'boolean' }],
      rows: [{ id: 1, v1: 'row v1', v2: 'row v5' }, { v2: 'x', id: 2, ok: true }],
    })
    expect(sqlOf(op)).toEqual(["INSERT INTO ins_table (id, v1, v2) VALUES (1, 'row v1', 'row v5')", "INSERT INTO ins_table (id, v2, ok) VALUES (2, 'x', true)"])
  })

  it('writes binary as hex, UUIDs without dashes and datetimes with an offset at UTC', () => {
    const op = bulkInsert({
      tableName: 't',
      columns: [{ name: 'b', type: 'binary' }, { name: 'u', type: 'uuid' }, { name: 'at', type: 'datetime' }, { name: 'd', type: 'date' }],
      rows: [{ b: 'DEADbeef', u: '123E4567-E89B-12D3-A456-426614174000', at: '2024-01-02T03:04:05.5+02:00', d: '2024-02-29' }],
    })
    expect(sqlOf(op)).toEqual(["INSERT INTO t (b, u, at, d) VALUES (X'deadbeef', '123e4567e89b12d3a456426614174000', '2024-01-02 01:04:05.5', '2024-02-29')"])
    expect(() => mysql.compile(bulkInsert({ tableName: 't', columns: [{ name: 'u', type: 'uuid' }], rows: [{ u: 'nope' }] }))).toThrow(refused('INVALID_VALUE', 'rows[0].u'))
  })
})

describe('compileMigration', () => {
  it('says there is no transactional DDL and writes no BEGIN or COMMIT', () => {
    const script = migrationScript({ revId: 'a1', downRevision: null, upgradeOps: upgradeOps({ ops: [dropTable({ tableName: 't' })] }), downgradeOps: downgradeOps({ ops: [] }) })
    expect(compileMigration([script], mariadb).sql).toBe(
      '-- mariadb has no transactional DDL: a failed statement leaves the earlier ones applied.\n\n-- Running upgrade  -> a1\n\nDROP TABLE t;\n\n',
    )
  })
})
