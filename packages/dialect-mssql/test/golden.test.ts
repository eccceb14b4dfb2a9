/**
 * Golden SQL: the SQL Server examples of the behaviour catalog (§0.4–0.8, §2.5, §2.6, Appendix B)
 * that the IR can express, compiled and compared whole. CREATE TABLE is multi-line in our output;
 * like the reference's test fixture, the comparison joins it into one line. Where we differ from
 * the reference on purpose, the test asserts our output under a `// Differs from Alembic: …`
 * comment that quotes the reference.
 *
 * No SQL Server was available: these compare text only.
 */
import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, applyOps, bulkInsert, createCheckConstraint, createForeignKey, createIndex, createPrimaryKey, createTable,
  createTableComment, createUniqueConstraint, dropColumn, dropConstraint, dropIndex, dropTable, dropTableComment, emptySnapshot,
  executeSql, renameTable, type Op, type SchemaSnapshot,
} from '@athanor/ir'
import { createMssqlDialect, mssql } from '@athanor/dialect-mssql'

/** Joins our multi-line CREATE TABLE the way the reference's fixture does. */
const oneLine = (sql: string): string => sql.replace(/\(\n {4}/, '(').replace(/,\n {4}/g, ', ').replace(/\n\)/, ')')
const sqlOf = (op: Op, snapshot?: SchemaSnapshot): string[] =>
  mssql.compile(op, snapshot === undefined ? {} : { snapshot }).map((s) => oneLine(s.sql))
const refused = (code: string, path: string) => expect.objectContaining({ code, path })

/** The lookup block we write (the reference's, with the differences listed in drop-lookup.ts). */
const lookup = (source: 'default' | 'check', table: string, column: string): string =>
  `declare @const_name nvarchar(258);\nselect @const_name = QUOTENAME([name]) from sys.${source === 'default' ? 'default_constraints' : 'check_constraints'}\n` +
  `where parent_object_id = object_id(N'${table.replaceAll("'", "''")}')\nand col_name(parent_object_id, parent_column_id) = N'${column.replaceAll("'", "''")}';\n` +
  `exec(N'alter table ${table.replaceAll("'", "''")} drop constraint ' + @const_name)`

