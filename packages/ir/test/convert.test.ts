import { describe, expect, it } from 'vitest'
import {
  addColumn, addColumnOf, applyOps, columnOf, constraintModelOf, createCheckConstraint, createConstraintOf, createForeignKey, createIndex, createIndexOf,
  createPrimaryKey, createTable, createTableOf, createUniqueConstraint, dropColumnOf, dropConstraintOf, dropIndexOf, emptySnapshot, findTable,
  indexModelOf, isDeepFrozen, normalizeTable, reverse, tableDefinitionOf, tableModelOf, type ConstraintModel, type CreateTableOp, type SchemaSnapshot,
} from '@athanor/ir'

const richTable: CreateTableOp = createTable({
  tableName: 'post',
  schema: 'blog',
  columns: [
    { name: 'id', type: 'integer', primaryKey: true, autoincrement: true },
    { name: 'author_id', type: 'integer', nullable: false, foreignKey: { referentTable: 'post', referentSchema: 'blog', remoteCol: 'id', onDelete: 'CASCADE' } },
    { name: 'slug', type: { name: 'varchar', length: 80 }, unique: true, index: true, comment: 'url part' },
    { name: 'score', type: 'integer', serverDefault: { sql: '0' }, check: { condition: 'score >= 0', name: 'ck_score' } },
  ],
  constraints: [
    { type: 'unique', name: 'uq_author_slug', columns: ['author_id', 'slug'], deferrable: true },
    { type: 'index', name: 'ix_score', columns: ['score', { sql: 'lower(slug)' }], postgresqlUsing: 'btree' },
  ],
  comment: 'posts',
  postgresqlTablespace: 'fast',
})

const createdBy = (op: CreateTableOp): SchemaSnapshot => applyOps(emptySnapshot(), [op])

describe('tables', () => {
  it('tableModelOf gives what applying the createTable gives', () => {
    expect(createdBy(richTable).tables[0]).toStrictEqual(tableModelOf(richTable))
  })

  it('createTableOf(tableModelOf(op)) creates the same model', () => {
    const again = createTableOf(tableModelOf(richTable))
    expect(isDeepFrozen(again)).toBe(true)
    expect(createdBy(again)).toStrictEqual(createdBy(richTable))
    expect(tableModelOf(again)).toStrictEqual(tableModelOf(richTable))
  })

  it('tableDefinitionOf states nullability and lists every constraint and index at table level', () => {
    const table = tableModelOf(createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'a', type: 'text', index: true }] }))
    const def = tableDefinitionOf(table)
    expect(def).toStrictEqual({
      columns: [{ name: 'id', type: 'integer', nullable: false }, { name: 'a', type: 'text', nullable: true }],
      constraints: [{ type: 'primaryKey', columns: ['id'] }, { type: 'index', name: 'ix_t_a', columns: ['a'] }],
    })
    expect(tableDefinitionOf(normalizeTable('t', undefined, def))).toStrictEqual(def)
  })
})

describe('columns', () => {
  const s = createdBy(richTable)
  const post = findTable(s, 'post', 'blog')
  if (post === undefined) throw new Error('fixture')

  it('columnOf puts back on the column what belongs to it alone', () => {
    expect(columnOf(post, 'id')).toStrictEqual({ name: 'id', type: 'integer', nullable: false, autoincrement: true, primaryKey: true })
    expect(columnOf(post, 'author_id')).toStrictEqual({
      name: 'author_id', type: 'integer', nullable: false, foreignKey: { referentTable: 'post', referentSchema: 'blog', remoteCol: 'id', onDelete: 'CASCADE' },
    })
    expect(columnOf(post, 'slug')).toStrictEqual({ name: 'slug', type: { name: 'varchar', length: 80 }, nullable: true, comment: 'url part', unique: true, index: true })
    expect(columnOf(post, 'score')).toStrictEqual({ name: 'score', type: 'integer', nullable: true, serverDefault: { sql: '0' }, check: { condition: 'score >= 0', name: 'ck_score' } })
    expect(() => columnOf(post, 'nope')).toThrow(expect.objectContaining({ code: 'MODEL_MISMATCH', path: 'columnName' }))
  })

  it('addColumnOf and dropColumnOf carry the column, and inlinePrimaryKey for a key column', () => {
    const column = columnOf(post, 'id')
    expect(addColumnOf('post', column, 'blog')).toStrictEqual(addColumn({ tableName: 'post', column, schema: 'blog', inlinePrimaryKey: true }))
    const drop = dropColumnOf('post', column, 'blog')
    expect(drop).toMatchObject({ kind: 'dropColumn', tableName: 'post', columnName: 'id', schema: 'blog', column, inlinePrimaryKey: true })
    expect(reverse(drop)).toStrictEqual(addColumnOf('post', column, 'blog'))
  })

  it('a dropped column added back brings back its single-column constraints', () => {
    const t = createdBy(createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'a', type: 'text', unique: true, check: { condition: "a <> ''" } }] }))
    const table = findTable(t, 't')
    if (table === undefined) throw new Error('fixture')
    const drop = dropColumnOf('t', columnOf(table, 'a'))
    expect(applyOps(t, [drop, reverse(drop)])).toStrictEqual(t)
  })
})

