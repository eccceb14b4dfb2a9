import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, asDiffs, batch, bulkInsert, createCheckConstraint, createForeignKey, createIndex, createPrimaryKey, createTable,
  createTableComment, createUniqueConstraint, downgradeOps, dropColumn, dropConstraint, dropIndex, dropTable, dropTableComment, executeSql,
  isDeepFrozen, migrationScript, modifyTableOps, renameTable, reverse, toDiffTuple, upgradeOps,
  type AlterColumnDiff, type DiffOf, type DiffTuple,
} from '@athanor/ir'

const plan = { name: 'plan', type: { name: 'varchar', length: 20 }, nullable: false } as const

describe('addColumn', () => {
  it('yields add_column with the schema, the table and the column', () => {
    const d: DiffOf<'add_column'> = toDiffTuple(addColumn({ tableName: 'account', schema: 'app', column: plan }))
    expect(d).toEqual(['add_column', 'app', 'account', plan])
    expect(isDeepFrozen(d)).toBe(true)
  })

  it('gives null for an absent schema', () => {
    expect(toDiffTuple(addColumn({ tableName: 'account', column: plan }))).toEqual(['add_column', null, 'account', plan])
  })
})

describe('dropColumn', () => {
  it('yields remove_column with the column it carries', () => {
    expect(toDiffTuple(dropColumn({ tableName: 'account', columnName: 'plan', column: plan }))).toEqual(['remove_column', null, 'account', plan])
  })

  it('yields a placeholder with the name only when the column is not carried', () => {
    expect(toDiffTuple(dropColumn({ tableName: 'account', schema: 'app', columnName: 'plan' }))).toEqual([
      'remove_column', 'app', 'account', { name: 'plan' },
    ])
  })
})

describe('alterColumn', () => {
  it('yields one tuple per change, in the order type, nullable, default, comment', () => {
    const op = alterColumn({
      tableName: 'account', columnName: 'plan', schema: 'app',
      type: 'text', existingType: { name: 'varchar', length: 20 },
      nullable: true, existingNullable: false,
      serverDefault: { literal: 'free' }, existingServerDefault: null,
      comment: 'the plan', existingComment: null,
    })
    const d: readonly AlterColumnDiff[] = toDiffTuple(op)
    expect(d).toEqual([
      ['modify_type', 'app', 'account', 'plan', { existingNullable: false, existingServerDefault: null, existingComment: null }, { name: 'varchar', length: 20 }, 'text'],
      ['modify_nullable', 'app', 'account', 'plan', { existingType: { name: 'varchar', length: 20 }, existingServerDefault: null, existingComment: null }, false, true],
      ['modify_default', 'app', 'account', 'plan', { existingNullable: false, existingType: { name: 'varchar', length: 20 }, existingComment: null }, null, { literal: 'free' }],
      ['modify_comment', 'app', 'account', 'plan', { existingNullable: false, existingType: { name: 'varchar', length: 20 }, existingServerDefault: null }, null, 'the plan'],
    ])
    expect(isDeepFrozen(d)).toBe(true)
  })

  it('leaves unknown existing values undefined, and out of the existing state', () => {
    const d = toDiffTuple(alterColumn({ tableName: 'account', columnName: 'plan', type: 'text' }))
    expect(d).toEqual([['modify_type', null, 'account', 'plan', {}, undefined, 'text']])
    expect(d[0]?.[4]).toStrictEqual({})
  })

  it('yields null for a default or comment removed', () => {
    const d = toDiffTuple(alterColumn({ tableName: 't', columnName: 'c', serverDefault: null, comment: null, existingComment: 'old' }))
    expect(d).toEqual([
      ['modify_default', null, 't', 'c', { existingComment: 'old' }, undefined, null],
      ['modify_comment', null, 't', 'c', {}, 'old', null],
    ])
  })

  it('yields an empty list when nothing changes', () => {
    expect(toDiffTuple(alterColumn({ tableName: 't', columnName: 'c', existingType: 'text' }))).toEqual([])
  })

  it('yields rename_column last for a rename (Alembic has no diff for it)', () => {
    const d = toDiffTuple(alterColumn({ tableName: 't', columnName: 'c', newColumnName: 'd', nullable: false, existingNullable: true }))
    expect(d).toEqual([
      ['modify_nullable', null, 't', 'c', {}, true, false],
      ['rename_column', null, 't', 'c', 'd'],
    ])
  })

  it('yields modify_identity for an identity change, after the default (Alembic counts it as a default)', () => {
    const d = toDiffTuple(alterColumn({
      tableName: 't', columnName: 'id', identity: { always: true }, existingIdentity: null, serverDefault: null, existingServerDefault: { sql: '0' },
    }))
    expect(d).toEqual([
      ['modify_default', null, 't', 'id', {}, { sql: '0' }, null],
      ['modify_identity', null, 't', 'id', { existingServerDefault: { sql: '0' } }, null, { always: true }],
    ])
  })

  it('yields modify_autoincrement for an autoincrement change (Alembic has no diff for it)', () => {
    const d = toDiffTuple(alterColumn({ tableName: 't', columnName: 'id', autoincrement: true, existingAutoincrement: false, existingType: 'integer' }))
    expect(d).toEqual([['modify_autoincrement', null, 't', 'id', { existingType: 'integer' }, false, true]])
  })
})

