import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CompileContext } from '@athanor/dialect-kit'
import {
  AthanorError, addColumn, alterColumn, applyOps, batch, bulkInsert, createCheckConstraint, createIndex, createPrimaryKey, createTable,
  createTableComment, dropColumn, dropConstraint, dropIndex, dropTable, dropTableComment, emptySnapshot, executeSql, renameTable, type Op,
} from '@athanor/ir'
import { arbAnyOp } from '@athanor/ir/arbitraries'
import { duckdb, duckdbQuote, duckdbType } from 'athanor-dialect-duckdb'

const sql = (op: Op, ctx: CompileContext = {}): string[] => duckdb.compile(op, ctx).map((s) => s.sql)

/** The schema left by `ops`, as a compile context. */
const after = (...ops: Op[]): CompileContext => ({ snapshot: applyOps(emptySnapshot(), ops) })

const account = createTable({
  tableName: 'account',
  columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'email', type: { name: 'varchar', length: 100 }, unique: true }, { name: 'code', type: 'text' }],
})
const post = createTable({
  tableName: 'post',
  columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'account_id', type: 'integer', foreignKey: { referentTable: 'account', remoteCol: 'id' } }],
})

describe('quoting and types', () => {
  it('quotes keywords, upper case and odd characters only', () => {
    expect(['account', 'order', 'Mixed', 'a b', 'say "hi"'].map((n) => duckdbQuote.ident(n))).toEqual(['account', '"order"', '"Mixed"', '"a b"', '"say ""hi"""'])
    expect(duckdbQuote.literal("it's \\ fine")).toBe("'it''s \\ fine'")
  })

  it('spells each generic type', () => {
    expect(
      (['integer', 'text', 'boolean', 'json', 'uuid', 'interval', 'binary'] as const).map((t) => duckdbType(t)),
    ).toEqual(['INTEGER', 'VARCHAR', 'BOOLEAN', 'JSON', 'UUID', 'INTERVAL', 'BLOB'])
    expect(duckdbType({ name: 'varchar', length: 20, collation: 'nocase' })).toBe('VARCHAR COLLATE nocase')
    expect(duckdbType({ name: 'numeric', precision: 10, scale: 2 })).toBe('DECIMAL(10, 2)')
    expect(duckdbType({ name: 'float', precision: 53 })).toBe('DOUBLE')
    expect(duckdbType({ name: 'datetime', timezone: true })).toBe('TIMESTAMP WITH TIME ZONE')
    expect(duckdbType({ name: 'enum', values: ['a', "b's"] })).toBe("ENUM('a', 'b''s')")
    expect(duckdbType({ name: 'raw', sql: 'HUGEINT', dialects: { duckdb: 'UHUGEINT' } })).toBe('UHUGEINT')
  })
})