describe('indexes', () => {
  const op = createIndex({ indexName: 'ix_a', tableName: 't', schema: 's', columns: ['a', { sql: 'lower(b)' }], unique: true, postgresqlConcurrently: true, ifNotExists: true })

  it('indexModelOf keeps what the index is', () => {
    expect(indexModelOf(op)).toStrictEqual({ name: 'ix_a', columns: ['a', { sql: 'lower(b)' }], unique: true })
  })

  it('createIndexOf and dropIndexOf round-trip the model', () => {
    const index = indexModelOf(op)
    expect(indexModelOf(createIndexOf('t', index, 's'))).toStrictEqual(index)
    expect(dropIndexOf('t', index, 's')).toMatchObject({ kind: 'dropIndex', indexName: 'ix_a', tableName: 't', schema: 's', index: { columns: ['a', { sql: 'lower(b)' }], unique: true } })
    expect(reverse(dropIndexOf('t', index, 's'))).toStrictEqual(createIndexOf('t', index, 's'))
  })
})

describe('constraints', () => {
  const ops = [
    createPrimaryKey({ constraintName: 'pk', tableName: 't', columns: ['a'], mssqlClustered: true }),
    createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['a', 'b'], postgresqlNullsNotDistinct: true }),
    createForeignKey({ constraintName: 'fk', sourceTable: 't', referentTable: 'u', localCols: ['a'], remoteCols: ['id'], onUpdate: 'CASCADE', match: 'FULL' }),
    createCheckConstraint({ constraintName: 'ck', tableName: 't', condition: 'a > b', initially: 'DEFERRED', deferrable: true }),
  ] as const

  it('constraintModelOf keeps the definition and the name', () => {
    expect(ops.map(constraintModelOf)).toStrictEqual([
      { type: 'primaryKey', name: 'pk', columns: ['a'], mssqlClustered: true },
      { type: 'unique', name: 'uq', columns: ['a', 'b'], postgresqlNullsNotDistinct: true },
      { type: 'foreignKey', name: 'fk', referentTable: 'u', localCols: ['a'], remoteCols: ['id'], onUpdate: 'CASCADE', match: 'FULL' },
      { type: 'check', name: 'ck', condition: 'a > b', initially: 'DEFERRED', deferrable: true },
    ])
  })

  it('createConstraintOf(constraintModelOf(op)) gives the op back, without ifNotExists and info', () => {
    for (const op of ops) expect(createConstraintOf('t', constraintModelOf(op))).toStrictEqual(op)
    const withSchema = createForeignKey({ constraintName: 'fk', sourceTable: 't', sourceSchema: 's', referentTable: 'u', localCols: ['a'], remoteCols: ['id'] })
    expect(createConstraintOf('t', constraintModelOf(withSchema), 's')).toStrictEqual(withSchema)
  })

  it('dropConstraintOf carries type and definition, and reverses to the create op', () => {
    for (const op of ops) {
      const drop = dropConstraintOf('t', constraintModelOf(op))
      expect(drop).toMatchObject({ kind: 'dropConstraint', constraintName: op.constraintName, tableName: 't', type: constraintModelOf(op).type })
      expect(reverse(drop)).toStrictEqual(op)
    }
  })

  it('refuses an unnamed constraint', () => {
    const unnamed: ConstraintModel = { type: 'unique', columns: ['a'] }
    expect(() => createConstraintOf('t', unnamed)).toThrow(expect.objectContaining({ code: 'MISSING_FIELD', path: 'name', kind: 'createUniqueConstraint' }))
    expect(() => dropConstraintOf('t', unnamed)).toThrow(expect.objectContaining({ code: 'MISSING_FIELD', path: 'name', kind: 'dropConstraint' }))
  })
})
