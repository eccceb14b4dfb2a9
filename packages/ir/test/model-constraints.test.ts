import { describe, expect, it } from 'vitest'
import {
  applyOps, createCheckConstraint, createForeignKey, createIndex, createPrimaryKey, createTable, createUniqueConstraint, dropConstraint, dropIndex,
  emptySnapshot, findTable, type SchemaSnapshot,
} from '@athanor/ir'

const mismatch = (path: string) => expect.objectContaining({ code: 'MODEL_MISMATCH', path })

const base: SchemaSnapshot = applyOps(emptySnapshot(), [
  createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }, { name: 'email', type: 'text' }] }),
  createTable({ tableName: 'post', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'author_id', type: 'integer' }] }),
])
const constraintsOf = (s: SchemaSnapshot, name: string) => findTable(s, name)?.constraints
const indexesOf = (s: SchemaSnapshot, name: string) => findTable(s, name)?.indexes

describe('createPrimaryKey', () => {
  it('puts the key first and makes its columns NOT NULL', () => {
    const s = applyOps(base, [
      createUniqueConstraint({ constraintName: 'uq_email', tableName: 'account', columns: ['email'] }),
      createPrimaryKey({ constraintName: 'pk_account', tableName: 'account', columns: ['id'] }),
    ])
    expect(constraintsOf(s, 'account')).toStrictEqual([
      { type: 'primaryKey', name: 'pk_account', columns: ['id'] },
      { type: 'unique', name: 'uq_email', columns: ['email'] },
    ])
    expect(findTable(s, 'account')?.columns[0]).toStrictEqual({ name: 'id', type: 'integer', nullable: false })
  })

  it('refuses a second key, a missing column and a taken name', () => {
    expect(() => applyOps(base, [createPrimaryKey({ constraintName: 'pk', tableName: 'post', columns: ['id'] })])).toThrow(mismatch('[0].tableName'))
    expect(() => applyOps(base, [createPrimaryKey({ constraintName: 'pk', tableName: 'account', columns: ['id', 'nope'] })])).toThrow(mismatch('[0].columns[1]'))
    const named = applyOps(base, [createCheckConstraint({ constraintName: 'pk', tableName: 'account', condition: 'id > 0' })])
    expect(() => applyOps(named, [createPrimaryKey({ constraintName: 'pk', tableName: 'account', columns: ['id'] })])).toThrow(mismatch('[0].constraintName'))
    expect(applyOps(named, [createPrimaryKey({ constraintName: 'pk', tableName: 'account', columns: ['id'], ifNotExists: true })])).toBe(named)
  })
})

describe('createUniqueConstraint and createCheckConstraint', () => {
  it('append the constraint', () => {
    const s = applyOps(base, [
      createCheckConstraint({ constraintName: 'ck_id', tableName: 'account', condition: 'id > 0', deferrable: true }),
      createUniqueConstraint({ constraintName: 'uq_email', tableName: 'account', columns: ['email'], postgresqlNullsNotDistinct: true }),
    ])
    expect(constraintsOf(s, 'account')).toStrictEqual([
      { type: 'check', name: 'ck_id', condition: 'id > 0', deferrable: true },
      { type: 'unique', name: 'uq_email', columns: ['email'], postgresqlNullsNotDistinct: true },
    ])
  })

  it('refuse a missing table, a missing column and a taken name', () => {
    expect(() => applyOps(base, [createCheckConstraint({ constraintName: 'c', tableName: 'nope', condition: '1 = 1' })])).toThrow(mismatch('[0].tableName'))
    expect(() => applyOps(base, [createUniqueConstraint({ constraintName: 'u', tableName: 'account', columns: ['nope'] })])).toThrow(mismatch('[0].columns[0]'))
    const uq = createUniqueConstraint({ constraintName: 'u', tableName: 'account', columns: ['email'] })
    expect(() => applyOps(base, [uq, uq])).toThrow(mismatch('[1].constraintName'))
    const once = applyOps(base, [uq])
    expect(applyOps(once, [createUniqueConstraint({ ...uq, ifNotExists: true })])).toBe(once)
  })
})

describe('createForeignKey', () => {
  const fk = (fields: Partial<Parameters<typeof createForeignKey>[0]> = {}) =>
    createForeignKey({ constraintName: 'fk_author', sourceTable: 'post', referentTable: 'account', localCols: ['author_id'], remoteCols: ['id'], onDelete: 'CASCADE', ...fields })

  it('appends the key', () => {
    expect(constraintsOf(applyOps(base, [fk()]), 'post')).toStrictEqual([
      { type: 'primaryKey', columns: ['id'] },
      { type: 'foreignKey', name: 'fk_author', localCols: ['author_id'], referentTable: 'account', remoteCols: ['id'], onDelete: 'CASCADE' },
    ])
  })

  it('refuses a missing source table, local column, referent table or remote column', () => {
    expect(() => applyOps(base, [fk({ sourceTable: 'nope' })])).toThrow(mismatch('[0].sourceTable'))
    expect(() => applyOps(base, [fk({ localCols: ['nope'] })])).toThrow(mismatch('[0].localCols[0]'))
    expect(() => applyOps(base, [fk({ referentTable: 'nope' })])).toThrow(mismatch('[0].referentTable'))
    expect(() => applyOps(base, [fk({ referentSchema: 'other' })])).toThrow(mismatch('[0].referentTable'))
    expect(() => applyOps(base, [fk({ remoteCols: ['nope'] })])).toThrow(mismatch('[0].remoteCols[0]'))
  })
})