describe('addColumn', () => {
  it('writes ADD without COLUMN, NOT NULL before DEFAULT, and NULL for a nullable column', () => {
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer', nullable: false } }))).toEqual(['ALTER TABLE t1 ADD c1 INTEGER NOT NULL'])
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer', nullable: false, serverDefault: { literal: '12' } } }))).toEqual([
      "ALTER TABLE t1 ADD c1 INTEGER NOT NULL DEFAULT '12'",
    ])
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer' } }))).toEqual(['ALTER TABLE t1 ADD c1 INTEGER NULL'])
  })

  it('writes identity columns with start and increment, 1 for the one not given', () => {
    const add = (identity: object) => sqlOf(addColumn({ tableName: 't1', column: { name: 'some_column', type: 'integer', identity } }))
    expect(add({})).toEqual(['ALTER TABLE t1 ADD some_column INTEGER NOT NULL IDENTITY'])
    expect(add({ always: true })).toEqual(['ALTER TABLE t1 ADD some_column INTEGER NOT NULL IDENTITY'])
    expect(add({ start: 3 })).toEqual(['ALTER TABLE t1 ADD some_column INTEGER NOT NULL IDENTITY(3,1)'])
    expect(add({ start: 3, increment: 3 })).toEqual(['ALTER TABLE t1 ADD some_column INTEGER NOT NULL IDENTITY(3,3)'])
    expect(add({ increment: 3 })).toEqual(['ALTER TABLE t1 ADD some_column INTEGER NOT NULL IDENTITY(1,3)'])
  })

  it('refuses identity options SQL Server does not have, and a nullable identity column', () => {
    // Differs from Alembic, which drops the options silently and writes NOT NULL anyway.
    expect(() => sqlOf(addColumn({ tableName: 't1', column: { name: 'c', type: 'integer', identity: { cycle: true } } }))).toThrow(
      refused('UNSUPPORTED_OPERATION', 'column.identity.cycle'),
    )
    expect(() => sqlOf(addColumn({ tableName: 't1', column: { name: 'c', type: 'integer', nullable: true, identity: {} } }))).toThrow(
      refused('UNSUPPORTED_OPERATION', 'column.nullable'),
    )
  })

  it('writes computed columns, persisted and NOT NULL when asked', () => {
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'some_column', type: 'integer', computed: { sqltext: 'foo * 5' } } }))).toEqual([
      'ALTER TABLE t1 ADD some_column AS (foo * 5)',
    ])
    expect(sqlOf(addColumn({ tableName: 't', column: { name: 'b', type: 'integer', nullable: false, computed: { sqltext: 'x*2', persisted: true } } }))).toEqual([
      'ALTER TABLE t ADD b AS (x*2) PERSISTED NOT NULL',
    ])
  })

  it('keeps inline references, the inline primary key and column checks', () => {
    // Differs from Alembic: on SQL Server it writes only `ALTER TABLE t1 ADD c1 INTEGER NOT NULL`,
    // losing the foreign key, the key and the check (catalog §2.5).
    const op = addColumn({
      tableName: 't1',
      inlineReferences: true,
      inlinePrimaryKey: true,
      column: { name: 'c1', type: 'integer', primaryKey: true, foreignKey: { referentTable: 'o', remoteCol: 'id' }, check: { condition: 'c1>1' } },
    })
    expect(sqlOf(op)).toEqual(['ALTER TABLE t1 ADD c1 INTEGER NOT NULL PRIMARY KEY REFERENCES o (id) CHECK (c1>1)'])
  })

  it('refuses ifNotExists, which ADD does not have', () => {
    // Differs from Alembic, which drops the clause silently.
    expect(() => sqlOf(addColumn({ tableName: 't1', ifNotExists: true, column: { name: 'c1', type: 'integer' } }))).toThrow(
      refused('UNSUPPORTED_OPERATION', 'ifNotExists'),
    )
  })

  it('adds the foreign key, unique constraint, index and comment the column implies', () => {
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer', nullable: false, foreignKey: { referentTable: 'c2', remoteCol: 'id' } } }))).toEqual([
      'ALTER TABLE t1 ADD c1 INTEGER NOT NULL',
      'ALTER TABLE t1 ADD FOREIGN KEY(c1) REFERENCES c2 (id)',
    ])
    expect(sqlOf(addColumn({ tableName: 't1', schema: 's', column: { name: 'c1', type: 'integer', index: true, unique: true } }))).toEqual([
      'ALTER TABLE s.t1 ADD c1 INTEGER NULL',
      'CREATE UNIQUE INDEX ix_s_t1_c1 ON s.t1 (c1)',
    ])
    expect(sqlOf(addColumn({ tableName: 't1', column: { name: 'c1', type: 'integer', unique: true, comment: 'c1 comment' } }))).toEqual([
      'ALTER TABLE t1 ADD c1 INTEGER NULL',
      'ALTER TABLE t1 ADD UNIQUE (c1)',
      "execute sp_addextendedproperty 'MS_Description', N'c1 comment', 'schema', dbo, 'table', t1, 'column', c1",
    ])
  })
})