describe('createTable', () => {
  it('writes columns, the key and the constraints, then indexes and comments', () => {
    const op = createTable({
      tableName: 'post',
      columns: [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'qty', type: 'integer', nullable: false, serverDefault: { literal: '0' }, check: { name: 'ck_qty', condition: 'qty >= 0' } },
        { name: 'code', type: 'text', index: true, comment: 'the code' },
        { name: 'total', type: 'integer', computed: { sqltext: 'qty * 2' } },
      ],
      constraints: [{ type: 'unique', name: 'uq_post_code', columns: ['code'] }],
      comment: "post's",
    })
    expect(sql(op)).toEqual([
      "CREATE TABLE post (id INTEGER NOT NULL, qty INTEGER DEFAULT '0' NOT NULL, code VARCHAR, total INTEGER GENERATED ALWAYS AS (qty * 2) VIRTUAL, PRIMARY KEY (id), CONSTRAINT uq_post_code UNIQUE (code), CONSTRAINT ck_qty CHECK (qty >= 0))",
      'CREATE INDEX ix_post_code ON post (code)',
      "COMMENT ON TABLE post IS 'post''s'",
      "COMMENT ON COLUMN post.code IS 'the code'",
    ])
  })

  it('refuses cascading keys, stored generated columns, identity and auto-increment columns', () => {
    const refusal = (columns: Parameters<typeof createTable>[0]['columns']) => () => duckdb.compile(createTable({ tableName: 't', columns }))
    expect(refusal([{ name: 'p', type: 'integer', foreignKey: { referentTable: 'p', remoteCol: 'id', onDelete: 'CASCADE' } }])).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'createTable', path: 'columns[0].foreignKey.onDelete' }),
    )
    expect(refusal([{ name: 'g', type: 'integer', computed: { sqltext: '1', persisted: true } }])).toThrow(expect.objectContaining({ path: 'columns[0].computed.persisted' }))
    expect(refusal([{ name: 'i', type: 'integer', identity: {} }])).toThrow(expect.objectContaining({ path: 'columns[0].identity' }))
    expect(refusal([{ name: 'i', type: 'integer', autoincrement: true }])).toThrow(expect.objectContaining({ path: 'columns[0].autoincrement' }))
  })

  it('refuses a foreign key into another schema and a deferrable one', () => {
    const fk = { type: 'foreignKey', name: 'fk', localCols: ['p'], referentTable: 'p', remoteCols: ['id'] } as const
    const table = (extra: object) => createTable({ tableName: 't', schema: 's', columns: [{ name: 'p', type: 'integer' }], constraints: [{ ...fk, ...extra }] })
    expect(() => duckdb.compile(table({ referentSchema: 'other' }))).toThrow(expect.objectContaining({ path: 'constraints[0].referentSchema' }))
    expect(() => duckdb.compile(table({ deferrable: true }))).toThrow(expect.objectContaining({ path: 'constraints[0].deferrable' }))
    expect(sql(table({ referentSchema: 's', onDelete: 'restrict' }))).toEqual(['CREATE TABLE s.t (p INTEGER, CONSTRAINT fk FOREIGN KEY (p) REFERENCES s.p (id) ON DELETE RESTRICT)'])
  })
})

describe('addColumn', () => {
  it('adds the column, then makes it NOT NULL, indexes and comments it', () => {
    const op = addColumn({ tableName: 't', column: { name: 'c', type: 'text', nullable: false, serverDefault: { literal: 'x' }, index: true, comment: 'c' } })
    expect(sql(op)).toEqual([
      "ALTER TABLE t ADD COLUMN c VARCHAR DEFAULT 'x'",
      'ALTER TABLE t ALTER COLUMN c SET NOT NULL',
      'CREATE INDEX ix_t_c ON t (c)',
      "COMMENT ON COLUMN t.c IS 'c'",
    ])
  })

  it('refuses a UNIQUE, REFERENCES or CHECK column, which a batch adds by rebuilding', () => {
    expect(() => duckdb.compile(addColumn({ tableName: 't', column: { name: 'c', type: 'text', unique: true } }))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'column.unique' }),
    )
    expect(() => duckdb.compile(addColumn({ tableName: 't', column: { name: 'c', type: 'integer', check: { condition: 'c > 0' } } }))).toThrow(
      expect.objectContaining({ path: 'column.check' }),
    )
  })
})