describe('createTable', () => {
  it('yields add_table with the op, which holds the whole table', () => {
    const op = createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }] })
    expect(toDiffTuple(op)).toEqual(['add_table', op])
    expect(toDiffTuple(op)[1]).toBe(op)
  })
})

describe('dropTable', () => {
  it('yields remove_table with the op, with or without the definition dropped', () => {
    const bare = dropTable({ tableName: 'account' })
    const full = dropTable({ tableName: 'account', table: { columns: [{ name: 'id', type: 'integer' }] } })
    expect(toDiffTuple(bare)).toEqual(['remove_table', bare])
    expect(toDiffTuple(full)).toEqual(['remove_table', full])
  })
})

describe('renameTable', () => {
  it('yields rename_table with the schema and both names (Alembic raises instead)', () => {
    expect(toDiffTuple(renameTable({ oldTableName: 'a', newTableName: 'b', schema: 'app' }))).toEqual(['rename_table', 'app', 'a', 'b'])
    expect(toDiffTuple(renameTable({ oldTableName: 'a', newTableName: 'b' }))).toEqual(['rename_table', null, 'a', 'b'])
  })
})

describe('createIndex', () => {
  it('yields add_index with the op', () => {
    const op = createIndex({ indexName: 'ix_a_email', tableName: 'a', columns: ['email'], unique: true })
    expect(toDiffTuple(op)).toEqual(['add_index', op])
  })
})

describe('dropIndex', () => {
  it('yields remove_index with the op', () => {
    const op = dropIndex({ indexName: 'ix_a_email' })
    expect(toDiffTuple(op)).toEqual(['remove_index', op])
  })
})

describe('createPrimaryKey', () => {
  it('yields add_constraint with the op', () => {
    const op = createPrimaryKey({ constraintName: 'pk_a', tableName: 'a', columns: ['id'] })
    expect(toDiffTuple(op)).toEqual(['add_constraint', op])
  })
})

describe('createUniqueConstraint', () => {
  it('yields add_constraint with the op', () => {
    const op = createUniqueConstraint({ constraintName: 'uq_a_email', tableName: 'a', columns: ['email'] })
    expect(toDiffTuple(op)).toEqual(['add_constraint', op])
  })
})

describe('createCheckConstraint', () => {
  it('yields add_constraint with the op', () => {
    const op = createCheckConstraint({ constraintName: 'ck_a_age', tableName: 'a', condition: 'age >= 0' })
    expect(toDiffTuple(op)).toEqual(['add_constraint', op])
  })
})

describe('createForeignKey', () => {
  it('yields add_fk with the op', () => {
    const op = createForeignKey({ constraintName: 'fk_p_a', sourceTable: 'p', referentTable: 'a', localCols: ['a_id'], remoteCols: ['id'] })
    expect(toDiffTuple(op)).toEqual(['add_fk', op])
  })
})