describe('dropColumn', () => {
  it('drops the column', () => {
    expect(sqlOf(dropColumn({ tableName: 't1', columnName: 'c1' }))).toEqual(['ALTER TABLE t1 DROP COLUMN c1'])
    expect(sqlOf(dropColumn({ tableName: 't1', schema: 'foo', columnName: 'c1', ifExists: true }))).toEqual(['ALTER TABLE foo.t1 DROP COLUMN IF EXISTS c1'])
  })

  it('looks up and drops the default constraint first with mssqlDropDefault', () => {
    // Differs from Alembic, whose block is
    //   declare @const_name varchar(256)
    //   select @const_name = QUOTENAME([name]) from sys.default_constraints
    //   where parent_object_id = object_id('xyz.t')
    //   and col_name(parent_object_id, parent_column_id) = 'c'
    //   exec('alter table xyz.t drop constraint ' + @const_name)
    // with raw names pasted into '…' literals, a varchar name and no `;` (drop-lookup.ts says why).
    expect(sqlOf(dropColumn({ tableName: 't', schema: 'xyz', columnName: 'c', mssqlDropDefault: true }))).toEqual([
      lookup('default', 'xyz.t', 'c'),
      'ALTER TABLE xyz.t DROP COLUMN c',
    ])
  })

  it('looks up the check constraint with brackets where the names need them', () => {
    expect(sqlOf(dropColumn({ tableName: 'table', columnName: 'column', mssqlDropCheck: true }))).toEqual([
      lookup('check', '[table]', 'column'),
      'ALTER TABLE [table] DROP COLUMN [column]',
    ])
  })

  it('looks up the foreign key, with a schema', () => {
    expect(sqlOf(dropColumn({ tableName: 't1', schema: 'xyz', columnName: 'c1', mssqlDropForeignKey: true }))).toEqual([
      "declare @const_name nvarchar(258);\nselect @const_name = QUOTENAME([name]) from\nsys.foreign_keys fk join sys.foreign_key_columns fkc\n" +
        "on fk.object_id=fkc.constraint_object_id\nwhere fkc.parent_object_id = object_id(N'xyz.t1')\n" +
        "and col_name(fkc.parent_object_id, fkc.parent_column_id) = N'c1';\nexec(N'alter table xyz.t1 drop constraint ' + @const_name)",
      'ALTER TABLE xyz.t1 DROP COLUMN c1',
    ])
  })

  it('emits the lookups in the reference order: default, check, foreign key', () => {
    const sql = sqlOf(dropColumn({ tableName: 't', columnName: 'c', mssqlDropForeignKey: true, mssqlDropCheck: true, mssqlDropDefault: true }))
    expect(sql.map((s) => /from\s+sys\.(\w+)/.exec(s)?.[1] ?? s)).toEqual(['default_constraints', 'check_constraints', 'foreign_keys', 'ALTER TABLE t DROP COLUMN c'])
  })

  it('escapes every name pasted into the dynamic SQL', () => {
    expect(sqlOf(dropColumn({ tableName: "o'x]", schema: 'my schema', columnName: "it's", mssqlDropDefault: true }))[0]).toBe(
      lookup('default', "[my schema].[o'x]]]", "it's"),
    )
  })
})