describe('dropConstraint', () => {
  const s = applyOps(base, [
    createPrimaryKey({ constraintName: 'pk_account', tableName: 'account', columns: ['id'] }),
    createUniqueConstraint({ constraintName: 'uq_email', tableName: 'account', columns: ['email'] }),
  ])

  it('removes the constraint; a dropped key leaves its columns NOT NULL', () => {
    const d = applyOps(s, [dropConstraint({ constraintName: 'pk_account', tableName: 'account', type: 'primaryKey' })])
    expect(constraintsOf(d, 'account')).toStrictEqual([{ type: 'unique', name: 'uq_email', columns: ['email'] }])
    expect(findTable(d, 'account')?.columns[0]?.nullable).toBe(false)
  })

  it('refuses a missing constraint, unless ifExists, and a wrong type', () => {
    expect(() => applyOps(s, [dropConstraint({ constraintName: 'nope', tableName: 'account' })])).toThrow(mismatch('[0].constraintName'))
    expect(applyOps(s, [dropConstraint({ constraintName: 'nope', tableName: 'account', ifExists: true })])).toBe(s)
    expect(() => applyOps(s, [dropConstraint({ constraintName: 'uq_email', tableName: 'account', type: 'check' })])).toThrow(mismatch('[0].type'))
    expect(() => applyOps(s, [dropConstraint({ constraintName: 'uq_email', tableName: 'nope' })])).toThrow(mismatch('[0].tableName'))
  })
})

describe('createIndex', () => {
  it('appends the index, keeping what it is and dropping how it is built', () => {
    const s = applyOps(base, [
      createIndex({ indexName: 'ix_email', tableName: 'account', columns: ['email', { sql: 'lower(email)' }], unique: true, postgresqlConcurrently: true, ifNotExists: true }),
    ])
    expect(indexesOf(s, 'account')).toStrictEqual([{ name: 'ix_email', columns: ['email', { sql: 'lower(email)' }], unique: true }])
  })

  it('refuses a name taken in the schema, unless ifNotExists, and a missing column', () => {
    const s = applyOps(base, [createIndex({ indexName: 'ix', tableName: 'account', columns: ['email'] })])
    expect(() => applyOps(s, [createIndex({ indexName: 'ix', tableName: 'post', columns: ['id'] })])).toThrow(mismatch('[0].indexName'))
    expect(applyOps(s, [createIndex({ indexName: 'ix', tableName: 'post', columns: ['id'], ifNotExists: true })])).toBe(s)
    expect(() => applyOps(base, [createIndex({ indexName: 'ix', tableName: 'account', columns: ['id', 'nope'] })])).toThrow(mismatch('[0].columns[1]'))
    expect(() => applyOps(base, [createIndex({ indexName: 'ix', tableName: 'account', columns: ['id'], postgresqlInclude: ['nope'] })])).toThrow(
      mismatch('[0].postgresqlInclude[0]'),
    )
    expect(() => applyOps(base, [createIndex({ indexName: 'ix', tableName: 'nope', columns: ['id'] })])).toThrow(mismatch('[0].tableName'))
  })
})

describe('dropIndex', () => {
  const s = applyOps(base, [createIndex({ indexName: 'ix_email', tableName: 'account', columns: ['email'] })])

  it('removes the index, found by name with or without its table', () => {
    expect(applyOps(s, [dropIndex({ indexName: 'ix_email' })])).toEqual(base)
    expect(applyOps(s, [dropIndex({ indexName: 'ix_email', tableName: 'account' })])).toEqual(base)
  })

  it('refuses a missing index, unless ifExists, and an index of another table', () => {
    expect(() => applyOps(s, [dropIndex({ indexName: 'nope' })])).toThrow(mismatch('[0].indexName'))
    expect(applyOps(s, [dropIndex({ indexName: 'nope', ifExists: true })])).toBe(s)
    expect(() => applyOps(s, [dropIndex({ indexName: 'ix_email', tableName: 'post' })])).toThrow(mismatch('[0].indexName'))
    expect(() => applyOps(s, [dropIndex({ indexName: 'ix_email', schema: 'other' })])).toThrow(mismatch('[0].indexName'))
    expect(() => applyOps(s, [dropIndex({ indexName: 'ix_email', tableName: 'nope' })])).toThrow(mismatch('[0].tableName'))
  })
})