describe('dropConstraint', () => {
  it('yields remove_fk for a foreign key', () => {
    const op = dropConstraint({ constraintName: 'fk_p_a', tableName: 'p', type: 'foreignKey' })
    expect(toDiffTuple(op)).toEqual(['remove_fk', op])
  })

  it('yields remove_constraint for any other type', () => {
    const op = dropConstraint({ constraintName: 'uq_a', tableName: 'a', type: 'unique', constraint: { type: 'unique', columns: ['email'] } })
    expect(toDiffTuple(op)).toEqual(['remove_constraint', op])
  })

  it('yields remove_constraint for a drop without type or definition (Alembic raises instead)', () => {
    const op = dropConstraint({ constraintName: 'x', tableName: 'a' })
    expect(toDiffTuple(op)).toEqual(['remove_constraint', op])
  })
})

describe('createTableComment', () => {
  it('yields add_table_comment with the op and the existing comment', () => {
    const op = createTableComment({ tableName: 'a', comment: 'new', existingComment: 'old' })
    expect(toDiffTuple(op)).toEqual(['add_table_comment', op, 'old'])
  })

  it('gives null when there was no comment, undefined when it is not known', () => {
    const none = createTableComment({ tableName: 'a', comment: 'new', existingComment: null })
    const unknown = createTableComment({ tableName: 'a', comment: 'new' })
    expect(toDiffTuple(none)).toEqual(['add_table_comment', none, null])
    expect(toDiffTuple(unknown)).toEqual(['add_table_comment', unknown, undefined])
    expect(toDiffTuple(unknown)).toHaveLength(3)
  })
})

describe('dropTableComment', () => {
  it('yields remove_table_comment with the op', () => {
    const op = dropTableComment({ tableName: 'a', existingComment: 'old' })
    expect(toDiffTuple(op)).toEqual(['remove_table_comment', op])
  })
})

describe('executeSql', () => {
  it('yields execute with the SQL text', () => {
    expect(toDiffTuple(executeSql({ sqltext: 'SELECT 1', reverseSqltext: 'SELECT 2' }))).toEqual(['execute', 'SELECT 1'])
  })
})

describe('bulkInsert', () => {
  it('has no diff tuple', () => {
    const op = bulkInsert({ tableName: 'a', columns: [{ name: 'id', type: 'integer' }], rows: [{ id: 1 }] })
    expect(() => toDiffTuple(op)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'bulkInsert', path: '' }))
    expect(() => asDiffs(upgradeOps({ ops: [dropTable({ tableName: 'b' }), op] }))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'bulkInsert' }),
    )
  })
})

describe('upgradeOps', () => {
  it('has no diff tuple of its own', () => {
    expect(() => toDiffTuple(upgradeOps({ ops: [] }))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'upgradeOps' }))
  })

  it('flattens nested containers and spreads alterColumn lists, in order', () => {
    const add = addColumn({ tableName: 'a', column: plan })
    const idx = createIndex({ indexName: 'ix_a_plan', tableName: 'a', columns: ['plan'] })
    const up = upgradeOps({
      ops: [
        add,
        modifyTableOps({
          tableName: 'a',
          ops: [
            alterColumn({ tableName: 'a', columnName: 'plan', nullable: true, existingNullable: false, comment: 'x', existingComment: null }),
            idx,
          ],
        }),
        modifyTableOps({ tableName: 'b', ops: [] }),
        executeSql({ sqltext: 'SELECT 1' }),
      ],
    })
    const d = asDiffs(up)
    expect(d).toEqual([
      ['add_column', null, 'a', plan],
      ['modify_nullable', null, 'a', 'plan', { existingComment: null }, false, true],
      ['modify_comment', null, 'a', 'plan', { existingNullable: false }, null, 'x'],
      ['add_index', idx],
      ['execute', 'SELECT 1'],
    ])
    expect(isDeepFrozen(d)).toBe(true)
  })

  it('yields nothing for an empty container', () => {
    expect(asDiffs(upgradeOps({ ops: [] }))).toEqual([])
  })

  it('mirrors the diffs of its reverse, in reverse order', () => {
    const col = { name: 'c', type: 'text' } as const
    const up = upgradeOps({ ops: [addColumn({ tableName: 'a', column: col }), renameTable({ oldTableName: 'a', newTableName: 'b' })] })
    const down = reverse(up)
    if (down.kind !== 'downgradeOps') throw new Error('expected downgradeOps')
    expect(asDiffs(down)).toEqual([
      ['rename_table', null, 'b', 'a'],
      ['remove_column', null, 'a', col],
    ])
  })
})