describe('alterColumn', () => {
  it('restates the type for a nullability change, from the new type or the existing one', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', nullable: false, existingType: 'integer' }))).toEqual(['ALTER TABLE t ALTER COLUMN c INTEGER NOT NULL'])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', nullable: true, type: 'integer' }))).toEqual(['ALTER TABLE t ALTER COLUMN c INTEGER NULL'])
    expect(sqlOf(alterColumn({ tableName: 'tests', columnName: 'col', nullable: false, existingType: 'boolean' }))).toEqual([
      'ALTER TABLE tests ALTER COLUMN col BIT NOT NULL',
    ])
  })

  it('keeps the nullability of a type change', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: { name: 'varchar', length: 99 }, existingNullable: false }))).toEqual([
      'ALTER TABLE t ALTER COLUMN c VARCHAR(99) NOT NULL',
    ])
  })

  it('refuses a nullability change without a type, and a type change without the nullability', () => {
    expect(() => sqlOf(alterColumn({ tableName: 't', columnName: 'c', nullable: false }))).toThrow(refused('MISSING_EXISTING_STATE', 'existingType'))
    // Differs from Alembic, which warns and writes `ALTER TABLE t ALTER COLUMN c VARCHAR(99)`,
    // making a NOT NULL column nullable.
    expect(() => sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: { name: 'varchar', length: 99 } }))).toThrow(
      refused('MISSING_EXISTING_STATE', 'existingNullable'),
    )
  })

  it('takes the existing type and nullability from the snapshot', () => {
    const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'c', type: 'bigint', nullable: false }] })])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', nullable: true }), snapshot)).toEqual(['ALTER TABLE t ALTER COLUMN c BIGINT NULL'])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: 'integer' }), snapshot)).toEqual(['ALTER TABLE t ALTER COLUMN c INTEGER NOT NULL'])
  })

  it('adds a default with ADD DEFAULT … FOR, after dropping the existing one', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { literal: '5' }, existingServerDefault: null }))).toEqual([
      "ALTER TABLE t ADD DEFAULT '5' FOR c",
    ])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { literal: '5' }, existingServerDefault: { literal: '6' } }))).toEqual([
      lookup('default', 't', 'c'),
      "ALTER TABLE t ADD DEFAULT '5' FOR c",
    ])
    // Differs from Alembic: with the existing default unknown it writes only the ADD DEFAULT, which
    // fails on a column that has one; the lookup drops it when there is one and does nothing otherwise.
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { literal: '5' } }))).toEqual([
      lookup('default', 't', 'c'),
      "ALTER TABLE t ADD DEFAULT '5' FOR c",
    ])
  })

  it('drops a default with the lookup block alone, with the schema', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: null }))).toEqual([lookup('default', 't', 'c')])
    expect(sqlOf(alterColumn({ tableName: 't', schema: 'xyz', columnName: 'c', serverDefault: null }))).toEqual([lookup('default', 'xyz.t', 'c')])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: null, existingServerDefault: null }))).toEqual([])
  })

  it('writes the reference order: default lookup, ALTER COLUMN, comment, ADD DEFAULT, rename', () => {
    expect(
      sqlOf(alterColumn({ tableName: 't', columnName: 'c', nullable: true, type: 'integer', serverDefault: { literal: '5' }, existingServerDefault: null, newColumnName: 'c2' })),
    ).toEqual(['ALTER TABLE t ALTER COLUMN c INTEGER NULL', "ALTER TABLE t ADD DEFAULT '5' FOR c", "EXEC sp_rename 't.c', c2, 'COLUMN'"])
    expect(
      sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: 'bigint', existingNullable: true, comment: 'n', serverDefault: { literal: '5' }, newColumnName: 'c2' })),
    ).toEqual([
      lookup('default', 't', 'c'),
      'ALTER TABLE t ALTER COLUMN c BIGINT NULL',
      "exec sp_addextendedproperty 'MS_Description', N'n', 'schema', dbo, 'table', t, 'column', c",
      "ALTER TABLE t ADD DEFAULT '5' FOR c",
      "EXEC sp_rename 't.c', c2, 'COLUMN'",
    ])
  })

  it('drops and adds back the existing default around a type change', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: 'bigint', existingNullable: false, existingServerDefault: { literal: '0' } }))).toEqual([
      lookup('default', 't', 'c'),
      'ALTER TABLE t ALTER COLUMN c BIGINT NOT NULL',
      "ALTER TABLE t ADD DEFAULT '0' FOR c",
    ])
  })

  it('renames with sp_rename, quoting the new name as an identifier', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', newColumnName: 'x' }))).toEqual(["EXEC sp_rename 't.c', x, 'COLUMN'"])
    expect(sqlOf(alterColumn({ tableName: 't', schema: 'y', columnName: 'c', newColumnName: 'x' }))).toEqual(["EXEC sp_rename 'y.t.c', x, 'COLUMN'"])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', newColumnName: 'SomeFancyName' }))).toEqual(["EXEC sp_rename 't.c', [SomeFancyName], 'COLUMN'"])
  })

  it('refuses identity changes', () => {
    expect(() => sqlOf(alterColumn({ tableName: 't', columnName: 'c', identity: {}, existingIdentity: null }))).toThrow(refused('UNSUPPORTED_OPERATION', 'identity'))
    expect(() => sqlOf(alterColumn({ tableName: 't', columnName: 'c', identity: null }))).toThrow(refused('UNSUPPORTED_OPERATION', 'identity'))
  })

  it('writes comments as extended properties: add, update, drop', () => {
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', comment: 'c1 comment' }))).toEqual([
      "exec sp_addextendedproperty 'MS_Description', N'c1 comment', 'schema', dbo, 'table', t1, 'column', c1",
    ])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', comment: 'updated comment', existingComment: 'c1 comment' }))).toEqual([
      "exec sp_updateextendedproperty 'MS_Description', N'updated comment', 'schema', dbo, 'table', t1, 'column', c1",
    ])
    expect(sqlOf(alterColumn({ tableName: 't1', columnName: 'c1', comment: null }))).toEqual([
      "exec sp_dropextendedproperty 'MS_Description', 'schema', dbo, 'table', t1, 'column', c1",
    ])
    expect(sqlOf(alterColumn({ tableName: 't1', schema: 's', columnName: 'c1', comment: 'x' }))).toEqual([
      "exec sp_addextendedproperty 'MS_Description', N'x', 'schema', s, 'table', t1, 'column', c1",
    ])
  })

  it('escapes quotes in comments and quotes reserved names', () => {
    expect(sqlOf(alterColumn({ tableName: 'user', columnName: 'theme', comment: "Column comment with 'quotes'" }))).toEqual([
      "exec sp_addextendedproperty 'MS_Description', N'Column comment with ''quotes''', 'schema', dbo, 'table', [user], 'column', theme",
    ])
  })

  it('names the default schema the dialect was built with', () => {
    // Differs from Alembic, which offline has no default schema and refuses (catalog §2.5).
    expect(createMssqlDialect({ defaultSchema: 'app' }).compile(alterColumn({ tableName: 't1', columnName: 'c1', comment: 'x' })).map((s) => s.sql)).toEqual([
      "exec sp_addextendedproperty 'MS_Description', N'x', 'schema', app, 'table', t1, 'column', c1",
    ])
  })
})