describe('alterColumn', () => {
  it('changes type, nullability, default, comment and name in that order', () => {
    const op = alterColumn({ tableName: 't', columnName: 'a', type: 'bigint', nullable: false, serverDefault: null, comment: 'x', newColumnName: 'b' })
    expect(sql(op)).toEqual([
      'ALTER TABLE t ALTER COLUMN a SET DATA TYPE BIGINT',
      'ALTER TABLE t ALTER COLUMN a SET NOT NULL',
      'ALTER TABLE t ALTER COLUMN a DROP DEFAULT',
      "COMMENT ON COLUMN t.a IS 'x'",
      'ALTER TABLE t RENAME COLUMN a TO b',
    ])
  })

  it('sets the table\'s indexes aside when the schema shows some', () => {
    const ctx = after(account, createIndex({ indexName: 'ix_account_code', tableName: 'account', columns: ['code', { sql: 'lower(code)' }] }))
    expect(sql(alterColumn({ tableName: 'account', columnName: 'code', newColumnName: 'label' }), ctx)).toEqual([
      'DROP INDEX ix_account_code',
      'ALTER TABLE account RENAME COLUMN code TO label',
      'CREATE INDEX ix_account_code ON account (label, lower(label))',
    ])
  })

  it('refuses what DuckDB cannot change in place, naming the field', () => {
    const ctx = after(account, post)
    expect(() => duckdb.compile(alterColumn({ tableName: 'account', columnName: 'email', type: 'text' }), after(account))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'type' }),
    )
    expect(() => duckdb.compile(alterColumn({ tableName: 'post', columnName: 'account_id', newColumnName: 'owner_id' }), ctx)).toThrow(
      expect.objectContaining({ path: 'newColumnName' }),
    )
    expect(() => duckdb.compile(alterColumn({ tableName: 'account', columnName: 'code', nullable: false }), ctx)).toThrow(expect.objectContaining({ path: 'tableName' }))
    expect(() => duckdb.compile(alterColumn({ tableName: 't', columnName: 'a', identity: null }))).toThrow(expect.objectContaining({ path: 'identity' }))
  })
})

describe('dropColumn, tables, indexes, comments', () => {
  it('compiles each to its statement', () => {
    expect(sql(dropColumn({ tableName: 't', columnName: 'c', ifExists: true }))).toEqual(['ALTER TABLE t DROP COLUMN IF EXISTS c'])
    expect(sql(dropTable({ tableName: 't', schema: 's', ifExists: true }))).toEqual(['DROP TABLE IF EXISTS s.t'])
    expect(sql(renameTable({ oldTableName: 't', newTableName: 'u', schema: 's' }))).toEqual(['ALTER TABLE s.t RENAME TO u'])
    expect(sql(createIndex({ indexName: 'ux', tableName: 't', columns: ['a', { sql: 'lower(b)' }], unique: true, ifNotExists: true }))).toEqual([
      'CREATE UNIQUE INDEX IF NOT EXISTS ux ON t (a, lower(b))',
    ])
    expect(sql(dropIndex({ indexName: 'ux', tableName: 't', schema: 's' }))).toEqual(['DROP INDEX s.ux'])
    expect(sql(createTableComment({ tableName: 't', comment: "it's" }))).toEqual(["COMMENT ON TABLE t IS 'it''s'"])
    expect(sql(dropTableComment({ tableName: 't' }))).toEqual(['COMMENT ON TABLE t IS NULL'])
    expect(sql(createPrimaryKey({ constraintName: 'pk_t', tableName: 't', columns: ['a', 'b'] }))).toEqual(['ALTER TABLE t ADD PRIMARY KEY (a, b)'])
    expect(sql(executeSql({ sqltext: 'CHECKPOINT;' }))).toEqual(['CHECKPOINT'])
  })

  it('refuses to drop, rename or drop a column of a table other tables\' keys point at', () => {
    const ctx = after(account, post)
    expect(() => duckdb.compile(dropTable({ tableName: 'account' }), ctx)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'tableName' }))
    expect(() => duckdb.compile(renameTable({ oldTableName: 'account', newTableName: 'person' }), ctx)).toThrow(expect.objectContaining({ path: 'oldTableName' }))
    expect(() => duckdb.compile(dropColumn({ tableName: 'account', columnName: 'code' }), ctx)).toThrow(expect.objectContaining({ path: 'tableName' }))
    expect(() => duckdb.compile(dropColumn({ tableName: 'account', columnName: 'email' }), after(account))).toThrow(expect.objectContaining({ path: 'columnName' }))
  })

  it('refuses constraint changes outside a batch', () => {
    expect(() => duckdb.compile(createCheckConstraint({ constraintName: 'ck', tableName: 't', condition: 'a > 0' }))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'createCheckConstraint', path: 'kind' }),
    )
    expect(() => duckdb.compile(dropConstraint({ constraintName: 'ck', tableName: 't', type: 'check' }))).toThrow(expect.objectContaining({ kind: 'dropConstraint' }))
  })
})

