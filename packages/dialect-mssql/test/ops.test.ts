/**
 * What is particular to this dialect beyond the catalog's examples: decisions taken from the
 * schema snapshot or from what the op carries, the 1,000-row split, and the offline framing.
 * Text comparisons only (no SQL Server was available).
 */
import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, applyOps, bulkInsert, createIndex, createTable, createTableComment, downgradeOps, dropColumn, dropTable, emptySnapshot, migrationScript,
  upgradeOps, type Op, type SchemaSnapshot,
} from '@athanor/ir'
import { compileMigration, defineDialect } from '@athanor/dialect-kit'
import { mssql, mssqlCapabilities, mssqlHandlers, mssqlQuote } from '@athanor/dialect-mssql'

const sqlOf = (op: Op, snapshot?: SchemaSnapshot): string[] => mssql.compile(op, snapshot === undefined ? {} : { snapshot }).map((s) => s.sql)
const refused = (code: string, path: string) => expect.objectContaining({ code, path })
const model = (...ops: Op[]): SchemaSnapshot => applyOps(emptySnapshot(), ops)
const lookupOf = (sql: string): string | undefined => /from\s+sys\.(\w+)/.exec(sql)?.[1]

describe('dropColumn', () => {
  const table = createTable({
    tableName: 't',
    columns: [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'p', type: 'integer' },
      { name: 'c', type: 'integer', serverDefault: { literal: '0' }, unique: true, check: { condition: 'c > 0' }, foreignKey: { referentTable: 't', remoteCol: 'id', name: 'fk_t_c' } },
    ],
    constraints: [{ type: 'check', name: 'ck_t_c', condition: 'c < 100' }, { type: 'index', name: 'ix_t_c_p', columns: ['p'], mssqlInclude: ['c'] }],
  })

  it('drops everything the snapshot says uses the column first: default, checks, foreign keys, keys, indexes', () => {
    const sql = sqlOf(dropColumn({ tableName: 't', columnName: 'c' }), model(table))
    expect(sql.map((s) => lookupOf(s) ?? s)).toEqual([
      'default_constraints',
      'check_constraints', // the unnamed column check
      'key_constraints', // the unnamed UNIQUE (c)
      'ALTER TABLE t DROP CONSTRAINT ck_t_c',
      'ALTER TABLE t DROP CONSTRAINT fk_t_c',
      'DROP INDEX ix_t_c_p ON t',
      'ALTER TABLE t DROP COLUMN c',
    ])
  })

  it('drops nothing first for a column the snapshot shows bare, flags aside', () => {
    expect(sqlOf(dropColumn({ tableName: 't', columnName: 'p' }), model(createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: 'p', type: 'integer' }] })))).toEqual([
      'ALTER TABLE t DROP COLUMN p',
    ])
    const snapshot = model(createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: 'p', type: 'integer' }] }))
    expect(sqlOf(dropColumn({ tableName: 't', columnName: 'p', mssqlDropCheck: true }), snapshot).map((s) => lookupOf(s) ?? s)).toEqual([
      'check_constraints',
      'ALTER TABLE t DROP COLUMN p',
    ])
  })

  it('decides from the column the op carries when there is no snapshot', () => {
    const op = dropColumn({
      tableName: 't',
      columnName: 'c',
      column: { name: 'c', type: 'integer', serverDefault: { sql: '0' }, index: true, check: { name: 'ck', condition: 'c > 0' }, foreignKey: { referentTable: 'o', remoteCol: 'id' } },
    })
    expect(sqlOf(op).map((s) => lookupOf(s) ?? s)).toEqual([
      'default_constraints',
      'foreign_keys',
      'ALTER TABLE t DROP CONSTRAINT ck',
      'DROP INDEX ix_t_c ON t',
      'ALTER TABLE t DROP COLUMN c',
    ])
  })
})

describe('alterColumn', () => {
  const snapshot = model(createTable({ tableName: 't', columns: [{ name: 'c', type: 'integer', nullable: false, serverDefault: { literal: '1' }, comment: 'old' }, { name: 'd', type: 'integer' }] }))

  it('knows the default and the comment from the snapshot', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', comment: 'new' }), snapshot)).toEqual([
      "exec sp_updateextendedproperty 'MS_Description', N'new', 'schema', dbo, 'table', t, 'column', c",
    ])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'd', comment: null }), snapshot)).toEqual([])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'd', serverDefault: { literal: '2' } }), snapshot)).toEqual(["ALTER TABLE t ADD DEFAULT '2' FOR d"])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: 'bigint' }), snapshot).map((s) => lookupOf(s) ?? s)).toEqual([
      'default_constraints',
      'ALTER TABLE t ALTER COLUMN c BIGINT NOT NULL',
      "ALTER TABLE t ADD DEFAULT '1' FOR c",
    ])
  })

  it('refuses autoincrement changes', () => {
    expect(() => sqlOf(alterColumn({ tableName: 't', columnName: 'c', autoincrement: true }))).toThrow(refused('UNSUPPORTED_OPERATION', 'autoincrement'))
  })
})