describe('renameTable', () => {
  it('renames with sp_rename, the old name quoted inside the literal', () => {
    expect(sqlOf(renameTable({ oldTableName: 't1', newTableName: 't2' }))).toEqual(["EXEC sp_rename 't1', t2"])
    expect(sqlOf(renameTable({ oldTableName: 't1', newTableName: 't2', schema: 'foobar' }))).toEqual(["EXEC sp_rename 'foobar.t1', t2"])
    expect(sqlOf(renameTable({ oldTableName: 'TeeOne', newTableName: 'TeeTwo' }))).toEqual(["EXEC sp_rename '[TeeOne]', [TeeTwo]"])
    expect(sqlOf(renameTable({ oldTableName: 'TeeOne', newTableName: 'TeeTwo', schema: 'FooBar' }))).toEqual(["EXEC sp_rename '[FooBar].[TeeOne]', [TeeTwo]"])
  })

  it('doubles a quote inside the literal', () => {
    // Differs from Alembic: `EXEC sp_rename '[o'x]', y`.
    expect(sqlOf(renameTable({ oldTableName: "o'x", newTableName: 'y' }))).toEqual(["EXEC sp_rename '[o''x]', y"])
  })
})

describe('indexes', () => {
  it('writes clustered, INCLUDE and filtered indexes', () => {
    expect(
      sqlOf(createIndex({ indexName: 'ix', tableName: 't', schema: 's', columns: ['a', 'b'], unique: true, mssqlClustered: true, mssqlInclude: ['c'], mssqlWhere: 'a > 1' })),
    ).toEqual(['CREATE UNIQUE CLUSTERED INDEX ix ON s.t (a, b) INCLUDE (c) WHERE a > 1'])
    expect(sqlOf(createIndex({ indexName: 'ix_mytable_a_b', tableName: 'mytable', columns: ['col_a', 'col_b'], mssqlInclude: ['col_c'] }))).toEqual([
      'CREATE INDEX ix_mytable_a_b ON mytable (col_a, col_b) INCLUDE (col_c)',
    ])
    expect(sqlOf(createIndex({ indexName: 'ix', tableName: 't', columns: ['a'], mssqlClustered: false }))).toEqual(['CREATE NONCLUSTERED INDEX ix ON t (a)'])
  })

  it('refuses expressions and IF NOT EXISTS, and accepts a sorted column', () => {
    expect(() => sqlOf(createIndex({ indexName: 'ix', tableName: 't', columns: ['a', { sql: 'lower(b)' }] }))).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[1]'))
    expect(() => sqlOf(createIndex({ indexName: 'ix', tableName: 't', columns: ['a'], ifNotExists: true }))).toThrow(refused('UNSUPPORTED_OPERATION', 'ifNotExists'))
    expect(sqlOf(createIndex({ indexName: 'ix', tableName: 't', columns: [{ sql: 'a DESC' }] }))).toEqual(['CREATE INDEX ix ON t (a DESC)'])
  })

  it('drops an index ON its table, found in the snapshot when the op does not name it', () => {
    expect(sqlOf(dropIndex({ indexName: 'ik_test', tableName: 't1' }))).toEqual(['DROP INDEX ik_test ON t1'])
    expect(sqlOf(dropIndex({ indexName: 'ix', tableName: 't', schema: 's', ifExists: true }))).toEqual(['DROP INDEX IF EXISTS ix ON s.t'])
    const snapshot = applyOps(emptySnapshot(), [
      createTable({ tableName: 'my_table', columns: [{ name: 'a', type: 'integer' }] }),
      createIndex({ indexName: 'my_idx', tableName: 'my_table', columns: ['a'] }),
    ])
    expect(sqlOf(dropIndex({ indexName: 'my_idx' }), snapshot)).toEqual(['DROP INDEX my_idx ON my_table'])
    // Differs from Alembic, which writes `DROP INDEX my_idx ON no_table`.
    expect(() => sqlOf(dropIndex({ indexName: 'my_idx' }))).toThrow(refused('MISSING_EXISTING_STATE', 'tableName'))
  })
})

