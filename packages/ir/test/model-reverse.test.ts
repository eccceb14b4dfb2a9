import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, applyOps, batch, builtinRegistry, createCheckConstraint, createForeignKey, createIndex, createPrimaryKey, createTable, createTableComment,
  createUniqueConstraint, dropColumn, dropConstraint, dropIndex, dropTable, dropTableComment, emptySnapshot, fillExisting, renameTable, reverse, sameSchema,
  tableAfterBatch, tableModelOf, upgradeOps, type Op, type SchemaSnapshot,
} from '@athanor/ir'

const s: SchemaSnapshot = applyOps(emptySnapshot(), [
  createTable({
    tableName: 'account',
    columns: [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'email', type: 'text', nullable: false, unique: true },
      { name: 'name', type: 'text', comment: 'shown', serverDefault: { literal: 'x' }, index: true },
      { name: 'age', type: 'integer' },
    ],
    comment: 'people',
  }),
  createTable({ tableName: 'post', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'author_id', type: 'integer', nullable: false }] }),
  createTable({ tableName: 'tag', columns: [{ name: 'code', type: 'text', nullable: false }] }),
])

/** The op filled from the model, then the op and its reverse applied. */
const roundTrip = (op: Op): SchemaSnapshot => {
  const filled = fillExisting(op, s)
  return applyOps(s, [filled, reverse(filled)])
}

describe('applyOps(s, [op, reverse(op)])', () => {
  it('gives s back exactly for ops whose reverse restores the order', () => {
    const ops: Op[] = [
      addColumn({ tableName: 'account', column: { name: 'bio', type: 'text', unique: true, foreignKey: { referentTable: 'post', remoteCol: 'id' } } }),
      alterColumn({ tableName: 'account', columnName: 'name', type: { name: 'varchar', length: 9 }, nullable: false, serverDefault: null, comment: 'label', newColumnName: 'label' }),
      alterColumn({ tableName: 'account', columnName: 'age', serverDefault: { sql: '0' }, comment: 'years' }),
      renameTable({ oldTableName: 'account', newTableName: 'person' }),
      createTable({ tableName: 'extra', columns: [{ name: 'id', type: 'integer', foreignKey: { referentTable: 'account', remoteCol: 'id' } }] }),
      createIndex({ indexName: 'ix_age', tableName: 'account', columns: ['age'] }),
      dropIndex({ indexName: 'ix_account_name' }),
      createPrimaryKey({ constraintName: 'pk_tag', tableName: 'tag', columns: ['code'] }),
      createUniqueConstraint({ constraintName: 'uq_age', tableName: 'account', columns: ['age'] }),
      createForeignKey({ constraintName: 'fk_author', sourceTable: 'post', referentTable: 'account', localCols: ['author_id'], remoteCols: ['id'] }),
      createCheckConstraint({ constraintName: 'ck_age', tableName: 'account', condition: 'age > 0' }),
      createTableComment({ tableName: 'account', comment: 'users' }),
      createTableComment({ tableName: 'tag', comment: 'tags' }),
      dropTableComment({ tableName: 'account' }),
      upgradeOps({ ops: [addColumn({ tableName: 'tag', column: { name: 'label', type: 'text' } }), renameTable({ oldTableName: 'tag', newTableName: 'label' })] }),
      batch({ tableName: 'account', ops: [{ kind: 'alterColumn', columnName: 'age', type: 'bigint' }, { kind: 'addColumn', column: { name: 'z', type: 'text' }, insertAfter: 'id' }] }),
    ]
    for (const op of ops) expect(roundTrip(op)).toStrictEqual(s)
  })

  it('gives s back up to order when a drop is undone by a create, which appends', () => {
    const ops: Op[] = [
      dropColumn({ tableName: 'account', columnName: 'name' }),
      dropColumn({ tableName: 'account', columnName: 'id' }),
      dropTable({ tableName: 'account' }),
      dropConstraint({ constraintName: 'pk_tag', tableName: 'tag' }),
      batch({ tableName: 'account', ops: [{ kind: 'dropColumn', columnName: 'email' }, { kind: 'dropIndex', indexName: 'ix_account_name' }] }),
    ]
    const withKey = applyOps(s, [createPrimaryKey({ constraintName: 'pk_tag', tableName: 'tag', columns: ['code'] }), createCheckConstraint({ constraintName: 'ck', tableName: 'tag', condition: '1 = 1' })])
    for (const op of ops) {
      const base = op.kind === 'dropConstraint' ? withKey : s
      const filled = fillExisting(op, base)
      const back = applyOps(base, [filled, reverse(filled)])
      expect(sameSchema(back, base)).toBe(true)
    }
    // The column order is what differs: engines append a column added back.
    expect(roundTrip(dropColumn({ tableName: 'account', columnName: 'name' }))).not.toStrictEqual(s)
  })
})

