import { describe, expect, it } from 'vitest'
import { sqlite, sqliteQuote as q } from '@athanor/dialect-sqlite'
import {
  addColumn, alterColumn, applyOps, batch, createCheckConstraint, createIndex, createTable, createTableComment, dropColumn, dropConstraint,
  dropIndex, emptySnapshot, renameTable, type Op, type SchemaSnapshot,
} from '@athanor/ir'

const sql = (op: Op, snapshot?: SchemaSnapshot): string[] => sqlite.compile(op, snapshot === undefined ? {} : { snapshot }).map((s) => s.sql)
const refusal = (fn: () => unknown): unknown => {
  try {
    fn()
  } catch (e) {
    return e
  }
  return undefined
}

const account = createTable({
  tableName: 'account',
  columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'email', type: { name: 'varchar', length: 50 }, nullable: false }, { name: 'age', type: 'integer' }],
  constraints: [{ type: 'index', name: 'ix_account_age', columns: ['age'] }],
})
const withAccount = applyOps(emptySnapshot(), [account])

describe('native ALTERs', () => {
  it('adds, renames and drops columns, renames tables', () => {
    expect(sql(addColumn({ tableName: 't', column: { name: 'c', type: 'boolean', nullable: false, serverDefault: { sql: 'false' }, comment: 'dropped' } }))).toEqual(['ALTER TABLE t ADD COLUMN c BOOLEAN DEFAULT false NOT NULL'])
    expect(sql(addColumn({ tableName: 't', column: { name: 'p', type: 'integer', index: true, foreignKey: { name: 'fk_p', referentTable: 'parent', remoteCol: 'id', onDelete: 'SET NULL' } } }))).toEqual([
      'ALTER TABLE t ADD COLUMN p INTEGER CONSTRAINT fk_p REFERENCES parent (id) ON DELETE SET NULL',
      'CREATE INDEX ix_t_p ON t (p)',
    ])
    expect(sql(alterColumn({ tableName: 't', columnName: 'a', newColumnName: 'b' }))).toEqual(['ALTER TABLE t RENAME COLUMN a TO b'])
    expect(sql(alterColumn({ tableName: 't', columnName: 'a', comment: 'x' }))).toEqual([])
    expect(sql(renameTable({ oldTableName: 'old', newTableName: 'new', schema: 's' }))).toEqual(['ALTER TABLE s.old RENAME TO new'])
    expect(sql(dropColumn({ tableName: 'account', columnName: 'age' }), withAccount)).toEqual(['DROP INDEX ix_account_age', 'ALTER TABLE account DROP COLUMN age'])
  })

  it('creates and drops indexes, partial ones included, with the schema on the index name', () => {
    expect(sql(createIndex({ indexName: 'ix', tableName: 't', schema: 's', columns: ['a', { sql: 'lower(b)' }], unique: true, sqliteWhere: 'a > 5', ifNotExists: true }))).toEqual([
      'CREATE UNIQUE INDEX IF NOT EXISTS s.ix ON t (a, lower(b)) WHERE a > 5',
    ])
    expect(sql(dropIndex({ indexName: 'ix', ifExists: true }))).toEqual(['DROP INDEX IF EXISTS ix'])
  })

  it('creates tables with AUTOINCREMENT, WITHOUT ROWID, STRICT, keys, checks and ON CONFLICT', () => {
    expect(sql(createTable({
      tableName: 'order',
      sqliteAutoincrement: true,
      columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'at', type: 'datetime', serverDefault: { sql: "datetime('now')" } }, { name: 'n', type: 'integer', check: { name: 'ck_n', condition: 'n > 0' } }],
      constraints: [{ type: 'unique', columns: ['n'], sqliteOnConflict: 'REPLACE' }],
    }))).toEqual(['CREATE TABLE "order" (\n    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n    at DATETIME DEFAULT (datetime(\'now\')),\n    n INTEGER CONSTRAINT ck_n CHECK (n > 0),\n    UNIQUE (n) ON CONFLICT REPLACE\n)'])
    expect(sql(createTable({ tableName: 'kv', sqliteWithoutRowid: true, sqliteStrict: true, columns: [{ name: 'k', type: { name: 'varchar', length: 9 }, primaryKey: true }, { name: 'v', type: { name: 'numeric', precision: 5, scale: 2 } }] }))).toEqual([
      'CREATE TABLE kv (\n    k TEXT NOT NULL,\n    v ANY,\n    PRIMARY KEY (k)\n) WITHOUT ROWID, STRICT',
    ])
  })

  it('quotes SQLite reserved words and escapes literals', () => {
    expect([q.ident('index'), q.ident('user'), q.ident('My Col'), q.literal("it's")]).toEqual(['"index"', 'user', '"My Col"', "'it''s'"])
  })
})