describe('constraints', () => {
  it('adds and drops constraints in the generic forms, with CLUSTERED where asked', () => {
    expect(sqlOf(createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['a'], mssqlClustered: true }))).toEqual([
      'ALTER TABLE t ADD CONSTRAINT uq UNIQUE CLUSTERED (a)',
    ])
    expect(sqlOf(createPrimaryKey({ constraintName: 'pk_test', tableName: 't1', schema: 'bar', columns: ['foo'], mssqlClustered: false }))).toEqual([
      'ALTER TABLE bar.t1 ADD CONSTRAINT pk_test PRIMARY KEY NONCLUSTERED (foo)',
    ])
    expect(
      sqlOf(createForeignKey({ constraintName: 'fk_test', sourceTable: 't1', referentTable: 't2', localCols: ['foo', 'bar'], remoteCols: ['bat', 'hoho'], onDelete: 'CASCADE', onUpdate: 'SET NULL' })),
    ).toEqual(['ALTER TABLE t1 ADD CONSTRAINT fk_test FOREIGN KEY(foo, bar) REFERENCES t2 (bat, hoho) ON DELETE CASCADE ON UPDATE SET NULL'])
    expect(sqlOf(createCheckConstraint({ constraintName: 'ck_user_name_len', tableName: 'user_table', condition: 'len(name) > 5' }))).toEqual([
      'ALTER TABLE user_table ADD CONSTRAINT ck_user_name_len CHECK (len(name) > 5)',
    ])
    expect(sqlOf(dropConstraint({ constraintName: 'foo_bar_bat', tableName: 't1', schema: 'foo', ifExists: true }))).toEqual([
      'ALTER TABLE foo.t1 DROP CONSTRAINT IF EXISTS foo_bar_bat',
    ])
  })

  it('refuses what SQL Server constraints lack: deferrability, MATCH, RESTRICT', () => {
    const fk = { constraintName: 'fk', sourceTable: 't', referentTable: 'o', localCols: ['a'], remoteCols: ['id'] }
    expect(() => sqlOf(createForeignKey({ ...fk, deferrable: true }))).toThrow(refused('UNSUPPORTED_OPERATION', 'deferrable'))
    expect(() => sqlOf(createForeignKey({ ...fk, match: 'FULL' }))).toThrow(refused('UNSUPPORTED_OPERATION', 'match'))
    expect(() => sqlOf(createForeignKey({ ...fk, onDelete: 'RESTRICT' }))).toThrow(refused('UNSUPPORTED_OPERATION', 'onDelete'))
    expect(() => sqlOf(createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['a'], initially: 'DEFERRED' }))).toThrow(
      refused('UNSUPPORTED_OPERATION', 'initially'),
    )
  })
})