describe('identity columns', () => {
  it('refuses a second identity column, in a table or added to one the snapshot knows', () => {
    expect(() =>
      sqlOf(createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'n', type: 'bigint', identity: {} }] })),
    ).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[1].identity'))
    const snapshot = model(createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', identity: {} }] }))
    expect(() => sqlOf(addColumn({ tableName: 't', column: { name: 'b', type: 'integer', identity: { start: 5 } } }), snapshot)).toThrow(
      refused('UNSUPPORTED_OPERATION', 'column.identity'),
    )
  })

  it('does not number an integer primary key that says autoincrement: false', () => {
    expect(sqlOf(createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer', primaryKey: true, autoincrement: false }] }))).toEqual([
      'CREATE TABLE t (\n    id INTEGER NOT NULL,\n    PRIMARY KEY (id)\n)',
    ])
  })
})

describe('bulkInsert', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }))
  const snapshot = model(createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'v', type: 'text' }] }))

  it('splits rows so that no VALUES list holds more than 1,000 rows', () => {
    const sql = sqlOf(bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }], rows: rows(2001) }), snapshot)
    expect(sql.map((s) => s.split('), (').length)).toEqual([1000, 1000, 1])
    expect(sql[2]).toBe('INSERT INTO t (id) VALUES (2000)')
  })

  it('writes one statement per row with multiinsert: false, and groups rows by the columns they give', () => {
    expect(sqlOf(bulkInsert({ tableName: 't', multiinsert: false, columns: [{ name: 'id', type: 'integer' }], rows: rows(2) }), snapshot)).toEqual([
      'INSERT INTO t (id) VALUES (0)',
      'INSERT INTO t (id) VALUES (1)',
    ])
    const op = bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'v', type: 'text' }], rows: [{ id: 1 }, { id: 2 }, { v: 'x', id: 3 }, {}] })
    expect(sqlOf(op, snapshot)).toEqual(['INSERT INTO t (id) VALUES (1), (2)', "INSERT INTO t (id, v) VALUES (3, 'x')", 'INSERT INTO t DEFAULT VALUES'])
  })

  it('wraps only the rows that give the identity column a value', () => {
    const withIdentity = model(createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'v', type: 'text' }] }))
    const op = bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'v', type: 'text' }], rows: [{ v: 'a' }, { id: 5, v: 'b' }] })
    const guard = (on: string): string =>
      `IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N't') AND name IN (N'id', N'v')) BEGIN SET IDENTITY_INSERT t ${on} END`
    // An integer primary key is IDENTITY unless it was made otherwise, which the model cannot tell: guarded.
    expect(sqlOf(op, withIdentity)).toEqual(["INSERT INTO t (v) VALUES ('a')", guard('ON'), "INSERT INTO t (id, v) VALUES (5, 'b')", guard('OFF')])
  })
})

describe('offline scripts', () => {
  const script = migrationScript({
    revId: 'aaa',
    downRevision: null,
    upgradeOps: upgradeOps({ ops: [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }] }), createTableComment({ tableName: 't', comment: 'x' })] }),
    downgradeOps: downgradeOps({ ops: [dropTable({ tableName: 't' })] }),
  })

  it('frames each script in BEGIN TRANSACTION; … COMMIT; with GO after every statement', () => {
    expect(compileMigration([script], mssql, { versionTable: 'alembic_version' }).sql).toBe(
      [
        '-- Running upgrade  -> aaa',
        'BEGIN TRANSACTION;',
        'CREATE TABLE t (\n    a INTEGER NULL\n);',
        'GO',
        "execute sp_addextendedproperty 'MS_Description', N'x', 'schema', dbo, 'table', t;",
        'GO',
        "INSERT INTO alembic_version (version_num) VALUES ('aaa');",
        'GO',
        'COMMIT;',
        'GO',
        '',
      ].join('\n\n'),
    )
  })

  it('keeps the default framing for a dialect without scriptFraming', () => {
    const plain = defineDialect({ name: 'mssql', capabilities: mssqlCapabilities, quote: mssqlQuote, handlers: mssqlHandlers({ defaultSchema: 'dbo' }) })
    expect(compileMigration([script], plain).sql).toBe(
      [
        '-- Running upgrade  -> aaa',
        'BEGIN;',
        'CREATE TABLE t (\n    a INTEGER NULL\n);',
        "execute sp_addextendedproperty 'MS_Description', N'x', 'schema', dbo, 'table', t;",
        'COMMIT;',
        '',
      ].join('\n\n'),
    )
  })
})

describe('indexes', () => {
  it('creates the index of a column flag with the model name', () => {
    expect(sqlOf(createIndex({ indexName: 'ix', tableName: 't', columns: ['a'], quote: true }))).toEqual(['CREATE INDEX [ix] ON t (a)'])
  })
})