describe('sameSchema', () => {
  it('ignores the order of tables, columns, constraints and indexes, nothing else', () => {
    const reordered: SchemaSnapshot = { tables: [...s.tables].reverse().map((t) => ({ ...t, columns: [...t.columns].reverse(), constraints: [...t.constraints].reverse() })) }
    expect(sameSchema(reordered, s)).toBe(true)
    expect(sameSchema(applyOps(s, [alterColumn({ tableName: 'account', columnName: 'age', nullable: false })]), s)).toBe(false)
    expect(sameSchema(applyOps(s, [dropTable({ tableName: 'tag' })]), s)).toBe(false)
    const keyOrder = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }], constraints: [{ type: 'primaryKey', columns: ['b', 'a'] }] })])
    const keyOrder2 = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }], constraints: [{ type: 'primaryKey', columns: ['a', 'b'] }] })])
    expect(sameSchema(keyOrder, keyOrder2)).toBe(false)
  })
})

describe('tableAfterBatch', () => {
  const copyFrom = {
    columns: [
      { name: 'id', type: 'integer' as const, primaryKey: true },
      { name: 'author_id', type: 'integer' as const, foreignKey: { referentTable: 'account', remoteCol: 'id' } },
      { name: 'x', type: 'text' as const },
    ],
  }
  const op = batch({
    tableName: 'post',
    copyFrom,
    ops: [
      { kind: 'addColumn', column: { name: 'y', type: 'text' }, insertBefore: 'x' },
      { kind: 'dropColumn', columnName: 'x' },
      { kind: 'createForeignKey', constraintName: 'fk_tag', referentTable: 'tag', referentSchema: 'meta', localCols: ['y'], remoteCols: ['code'] },
    ],
  })

  it('applies the children to copyFrom, with stand-ins for the referenced tables', () => {
    expect(tableAfterBatch(op, builtinRegistry())).toStrictEqual({
      columns: [
        { name: 'id', type: 'integer', nullable: false },
        { name: 'author_id', type: 'integer', nullable: true },
        { name: 'y', type: 'text', nullable: true },
      ],
      constraints: [
        { type: 'primaryKey', columns: ['id'] },
        { type: 'foreignKey', localCols: ['author_id'], referentTable: 'account', remoteCols: ['id'] },
        { type: 'foreignKey', name: 'fk_tag', localCols: ['y'], referentTable: 'tag', referentSchema: 'meta', remoteCols: ['code'] },
      ],
    })
  })

  it('is what reverse gives the reverse batch as copyFrom', () => {
    const back = reverse(fillExisting(op, applyOps(emptySnapshot(), [
      createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }] }),
      createTable({ tableName: 'tag', schema: 'meta', columns: [{ name: 'code', type: 'text' }] }),
      createTable({ tableName: 'post', ...copyFrom }),
    ])))
    expect(back).toMatchObject({ kind: 'batch', copyFrom: tableAfterBatch(op) })
    // Reversing twice gives copyFrom in the model's spelling: the same table.
    const twice = reverse(back)
    expect(twice.kind === 'batch' && twice.copyFrom !== undefined && tableModelOf(createTable({ tableName: 'post', ...twice.copyFrom }))).toStrictEqual(
      tableModelOf(createTable({ tableName: 'post', ...copyFrom })),
    )
  })

  it('refuses a batch without copyFrom, and a child that does not fit', () => {
    expect(() => tableAfterBatch(batch({ tableName: 't', ops: [] }))).toThrow(expect.objectContaining({ code: 'MISSING_FIELD', path: 'copyFrom' }))
    expect(() => tableAfterBatch(batch({ tableName: 't', copyFrom, ops: [{ kind: 'dropColumn', columnName: 'nope' }] }))).toThrow(
      expect.objectContaining({ code: 'MODEL_MISMATCH', path: 'ops[0].columnName' }),
    )
  })
})