describe('tables and comments', () => {
  it('makes the integer primary key an IDENTITY and adds comments after CREATE TABLE', () => {
    expect(
      sqlOf(createTable({ tableName: 't2', comment: 'a table', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'c1', type: 'integer', comment: 'c1 comment' }] })),
    ).toEqual([
      'CREATE TABLE t2 (id INTEGER NOT NULL IDENTITY, c1 INTEGER NULL, PRIMARY KEY (id))',
      "execute sp_addextendedproperty 'MS_Description', N'a table', 'schema', dbo, 'table', t2",
      "execute sp_addextendedproperty 'MS_Description', N'c1 comment', 'schema', dbo, 'table', t2, 'column', c1",
    ])
  })

  it('writes the reference bulk-insert table, its constraints and indexes', () => {
    expect(
      sqlOf(createTable({ tableName: 'ins_table', columns: [{ name: 'id', type: 'integer' }, { name: 'v1', type: 'varchar' }, { name: 'v2', type: 'varchar' }] })),
    ).toEqual(['CREATE TABLE ins_table (id INTEGER NULL, v1 VARCHAR(max) NULL, v2 VARCHAR(max) NULL)'])
    expect(
      sqlOf(createTable({
        tableName: 'some_table',
        schema: 's',
        columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'x', type: 'integer', foreignKey: { referentTable: 'other', remoteCol: 'id' } }],
        constraints: [{ type: 'index', name: 'ix_z', columns: ['x'] }, { type: 'check', name: 'ck_1', condition: 'x>5' }],
      })),
    ).toEqual([
      'CREATE TABLE s.some_table (id INTEGER NOT NULL IDENTITY, x INTEGER NULL, PRIMARY KEY (id), CONSTRAINT ck_1 CHECK (x>5), FOREIGN KEY(x) REFERENCES other (id))',
      'CREATE INDEX ix_z ON s.some_table (x)',
    ])
  })

  it('writes table comments: add, update, drop', () => {
    expect(sqlOf(createTableComment({ tableName: 't2', comment: 'hi' }))).toEqual(["execute sp_addextendedproperty 'MS_Description', N'hi', 'schema', dbo, 'table', t2"])
    // Differs from Alembic, which adds even when the table has a comment (and fails on the server).
    expect(sqlOf(createTableComment({ tableName: 't2', comment: 'hi', existingComment: 'old' }))).toEqual([
      "execute sp_updateextendedproperty 'MS_Description', N'hi', 'schema', dbo, 'table', t2",
    ])
    expect(sqlOf(dropTableComment({ tableName: 't2' }))).toEqual(["execute sp_dropextendedproperty 'MS_Description', 'schema', dbo, 'table', t2"])
  })

  it('drops tables, and quotes a dotted schema as one name', () => {
    expect(sqlOf(dropTable({ tableName: 'tb_test', schema: 'foo', ifExists: true }))).toEqual(['DROP TABLE IF EXISTS foo.tb_test'])
    // Differs from Alembic, which splits a dotted schema into database and owner (`foo.bar.t`).
    expect(sqlOf(dropTable({ tableName: 't', schema: 'foo.bar' }))).toEqual(['DROP TABLE [foo.bar].t'])
  })

  it('quotes what the reference quotes', () => {
    expect(sqlOf(dropTable({ tableName: 'SomeFancyName' }))).toEqual(['DROP TABLE [SomeFancyName]'])
    expect(sqlOf(dropColumn({ tableName: 'table', columnName: 'column' }))).toEqual(['ALTER TABLE [table] DROP COLUMN [column]'])
    expect(sqlOf(executeSql({ sqltext: 'UPDATE t SET a = 1;' }))).toEqual(['UPDATE t SET a = 1'])
  })
})

