import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, applyOps, createTable, dropColumn, emptySnapshot, findTable, type SchemaSnapshot,
} from '@athanor/ir'

const mismatch = (path: string) => expect.objectContaining({ code: 'MODEL_MISMATCH', path })

const base: SchemaSnapshot = applyOps(emptySnapshot(), [
  createTable({
    tableName: 'account',
    columns: [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'email', type: 'text', nullable: false, unique: true },
      { name: 'name', type: { name: 'varchar', length: 50 }, serverDefault: { literal: 'x' }, comment: 'display name', index: true },
    ],
    constraints: [
      { type: 'check', name: 'ck_email', condition: "email LIKE '%@%'" },
      { type: 'index', name: 'ix_lower_email', columns: [{ sql: 'lower(email)' }], postgresqlWhere: 'email IS NOT NULL' },
    ],
  }),
  createTable({
    tableName: 'post',
    columns: [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'author_email', type: 'text', foreignKey: { referentTable: 'account', remoteCol: 'email', name: 'fk_author' } },
      { name: 'parent_id', type: 'integer', foreignKey: { referentTable: 'post', remoteCol: 'id' } },
      { name: 'title', type: 'text' },
      { name: 'slug', type: 'text', computed: { sqltext: 'lower(title)' } },
    ],
  }),
])
const table = (s: SchemaSnapshot, name: string) => findTable(s, name)

describe('addColumn', () => {
  it('appends the column and the items its flags imply', () => {
    const s = applyOps(base, [
      addColumn({ tableName: 'post', column: { name: 'editor', type: 'text', unique: true, index: true, foreignKey: { referentTable: 'account', remoteCol: 'email' } } }),
    ])
    const post = table(s, 'post')
    expect(post?.columns.at(-1)).toStrictEqual({ name: 'editor', type: 'text', nullable: true })
    expect(post?.constraints.at(-1)).toStrictEqual({ type: 'foreignKey', localCols: ['editor'], referentTable: 'account', remoteCols: ['email'] })
    expect(post?.indexes).toStrictEqual([{ name: 'ix_post_editor', columns: ['editor'], unique: true }])
  })

  it('makes a primaryKey column NOT NULL, and the key only with inlinePrimaryKey', () => {
    const t = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }] })])
    const plain = applyOps(t, [addColumn({ tableName: 't', column: { name: 'id', type: 'integer', primaryKey: true } })])
    expect(table(plain, 't')?.columns[1]).toStrictEqual({ name: 'id', type: 'integer', nullable: false })
    expect(table(plain, 't')?.constraints).toStrictEqual([])
    const inline = applyOps(t, [addColumn({ tableName: 't', column: { name: 'id', type: 'integer', primaryKey: true }, inlinePrimaryKey: true })])
    expect(table(inline, 't')?.constraints).toStrictEqual([{ type: 'primaryKey', columns: ['id'] }])
    expect(() => applyOps(base, [addColumn({ tableName: 'post', column: { name: 'k', type: 'integer', primaryKey: true }, inlinePrimaryKey: true })])).toThrow(
      mismatch('[0].column.primaryKey'),
    )
  })

  it('refuses a column that exists, unless ifNotExists', () => {
    const op = addColumn({ tableName: 'account', column: { name: 'email', type: 'text' } })
    expect(() => applyOps(base, [op])).toThrow(mismatch('[0].column.name'))
    expect(applyOps(base, [addColumn({ ...op, ifNotExists: true })])).toBe(base)
  })

  it('refuses a missing table, a missing referent and a taken name', () => {
    expect(() => applyOps(base, [addColumn({ tableName: 'nope', column: { name: 'a', type: 'text' } })])).toThrow(mismatch('[0].tableName'))
    const fk = (referentTable: string, remoteCol: string) => addColumn({ tableName: 'post', column: { name: 'a', type: 'text', foreignKey: { referentTable, remoteCol } } })
    expect(() => applyOps(base, [fk('nope', 'id')])).toThrow(mismatch('[0].column.foreignKey.referentTable'))
    expect(() => applyOps(base, [fk('account', 'nope')])).toThrow(mismatch('[0].column.foreignKey.remoteCol'))
    expect(applyOps(base, [fk('post', 'a')]).tables).toHaveLength(2)
    expect(() => applyOps(base, [addColumn({ tableName: 'post', column: { name: 'a', type: 'text', check: { condition: 'a', name: 'ck_email' } } })])).not.toThrow()
    expect(() => applyOps(base, [addColumn({ tableName: 'account', column: { name: 'a', type: 'text', check: { condition: 'a', name: 'ck_email' } } })])).toThrow(
      mismatch('[0].column.check.name'),
    )
    expect(() => applyOps(base, [addColumn({ tableName: 'account', column: { name: 'a', type: 'text', foreignKey: { referentTable: 'post', remoteCol: 'id', name: 'ck_email' } } })])).toThrow(
      mismatch('[0].column.foreignKey.name'),
    )
  })
})

