import { describe, expect, it } from 'vitest'
import {
  alterColumn, applyOps, batch, createTable, createTableComment, dropColumn, dropConstraint, dropIndex, dropTable, dropTableComment, emptySnapshot,
  fillExisting, fillExistingAll, isDeepFrozen, migrationScript, reverse, upgradeOps, downgradeOps, type SchemaSnapshot,
} from '@athanor/ir'

const mismatch = (path: string) => expect.objectContaining({ code: 'MODEL_MISMATCH', path })

const s: SchemaSnapshot = applyOps(emptySnapshot(), [
  createTable({
    tableName: 'account',
    columns: [
      { name: 'id', type: 'integer', primaryKey: true, autoincrement: true },
      { name: 'email', type: 'text', nullable: false },
      { name: 'name', type: { name: 'varchar', length: 50 }, serverDefault: { literal: 'x' }, comment: 'display name', index: true },
    ],
    constraints: [{ type: 'unique', name: 'uq_email', columns: ['email'] }],
    comment: 'people',
  }),
  createTable({ tableName: 'tag', columns: [{ name: 'id', type: 'integer' }] }),
])

describe('fillExisting', () => {
  it('fills alterColumn existing* from the column, never overwriting what the op gives', () => {
    expect(fillExisting(alterColumn({ tableName: 'account', columnName: 'name', nullable: false }), s)).toStrictEqual(
      alterColumn({
        tableName: 'account', columnName: 'name', nullable: false,
        existingType: { name: 'varchar', length: 50 }, existingNullable: true, existingServerDefault: { literal: 'x' }, existingComment: 'display name', existingIdentity: null,
      }),
    )
    expect(fillExisting(alterColumn({ tableName: 'account', columnName: 'id', type: 'bigint', existingType: 'smallint' }), s)).toStrictEqual(
      alterColumn({
        tableName: 'account', columnName: 'id', type: 'bigint', existingType: 'smallint',
        existingNullable: false, existingServerDefault: null, existingComment: null, existingAutoincrement: true, existingIdentity: null,
      }),
    )
  })

  it('fills dropColumn column, with inlinePrimaryKey for the key column', () => {
    expect(fillExisting(dropColumn({ tableName: 'account', columnName: 'name' }), s)).toStrictEqual(
      dropColumn({
        tableName: 'account', columnName: 'name',
        column: { name: 'name', type: { name: 'varchar', length: 50 }, nullable: true, serverDefault: { literal: 'x' }, comment: 'display name', index: true },
      }),
    )
    expect(fillExisting(dropColumn({ tableName: 'account', columnName: 'id' }), s)).toStrictEqual(
      dropColumn({ tableName: 'account', columnName: 'id', column: { name: 'id', type: 'integer', nullable: false, autoincrement: true, primaryKey: true }, inlinePrimaryKey: true }),
    )
  })

  it('leaves a dropColumn with an mssqlDrop* flag as it is (column excludes them)', () => {
    const op = dropColumn({ tableName: 'account', columnName: 'name', mssqlDropDefault: true })
    expect(fillExisting(op, s)).toBe(op)
  })

  it('fills dropTable table', () => {
    expect(fillExisting(dropTable({ tableName: 'tag' }), s)).toStrictEqual(dropTable({ tableName: 'tag', table: { columns: [{ name: 'id', type: 'integer', nullable: true }] } }))
  })

  it('fills dropConstraint type and constraint', () => {
    expect(fillExisting(dropConstraint({ constraintName: 'uq_email', tableName: 'account' }), s)).toStrictEqual(
      dropConstraint({ constraintName: 'uq_email', tableName: 'account', type: 'unique', constraint: { type: 'unique', columns: ['email'] } }),
    )
    expect(() => fillExisting(dropConstraint({ constraintName: 'uq_email', tableName: 'account', type: 'check' }), s)).toThrow(mismatch('type'))
  })

  it('fills dropIndex tableName and index', () => {
    expect(fillExisting(dropIndex({ indexName: 'ix_account_name' }), s)).toStrictEqual(
      dropIndex({ indexName: 'ix_account_name', tableName: 'account', index: { columns: ['name'] } }),
    )
  })

  it('fills the comment ops existingComment', () => {
    expect(fillExisting(createTableComment({ tableName: 'account', comment: 'users' }), s)).toStrictEqual(
      createTableComment({ tableName: 'account', comment: 'users', existingComment: 'people' }),
    )
    expect(fillExisting(createTableComment({ tableName: 'tag', comment: 'tags' }), s)).toStrictEqual(createTableComment({ tableName: 'tag', comment: 'tags', existingComment: null }))
    expect(fillExisting(dropTableComment({ tableName: 'account' }), s)).toStrictEqual(dropTableComment({ tableName: 'account', existingComment: 'people' }))
    const none = dropTableComment({ tableName: 'tag' })
    expect(fillExisting(none, s)).toBe(none)
  })

  it('makes the filled ops reversible', () => {
    for (const op of [dropColumn({ tableName: 'account', columnName: 'name' }), dropTable({ tableName: 'tag' }), dropIndex({ indexName: 'ix_account_name' })]) {
      const filled = fillExisting(op, s)
      expect(applyOps(s, [filled, reverse(filled)])).toEqual(applyOps(s, []))
    }
  })

  it('refuses what the snapshot lacks, unless ifExists', () => {
    expect(() => fillExisting(alterColumn({ tableName: 'account', columnName: 'nope', nullable: true }), s)).toThrow(mismatch('columnName'))
    expect(() => fillExisting(alterColumn({ tableName: 'nope', columnName: 'a', nullable: true }), s)).toThrow(mismatch('tableName'))
    expect(() => fillExisting(dropIndex({ indexName: 'nope' }), s)).toThrow(mismatch('indexName'))
    for (const op of [
      dropColumn({ tableName: 'account', columnName: 'nope', ifExists: true }),
      dropTable({ tableName: 'nope', ifExists: true }),
      dropIndex({ indexName: 'nope', ifExists: true }),
      dropConstraint({ constraintName: 'nope', tableName: 'account', ifExists: true }),
    ]) {
      expect(fillExisting(op, s)).toBe(op)
    }
  })

  it('fills batch children against the batch table, each after the previous ones', () => {
    const op = batch({
      tableName: 'account',
      ops: [
        { kind: 'alterColumn', columnName: 'name', newColumnName: 'label' },
        { kind: 'dropColumn', columnName: 'label' },
        { kind: 'dropIndex', indexName: 'nope', ifExists: true },
        { kind: 'dropConstraint', constraintName: 'uq_email' },
      ],
    })
    expect(fillExisting(op, s)).toStrictEqual(
      batch({
        tableName: 'account',
        ops: [
          {
            kind: 'alterColumn', columnName: 'name', newColumnName: 'label',
            existingType: { name: 'varchar', length: 50 }, existingNullable: true, existingServerDefault: { literal: 'x' }, existingComment: 'display name', existingIdentity: null,
          },
          // The index is named after the old column: it is not the label column's own flag.
          { kind: 'dropColumn', columnName: 'label', column: { name: 'label', type: { name: 'varchar', length: 50 }, nullable: true, serverDefault: { literal: 'x' }, comment: 'display name' } },
          { kind: 'dropIndex', indexName: 'nope', ifExists: true },
          { kind: 'dropConstraint', constraintName: 'uq_email', type: 'unique', constraint: { type: 'unique', columns: ['email'] } },
        ],
      }),
    )
  })
})