describe('refusals outside a batch (never SQL that fails)', () => {
  const cases: [string, () => unknown, string][] = [
    ['a type change', () => sql(alterColumn({ tableName: 't', columnName: 'c', type: 'bigint' })), 'type'],
    ['a nullability change', () => sql(alterColumn({ tableName: 't', columnName: 'c', nullable: false })), 'nullable'],
    ['a UNIQUE column', () => sql(addColumn({ tableName: 't', column: { name: 'c', type: 'integer', unique: true } })), 'column.unique'],
    ['NOT NULL without a default', () => sql(addColumn({ tableName: 't', column: { name: 'c', type: 'integer', nullable: false } })), 'column.nullable'],
    ['a non-constant default', () => sql(addColumn({ tableName: 't', column: { name: 'c', type: 'datetime', serverDefault: { sql: 'CURRENT_TIMESTAMP' } } })), 'column.serverDefault'],
    ['a check constraint', () => sql(createCheckConstraint({ constraintName: 'ck', tableName: 't', condition: 'a > 0' })), 'kind'],
    ['a dropped constraint', () => sql(dropConstraint({ constraintName: 'ck', tableName: 't' })), 'kind'],
    ['DROP COLUMN IF EXISTS', () => sql(dropColumn({ tableName: 't', columnName: 'c', ifExists: true })), 'ifExists'],
    ['dropping a key column', () => sql(dropColumn({ tableName: 'account', columnName: 'id' }), withAccount), 'columnName'],
    ['an identity column', () => sql(createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', identity: {} }] })), 'columns[0].identity'],
    ['a deferrable UNIQUE', () => sql(createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'unique', columns: ['a'], deferrable: true }] })), 'constraints[0].deferrable'],
  ]
  for (const [what, fn, path] of cases) {
    it(`refuses ${what} with UNSUPPORTED_OPERATION at ${path}`, () => {
      expect(refusal(fn)).toMatchObject({ code: 'UNSUPPORTED_OPERATION', path })
    })
  }

  it('compiles a table comment to nothing', () => {
    expect(sql(createTableComment({ tableName: 't', comment: 'c' }))).toEqual([])
  })
})

describe('batch', () => {
  it('stays with ALTERs on auto when every child can (catalog §3.3)', () => {
    expect(sql(batch({ tableName: 'account', ops: [{ kind: 'addColumn', column: { name: 'x', type: 'integer' } }, { kind: 'createIndex', indexName: 'ix_x', columns: ['x'], unique: true }] }), withAccount)).toEqual([
      'ALTER TABLE account ADD COLUMN x INTEGER',
      'CREATE UNIQUE INDEX ix_x ON account (x)',
    ])
  })

  it('rebuilds on always: the four statements, then the indexes (catalog §3.4)', () => {
    const statements = sqlite.compileOps([batch({ tableName: 'account', recreate: 'always', ops: [{ kind: 'createIndex', indexName: 'ix_email', columns: ['email'], unique: true }] })], { snapshot: withAccount })
    expect(statements.map((s) => (s.transactional === false ? `${s.sql} -- outside` : s.sql))).toEqual([
      'PRAGMA foreign_keys=OFF -- outside',
      'CREATE TABLE _athanor_tmp_account (\n    id INTEGER NOT NULL,\n    email VARCHAR(50) NOT NULL,\n    age INTEGER,\n    PRIMARY KEY (id)\n)',
      'INSERT INTO _athanor_tmp_account (id, email, age) SELECT id, email, age FROM account',
      'DROP TABLE account',
      'PRAGMA legacy_alter_table=ON',
      'ALTER TABLE _athanor_tmp_account RENAME TO account',
      'PRAGMA legacy_alter_table=OFF',
      'CREATE INDEX ix_account_age ON account (age)',
      'CREATE UNIQUE INDEX ix_email ON account (email)',
      'CREATE TEMP TABLE IF NOT EXISTS athanor_rebuild_check (no_foreign_key_violation INTEGER NOT NULL ON CONFLICT ROLLBACK)',
      'INSERT INTO temp.athanor_rebuild_check SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check) THEN NULL ELSE 1 END',
      'DROP TABLE temp.athanor_rebuild_check',
      'PRAGMA foreign_keys=ON -- outside',
    ])
  })

  it('rebuilds offline from copyFrom alone, and says what is missing without it', () => {
    const copyFrom = { columns: [{ name: 'a', type: 'integer' as const }, { name: 'b', type: 'text' as const }] }
    expect(sqlite.compile(batch({ tableName: 't', copyFrom, ops: [{ kind: 'dropColumn', columnName: 'b' }] })).map((s) => s.sql)).toContain('INSERT INTO _athanor_tmp_t (a) SELECT a FROM t')
    expect(refusal(() => sqlite.compile(batch({ tableName: 't', ops: [{ kind: 'dropColumn', columnName: 'b' }] })))).toMatchObject({ code: 'MISSING_EXISTING_STATE', path: 'copyFrom', kind: 'batch' })
    expect(refusal(() => sqlite.compile(batch({ tableName: 'nope', ops: [{ kind: 'dropColumn', columnName: 'b' }] }), { snapshot: withAccount }))).toMatchObject({ code: 'MISSING_EXISTING_STATE', path: 'tableName' })
    // A batch that stays with ALTERs needs neither (catalog §3.4).
    expect(sqlite.compile(batch({ tableName: 't', ops: [{ kind: 'addColumn', column: { name: 'c', type: 'integer' } }] })).map((s) => s.sql)).toEqual(['ALTER TABLE t ADD COLUMN c INTEGER'])
  })

  it('on never, refuses what ALTER cannot do, at the child', () => {
    expect(refusal(() => sql(batch({ tableName: 'account', recreate: 'never', ops: [{ kind: 'addColumn', column: { name: 'x', type: 'integer' } }, { kind: 'alterColumn', columnName: 'age', type: 'bigint' }] }), withAccount))).toMatchObject({ code: 'UNSUPPORTED_OPERATION', path: 'ops[1].type' })
    expect(refusal(() => sql(batch({ tableName: 'account', recreate: 'never', ops: [{ kind: 'addColumn', column: { name: 'x', type: 'integer' }, insertBefore: 'id' }] }), withAccount))).toMatchObject({ code: 'UNSUPPORTED_OPERATION', path: 'ops[0].insertBefore' })
  })
})