describe('bulkInsert', () => {
  it('groups rows that give the same columns, and writes values by type', () => {
    const op = bulkInsert({
      tableName: 't',
      columns: [{ name: 'id', type: 'integer' }, { name: 'ok', type: 'boolean' }, { name: 'data', type: 'binary' }, { name: 'at', type: 'datetime' }],
      rows: [{ id: 1, ok: true }, { id: 2, ok: false }, { id: 3, data: 'DEADbeef', at: '2024-01-02T03:04:05Z' }, {}],
    })
    expect(sql(op)).toEqual([
      'INSERT INTO t (id, ok) VALUES (1, true), (2, false)',
      "INSERT INTO t (id, data, \"at\") VALUES (3, from_hex('deadbeef'), '2024-01-02 03:04:05+00:00')",
      'INSERT INTO t DEFAULT VALUES',
    ])
    expect(sql(bulkInsert({ ...op, multiinsert: false, rows: [{ id: 1 }, { id: 2 }] }))).toEqual(['INSERT INTO t (id) VALUES (1)', 'INSERT INTO t (id) VALUES (2)'])
  })
})

describe('batch', () => {
  const copyFrom = { columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'a', type: 'text' }] } as const

  it('runs each child as its own ALTER when ALTER can do them all', () => {
    const op = batch({ tableName: 't', ops: [{ kind: 'addColumn', column: { name: 'b', type: 'integer' } }, { kind: 'dropColumn', columnName: 'a' }] })
    expect(sql(op)).toEqual(['ALTER TABLE t ADD COLUMN b INTEGER', 'ALTER TABLE t DROP COLUMN a'])
  })

  it('rebuilds the table for a constraint, casting a column whose type changes family', () => {
    const op = batch({
      tableName: 't',
      copyFrom,
      ops: [
        { kind: 'createCheckConstraint', constraintName: 'ck_t_a', condition: 'a > 0' },
        { kind: 'alterColumn', columnName: 'a', type: 'integer' },
      ],
    })
    expect(sql(op)).toEqual([
      'CREATE TABLE _athanor_tmp_t (id INTEGER NOT NULL, a INTEGER, PRIMARY KEY (id), CONSTRAINT ck_t_a CHECK (a > 0))',
      'INSERT INTO _athanor_tmp_t (id, a) SELECT id, CAST(a AS INTEGER) FROM t',
      'DROP TABLE t',
      'ALTER TABLE _athanor_tmp_t RENAME TO t',
    ])
  })

  it('refuses to rebuild a table other tables\' keys point at, or one without a known definition', () => {
    const op = batch({ tableName: 'account', ops: [{ kind: 'dropConstraint', constraintName: 'x', type: 'check' }] })
    expect(() => duckdb.compile(op, after(account, post))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'batch', path: 'tableName' }))
    expect(() => duckdb.compile(op)).toThrow(expect.objectContaining({ code: 'MISSING_EXISTING_STATE', path: 'copyFrom' }))
  })

  it('refuses a position with recreate "never", naming the child', () => {
    const op = batch({ tableName: 't', recreate: 'never', ops: [{ kind: 'addColumn', column: { name: 'b', type: 'integer' }, insertAfter: 'id' }] })
    expect(() => duckdb.compile(op)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'ops[0].insertAfter' }))
  })
})

describe('any op', () => {
  it('compiles to statements or refuses with a typed error, never anything else', () => {
    fc.assert(
      fc.property(arbAnyOp({ names: 'hostile' }), (op) => {
        try {
          for (const s of duckdb.compile(op)) expect(typeof s.sql).toBe('string')
        } catch (e) {
          expect(e).toBeInstanceOf(AthanorError)
          expect(['UNSUPPORTED_OPERATION', 'MISSING_EXISTING_STATE', 'INVALID_VALUE', 'MODEL_MISMATCH']).toContain((e as AthanorError).code)
        }
      }),
      { numRuns: 200 },
    )
  })
})