describe('alterColumn', () => {
  it('changes type, nullability, default, comment, identity and autoincrement', () => {
    const s = applyOps(base, [
      alterColumn({ tableName: 'account', columnName: 'name', type: 'text', nullable: false, serverDefault: { sql: "''" }, comment: 'shown', autoincrement: false }),
      alterColumn({ tableName: 'post', columnName: 'title', identity: { start: 5 } }),
    ])
    expect(table(s, 'account')?.columns[2]).toStrictEqual({ name: 'name', type: 'text', nullable: false, serverDefault: { sql: "''" }, comment: 'shown', autoincrement: false })
    expect(table(s, 'post')?.columns[3]).toStrictEqual({ name: 'title', type: 'text', nullable: true, identity: { start: 5 } })
    const cleared = applyOps(s, [
      alterColumn({ tableName: 'account', columnName: 'name', serverDefault: null, comment: null }),
      alterColumn({ tableName: 'post', columnName: 'title', identity: null }),
    ])
    expect(table(cleared, 'account')?.columns[2]).toStrictEqual({ name: 'name', type: 'text', nullable: false, autoincrement: false })
    expect(table(cleared, 'post')?.columns[3]).toStrictEqual({ name: 'title', type: 'text', nullable: true })
  })

  it('renames the column in constraints, indexes, checks and the foreign keys pointing at it', () => {
    const s = applyOps(base, [alterColumn({ tableName: 'account', columnName: 'email', newColumnName: 'mail' })])
    const account = table(s, 'account')
    expect(account?.columns.map((c) => c.name)).toEqual(['id', 'mail', 'name'])
    expect(account?.constraints).toStrictEqual([
      { type: 'primaryKey', columns: ['id'] },
      { type: 'check', name: 'ck_email', condition: "mail LIKE '%@%'" },
      { type: 'unique', columns: ['mail'] },
    ])
    expect(account?.indexes).toStrictEqual([
      { name: 'ix_lower_email', columns: [{ sql: 'lower(mail)' }], postgresqlWhere: 'mail IS NOT NULL' },
      { name: 'ix_account_name', columns: ['name'] },
    ])
    expect(table(s, 'post')?.constraints[1]).toStrictEqual({ type: 'foreignKey', name: 'fk_author', localCols: ['author_email'], referentTable: 'account', remoteCols: ['mail'] })
  })

  it('renames both ends of a self-reference and computed columns', () => {
    const s = applyOps(base, [
      alterColumn({ tableName: 'post', columnName: 'id', newColumnName: 'post_id' }),
      alterColumn({ tableName: 'post', columnName: 'title', newColumnName: 'Title' }),
    ])
    const post = table(s, 'post')
    expect(post?.constraints[0]).toStrictEqual({ type: 'primaryKey', columns: ['post_id'] })
    expect(post?.constraints[2]).toStrictEqual({ type: 'foreignKey', localCols: ['parent_id'], referentTable: 'post', remoteCols: ['post_id'] })
    expect(post?.columns[4]).toStrictEqual({ name: 'slug', type: 'text', nullable: true, computed: { sqltext: 'lower("Title")' } })
  })

  it('refuses a missing table or column, a taken name, and NULL in the primary key', () => {
    expect(() => applyOps(base, [alterColumn({ tableName: 'nope', columnName: 'id', nullable: true })])).toThrow(mismatch('[0].tableName'))
    expect(() => applyOps(base, [alterColumn({ tableName: 'account', columnName: 'nope', nullable: true })])).toThrow(mismatch('[0].columnName'))
    expect(() => applyOps(base, [alterColumn({ tableName: 'account', columnName: 'email', newColumnName: 'name' })])).toThrow(mismatch('[0].newColumnName'))
    expect(() => applyOps(base, [alterColumn({ tableName: 'account', columnName: 'id', nullable: true })])).toThrow(mismatch('[0].nullable'))
  })
})

describe('dropColumn', () => {
  it('removes the column and every constraint and index that uses it', () => {
    const s = applyOps(base, [dropColumn({ tableName: 'post', columnName: 'author_email' }), dropColumn({ tableName: 'account', columnName: 'email' })])
    const account = table(s, 'account')
    expect(account?.columns.map((c) => c.name)).toEqual(['id', 'name'])
    expect(account?.constraints).toStrictEqual([{ type: 'primaryKey', columns: ['id'] }])
    expect(account?.indexes).toStrictEqual([{ name: 'ix_account_name', columns: ['name'] }])
    expect(table(s, 'post')?.constraints).toStrictEqual([
      { type: 'primaryKey', columns: ['id'] },
      { type: 'foreignKey', localCols: ['parent_id'], referentTable: 'post', remoteCols: ['id'] },
    ])
  })

  it('drops a whole composite key and the self-references to the column, as PostgreSQL does', () => {
    const s0 = applyOps(emptySnapshot(), [
      createTable({
        tableName: 't',
        columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }, { name: 'c', type: 'integer' }],
        constraints: [
          { type: 'primaryKey', columns: ['a', 'b'] },
          { type: 'foreignKey', localCols: ['c'], referentTable: 't', remoteCols: ['a'] },
        ],
      }),
    ])
    expect(table(applyOps(s0, [dropColumn({ tableName: 't', columnName: 'a' })]), 't')).toStrictEqual({
      name: 't',
      columns: [{ name: 'b', type: 'integer', nullable: false }, { name: 'c', type: 'integer', nullable: true }],
      constraints: [],
      indexes: [],
    })
  })

  it('refuses a column another table references, a computed column uses, or the last column', () => {
    expect(() => applyOps(base, [dropColumn({ tableName: 'account', columnName: 'email' })])).toThrow(mismatch('[0].columnName'))
    expect(() => applyOps(base, [dropColumn({ tableName: 'post', columnName: 'title' })])).toThrow(mismatch('[0].columnName'))
    const one = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }] })])
    expect(() => applyOps(one, [dropColumn({ tableName: 't', columnName: 'a' })])).toThrow(mismatch('[0].columnName'))
  })

  it('refuses a missing column, unless ifExists, and a missing table', () => {
    expect(() => applyOps(base, [dropColumn({ tableName: 'account', columnName: 'nope' })])).toThrow(mismatch('[0].columnName'))
    expect(applyOps(base, [dropColumn({ tableName: 'account', columnName: 'nope', ifExists: true })])).toBe(base)
    expect(() => applyOps(base, [dropColumn({ tableName: 'nope', columnName: 'a', ifExists: true })])).toThrow(mismatch('[0].tableName'))
  })
})