describe('bulkInsert', () => {
  const insert = bulkInsert({
    tableName: 'ins_table',
    columns: [{ name: 'id', type: 'integer' }, { name: 'v1', type: 'varchar' }, { name: 'v2', type: 'varchar' }],
    rows: [{ id: 1, v1: 'row v1', v2: 'row v5' }],
  })

  it('wraps inserts into an identity column in SET IDENTITY_INSERT, known from the snapshot', () => {
    const snapshot = applyOps(emptySnapshot(), [
      createTable({ tableName: 'ins_table', columns: [{ name: 'id', type: 'integer', identity: {} }, { name: 'v1', type: 'varchar' }, { name: 'v2', type: 'varchar' }] }),
    ])
    expect(sqlOf(insert, snapshot)).toEqual([
      'SET IDENTITY_INSERT ins_table ON',
      "INSERT INTO ins_table (id, v1, v2) VALUES (1, 'row v1', 'row v5')",
      'SET IDENTITY_INSERT ins_table OFF',
    ])
  })

  it('does not wrap inserts into a table the snapshot shows without an identity column', () => {
    // Differs from Alembic, which always wraps, and SQL Server refuses the SET on such a table.
    const snapshot = applyOps(emptySnapshot(), [
      createTable({ tableName: 'ins_table', columns: [{ name: 'id', type: 'integer' }, { name: 'v1', type: 'varchar' }, { name: 'v2', type: 'varchar' }] }),
    ])
    expect(sqlOf(insert, snapshot)).toEqual(["INSERT INTO ins_table (id, v1, v2) VALUES (1, 'row v1', 'row v5')"])
  })

  it('guards the SET with a look at sys.identity_columns when the table is unknown', () => {
    const guard = (on: string): string =>
      `IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N'ins_table') AND name IN (N'id', N'v1', N'v2')) BEGIN SET IDENTITY_INSERT ins_table ${on} END`
    expect(sqlOf(insert)).toEqual([guard('ON'), "INSERT INTO ins_table (id, v1, v2) VALUES (1, 'row v1', 'row v5')", guard('OFF')])
    // Differs from Alembic, which writes SET IDENTITY_INSERT ON / OFF even for no rows.
    expect(sqlOf(bulkInsert({ tableName: 'ins_table', columns: [{ name: 'id', type: 'integer' }], rows: [] }))).toEqual([])
  })

  it('writes literals by column type: N for NVARCHAR, 1/0, 0x for binary, dates as given', () => {
    const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }] })])
    const op = bulkInsert({
      tableName: 't',
      columns: [{ name: 'n', type: 'nvarchar' }, { name: 'b', type: 'boolean' }, { name: 'x', type: 'binary' }, { name: 'd', type: 'datetime' }, { name: 's', type: 'text' }],
      rows: [{ n: 'a', b: true, x: 'DEADbeef', d: '2010-10-05T12:30:00', s: 'café' }, { n: "it's", b: false, x: '', d: null, s: 'back\\slash' }],
    })
    expect(sqlOf(op, snapshot)).toEqual([
      "INSERT INTO t (n, b, x, d, s) VALUES (N'a', 1, 0xdeadbeef, '2010-10-05 12:30:00', N'café'), (N'it''s', 0, 0x, NULL, 'back\\slash')",
    ])
  })
})