describe('fillExistingAll', () => {
  it('fills each op against the schema the previous ones leave, and returns the last schema', () => {
    const ops = [
      alterColumn({ tableName: 'account', columnName: 'email', nullable: true }),
      alterColumn({ tableName: 'account', columnName: 'email', type: 'bigint' }),
      dropTable({ tableName: 'tag' }),
    ]
    const r = fillExistingAll(ops, s)
    expect(r.ops[1]).toMatchObject({ existingNullable: true, existingType: 'text' })
    expect(r.snapshot).toEqual(applyOps(s, ops))
    expect(isDeepFrozen(r)).toBe(true)
  })

  it('recurses into containers and fills a script downgrade against the upgraded schema', () => {
    const script = migrationScript({
      revId: 'r1',
      upgradeOps: upgradeOps({ ops: [alterColumn({ tableName: 'account', columnName: 'email', type: 'bigint' })] }),
      downgradeOps: downgradeOps({ ops: [alterColumn({ tableName: 'account', columnName: 'email', type: 'text' })] }),
    })
    const [filled] = fillExistingAll([script], s).ops
    expect(filled).toMatchObject({
      upgradeOps: [{ ops: [{ existingType: 'text' }] }],
      downgradeOps: [{ ops: [{ existingType: 'bigint' }] }],
    })
  })

  it('prefixes errors with the op index', () => {
    expect(() => fillExistingAll([dropTable({ tableName: 'tag' }), dropTable({ tableName: 'tag' })], s)).toThrow(mismatch('[1].tableName'))
    expect(() => fillExistingAll([batch({ tableName: 'account', ops: [{ kind: 'alterColumn', columnName: 'nope', nullable: true }] })], s)).toThrow(
      mismatch('[0].ops[0].columnName'),
    )
  })
})