describe('downgradeOps', () => {
  it('flattens its children', () => {
    const drop = dropTable({ tableName: 'a' })
    expect(asDiffs(downgradeOps({ ops: [drop] }))).toEqual([['remove_table', drop]])
  })
})

describe('migrationScript', () => {
  it('has no diff tuple of its own', () => {
    const script = migrationScript({ revId: 'r1', upgradeOps: upgradeOps({ ops: [] }), downgradeOps: downgradeOps({ ops: [] }) })
    expect(() => toDiffTuple(script)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'migrationScript' }))
  })
})

describe('batch', () => {
  it('yields its children with the batch table and schema filled in', () => {
    const b = batch({
      tableName: 'account',
      schema: 'app',
      ops: [
        { kind: 'addColumn', column: plan, insertAfter: 'id' },
        { kind: 'dropColumn', columnName: 'old' },
        { kind: 'alterColumn', columnName: 'plan', type: 'text', existingType: 'integer' },
        { kind: 'createIndex', indexName: 'ix_plan', columns: ['plan'] },
        { kind: 'dropIndex', indexName: 'ix_old' },
        { kind: 'createForeignKey', constraintName: 'fk_owner', referentTable: 'person', localCols: ['owner_id'], remoteCols: ['id'] },
        { kind: 'dropConstraint', constraintName: 'uq_old', type: 'unique' },
        { kind: 'createTableComment', comment: 'accounts', existingComment: null },
        { kind: 'executeSql', sqltext: 'SELECT 1' },
      ],
    })
    expect(asDiffs(b)).toEqual([
      ['add_column', 'app', 'account', plan],
      ['remove_column', 'app', 'account', { name: 'old' }],
      ['modify_type', 'app', 'account', 'plan', {}, 'integer', 'text'],
      ['add_index', { kind: 'createIndex', tableName: 'account', schema: 'app', indexName: 'ix_plan', columns: ['plan'] }],
      ['remove_index', { kind: 'dropIndex', tableName: 'account', schema: 'app', indexName: 'ix_old' }],
      ['add_fk', createForeignKey({
        constraintName: 'fk_owner', sourceTable: 'account', sourceSchema: 'app', referentTable: 'person', localCols: ['owner_id'], remoteCols: ['id'],
      })],
      ['remove_constraint', dropConstraint({ constraintName: 'uq_old', tableName: 'account', schema: 'app', type: 'unique' })],
      ['add_table_comment', createTableComment({ tableName: 'account', schema: 'app', comment: 'accounts', existingComment: null }), null],
      ['execute', 'SELECT 1'],
    ])
  })

  it('leaves the schema out when the batch has none', () => {
    const b = batch({ tableName: 'account', ops: [{ kind: 'dropIndex', indexName: 'ix_old' }] })
    const [d] = asDiffs(b)
    expect(d).toEqual(['remove_index', { kind: 'dropIndex', tableName: 'account', indexName: 'ix_old' }])
    expect(d?.[1]).not.toHaveProperty('schema')
  })

  it('gives filled-in ops that are valid outside a batch, without batch-only fields', () => {
    const b = batch({ tableName: 'account', ops: [{ kind: 'createIndex', indexName: 'ix', columns: ['plan'] }] })
    const d = asDiffs(b)[0]
    if (d?.[0] !== 'add_index') throw new Error('expected add_index')
    expect(createIndex(d[1])).toEqual(d[1])
    expect(isDeepFrozen(d)).toBe(true)
  })

  it('is descended inside a container', () => {
    const b = batch({ tableName: 'a', ops: [{ kind: 'dropColumn', columnName: 'x' }] })
    expect(asDiffs(upgradeOps({ ops: [b] }))).toEqual([['remove_column', null, 'a', { name: 'x' }]])
  })

  it('has no diff tuple of its own', () => {
    expect(() => toDiffTuple(batch({ tableName: 'a', ops: [] }))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'batch' }))
  })
})

describe('DiffTuple', () => {
  it('narrows on its first item', () => {
    const names = asDiffs(upgradeOps({ ops: [addColumn({ tableName: 'a', column: plan }), dropTable({ tableName: 'b' })] })).map((d: DiffTuple) => {
      switch (d[0]) {
        case 'add_column':
          return d[3].name
        case 'remove_table':
          return d[1].tableName
        default:
          return d[0]
      }
    })
    expect(names).toEqual(['plan', 'b'])
  })
})
