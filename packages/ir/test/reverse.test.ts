import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, batch, bulkInsert, createCheckConstraint, createForeignKey, createIndex, createPrimaryKey, createTable,
  createTableComment, createUniqueConstraint, downgradeOps, dropColumn, dropConstraint, dropIndex, dropTable, dropTableComment, executeSql,
  isDeepFrozen, isReversible, migrationScript, modifyTableOps, NotReversibleError, parseOp, renameTable, reverse, upgradeOps,
  type Column, type Op,
} from '@athanor/ir'

/**
 * Reverses `op`, checks that the result is a valid frozen node and that reversing it again gives
 * `op` back, and returns it.
 */
function undo(op: Op): Op {
  const r = reverse(op)
  expect(isDeepFrozen(r)).toBe(true)
  expect(parseOp(JSON.parse(JSON.stringify(r)))).toEqual({ ok: true, value: r })
  expect(reverse(r)).toEqual(op)
  return r
}

/** The error `fn` throws, as [code, kind, path]. */
function refusal(fn: () => unknown): readonly [string, string | undefined, string | undefined] {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(NotReversibleError)
    const err = e as NotReversibleError
    return [err.code, err.kind, err.path]
  }
  throw new Error('expected a NotReversibleError')
}

const email: Column = { name: 'email', type: { name: 'varchar', length: 255 }, nullable: false, unique: true }
const info = { ticket: 'DB-42', nested: { by: ['ana'] } }

describe('addColumn', () => {
  it('reverses to a dropColumn carrying the column', () => {
    const op = addColumn({ tableName: 'account', schema: 'app', column: email, ifNotExists: true, inlineReferences: true })
    expect(undo(op)).toEqual({
      kind: 'dropColumn', tableName: 'account', columnName: 'email', schema: 'app', ifExists: true, column: email, inlineReferences: true,
    })
  })
})

describe('dropColumn', () => {
  it('reverses to an addColumn of the column it carries', () => {
    const op = dropColumn({ tableName: 'account', columnName: 'email', column: email, inlinePrimaryKey: true })
    expect(undo(op)).toEqual({ kind: 'addColumn', tableName: 'account', column: email, inlinePrimaryKey: true })
  })

  it('refuses to reverse without the column', () => {
    expect(refusal(() => reverse(dropColumn({ tableName: 'account', columnName: 'email' })))).toEqual(['NOT_REVERSIBLE', 'dropColumn', 'column'])
  })
})

describe('alterColumn', () => {
  it('swaps each change with its existing value', () => {
    const op = alterColumn({
      tableName: 'account', columnName: 'plan', schema: 'app',
      type: 'text', existingType: { name: 'varchar', length: 20 },
      nullable: true, existingNullable: false,
      serverDefault: null, existingServerDefault: { literal: 'free' },
      comment: 'the plan', existingComment: null,
      autoincrement: false, existingAutoincrement: true,
    })
    expect(undo(op)).toEqual({
      kind: 'alterColumn', tableName: 'account', columnName: 'plan', schema: 'app',
      type: { name: 'varchar', length: 20 }, existingType: 'text',
      nullable: false, existingNullable: true,
      serverDefault: { literal: 'free' }, existingServerDefault: null,
      comment: null, existingComment: 'the plan',
      autoincrement: true, existingAutoincrement: false,
    })
  })

  it('keeps existing values of what it does not change', () => {
    const op = alterColumn({ tableName: 't', columnName: 'c', nullable: false, existingNullable: true, existingType: 'text', existingComment: 'x' })
    expect(undo(op)).toEqual({
      kind: 'alterColumn', tableName: 't', columnName: 'c', nullable: true, existingNullable: false, existingType: 'text', existingComment: 'x',
    })
  })

  it('reverses a rename to the rename back (Alembic drops the rename)', () => {
    const op = alterColumn({ tableName: 't', columnName: 'old', newColumnName: 'new' })
    expect(undo(op)).toEqual({ kind: 'alterColumn', tableName: 't', columnName: 'new', newColumnName: 'old' })
  })

  it('reverses a rename with a change, naming the new column', () => {
    const op = alterColumn({ tableName: 't', columnName: 'old', newColumnName: 'new', nullable: false, existingNullable: true })
    expect(undo(op)).toEqual({ kind: 'alterColumn', tableName: 't', columnName: 'new', newColumnName: 'old', nullable: true, existingNullable: false })
  })

  it('refuses a change whose existing value is unknown (Alembic reverses it to "unchanged")', () => {
    expect(refusal(() => reverse(alterColumn({ tableName: 't', columnName: 'c', type: 'text' })))).toEqual(['NOT_REVERSIBLE', 'alterColumn', 'existingType'])
    expect(refusal(() => reverse(alterColumn({ tableName: 't', columnName: 'c', nullable: true })))).toEqual([
      'NOT_REVERSIBLE', 'alterColumn', 'existingNullable',
    ])
    expect(refusal(() => reverse(alterColumn({ tableName: 't', columnName: 'c', serverDefault: null })))).toEqual([
      'NOT_REVERSIBLE', 'alterColumn', 'existingServerDefault',
    ])
  })

  it('refuses a comment change whose existing comment is unknown (Alembic removes the comment)', () => {
    expect(refusal(() => reverse(alterColumn({ tableName: 't', columnName: 'c', comment: 'x' })))).toEqual(['NOT_REVERSIBLE', 'alterColumn', 'existingComment'])
  })

  it('swaps postgresqlUsing with postgresqlReverseUsing', () => {
    const both = alterColumn({ tableName: 't', columnName: 'c', type: 'integer', existingType: 'text', postgresqlUsing: 'c::integer', postgresqlReverseUsing: 'c::text' })
    expect(undo(both)).toEqual({
      kind: 'alterColumn', tableName: 't', columnName: 'c', type: 'text', existingType: 'integer', postgresqlUsing: 'c::text', postgresqlReverseUsing: 'c::integer',
    })
    const one = alterColumn({ tableName: 't', columnName: 'c', type: 'integer', existingType: 'text', postgresqlUsing: 'c::integer' })
    expect(undo(one)).toEqual({ kind: 'alterColumn', tableName: 't', columnName: 'c', type: 'text', existingType: 'integer', postgresqlReverseUsing: 'c::integer' })
  })

  it('reverses a no-op to itself', () => {
    const op = alterColumn({ tableName: 't', columnName: 'c', existingType: 'text' })
    expect(undo(op)).toEqual(op)
  })
})

describe('createTable', () => {
  it('reverses to a dropTable carrying the whole definition', () => {
    const op = createTable({
      tableName: 'account', schema: 'app', ifNotExists: true,
      columns: [{ name: 'id', type: 'integer', primaryKey: true }, email],
      constraints: [{ type: 'index', name: 'ix_account_email', columns: ['email'] }],
      comment: 'people', prefixes: ['TEMPORARY'], mysqlEngine: 'InnoDB',
    })
    expect(undo(op)).toEqual({
      kind: 'dropTable', tableName: 'account', schema: 'app', ifExists: true,
      table: {
        columns: [{ name: 'id', type: 'integer', primaryKey: true }, email],
        constraints: [{ type: 'index', name: 'ix_account_email', columns: ['email'] }],
        comment: 'people', prefixes: ['TEMPORARY'], mysqlEngine: 'InnoDB',
      },
    })
  })
})

describe('dropTable', () => {
  it('reverses to a createTable of the definition it carries', () => {
    const op = dropTable({ tableName: 'account', table: { columns: [email] } })
    expect(undo(op)).toEqual({ kind: 'createTable', tableName: 'account', columns: [email] })
  })

  it('refuses to reverse without the definition (Alembic creates an empty table)', () => {
    expect(refusal(() => reverse(dropTable({ tableName: 'account' })))).toEqual(['NOT_REVERSIBLE', 'dropTable', 'table'])
  })
})

describe('renameTable', () => {
  it('reverses to the rename back (Alembic cannot reverse it)', () => {
    const op = renameTable({ oldTableName: 'account', newTableName: 'user_account', schema: 'app' })
    expect(undo(op)).toEqual({ kind: 'renameTable', oldTableName: 'user_account', newTableName: 'account', schema: 'app' })
  })
})

describe('createIndex', () => {
  it('reverses to a dropIndex carrying the index', () => {
    const op = createIndex({
      indexName: 'ix_account_email', tableName: 'account', columns: [{ sql: 'lower(email)' }], unique: true,
      ifNotExists: true, postgresqlConcurrently: true, postgresqlWhere: 'active',
    })
    expect(undo(op)).toEqual({
      kind: 'dropIndex', indexName: 'ix_account_email', tableName: 'account', ifExists: true, postgresqlConcurrently: true,
      index: { columns: [{ sql: 'lower(email)' }], unique: true, postgresqlWhere: 'active' },
    })
  })
})

describe('dropIndex', () => {
  it('reverses to a createIndex of the index it carries', () => {
    const op = dropIndex({ indexName: 'ix', tableName: 'account', schema: 'app', index: { columns: ['email'] } })
    expect(undo(op)).toEqual({ kind: 'createIndex', indexName: 'ix', tableName: 'account', schema: 'app', columns: ['email'] })
  })

  it('refuses to reverse without the index (Alembic indexes a placeholder column x)', () => {
    expect(refusal(() => reverse(dropIndex({ indexName: 'ix', tableName: 'account' })))).toEqual(['NOT_REVERSIBLE', 'dropIndex', 'index'])
  })

  it('refuses to reverse without the table (Alembic uses a placeholder table no_table)', () => {
    expect(refusal(() => reverse(dropIndex({ indexName: 'ix', index: { columns: ['email'] } })))).toEqual(['NOT_REVERSIBLE', 'dropIndex', 'tableName'])
  })
})

describe('createPrimaryKey', () => {
  it('reverses to a typed dropConstraint carrying the key', () => {
    const op = createPrimaryKey({ constraintName: 'pk_account', tableName: 'account', columns: ['id'], mssqlClustered: true })
    expect(undo(op)).toEqual({
      kind: 'dropConstraint', constraintName: 'pk_account', tableName: 'account', type: 'primaryKey',
      constraint: { type: 'primaryKey', columns: ['id'], mssqlClustered: true },
    })
  })
})

describe('createUniqueConstraint', () => {
  it('reverses to a typed dropConstraint carrying the constraint', () => {
    const op = createUniqueConstraint({ constraintName: 'uq', tableName: 'account', schema: 'app', columns: ['email'], deferrable: true, ifNotExists: true })
    expect(undo(op)).toEqual({
      kind: 'dropConstraint', constraintName: 'uq', tableName: 'account', schema: 'app', type: 'unique', ifExists: true,
      constraint: { type: 'unique', columns: ['email'], deferrable: true },
    })
  })
})

describe('createForeignKey', () => {
  it('reverses to a typed dropConstraint on the source table', () => {
    const op = createForeignKey({
      constraintName: 'fk_post_author', sourceTable: 'post', sourceSchema: 'app', referentTable: 'account', referentSchema: 'auth',
      localCols: ['author_id'], remoteCols: ['id'], onDelete: 'CASCADE', match: 'FULL',
    })
    expect(undo(op)).toEqual({
      kind: 'dropConstraint', constraintName: 'fk_post_author', tableName: 'post', schema: 'app', type: 'foreignKey',
      constraint: {
        type: 'foreignKey', referentTable: 'account', referentSchema: 'auth', localCols: ['author_id'], remoteCols: ['id'], onDelete: 'CASCADE', match: 'FULL',
      },
    })
  })
})

describe('createCheckConstraint', () => {
  it('reverses to a typed dropConstraint, keeping deferrability (Alembic drops it)', () => {
    const op = createCheckConstraint({ constraintName: 'ck', tableName: 't', condition: 'age >= 0', deferrable: true, initially: 'DEFERRED' })
    expect(undo(op)).toEqual({
      kind: 'dropConstraint', constraintName: 'ck', tableName: 't', type: 'check',
      constraint: { type: 'check', condition: 'age >= 0', deferrable: true, initially: 'DEFERRED' },
    })
  })
})

describe('dropConstraint', () => {
  it('reverses to the create op of the constraint it carries', () => {
    const fk = dropConstraint({
      constraintName: 'fk', tableName: 'post', type: 'foreignKey', ifExists: true,
      constraint: { type: 'foreignKey', localCols: ['a'], referentTable: 'account', remoteCols: ['id'] },
    })
    expect(undo(fk)).toEqual({
      kind: 'createForeignKey', constraintName: 'fk', sourceTable: 'post', ifNotExists: true, localCols: ['a'], referentTable: 'account', remoteCols: ['id'],
    })
    const check = dropConstraint({ constraintName: 'ck', tableName: 't', type: 'check', constraint: { type: 'check', condition: 'x > 0' } })
    expect(undo(check)).toEqual({ kind: 'createCheckConstraint', constraintName: 'ck', tableName: 't', condition: 'x > 0' })
  })

  it('refuses to reverse without the constraint', () => {
    expect(refusal(() => reverse(dropConstraint({ constraintName: 'fk', tableName: 'post', type: 'foreignKey' })))).toEqual([
      'NOT_REVERSIBLE', 'dropConstraint', 'constraint',
    ])
  })
})

describe('createTableComment', () => {
  it('reverses to a dropTableComment when there was no comment', () => {
    const op = createTableComment({ tableName: 't', comment: 'new', existingComment: null })
    expect(undo(op)).toEqual({ kind: 'dropTableComment', tableName: 't', existingComment: 'new' })
  })

  it('reverses to a createTableComment of the comment it replaces', () => {
    const op = createTableComment({ tableName: 't', schema: 'app', comment: 'new', existingComment: 'old' })
    expect(undo(op)).toEqual({ kind: 'createTableComment', tableName: 't', schema: 'app', comment: 'old', existingComment: 'new' })
  })

  it('refuses to reverse without existingComment (Alembic takes it for none)', () => {
    expect(refusal(() => reverse(createTableComment({ tableName: 't', comment: 'new' })))).toEqual(['NOT_REVERSIBLE', 'createTableComment', 'existingComment'])
  })
})

describe('dropTableComment', () => {
  it('reverses to a createTableComment of the comment removed', () => {
    const op = dropTableComment({ tableName: 't', existingComment: 'old' })
    expect(undo(op)).toEqual({ kind: 'createTableComment', tableName: 't', comment: 'old', existingComment: null })
  })

  it('refuses to reverse without existingComment (Alembic sets a null comment)', () => {
    expect(refusal(() => reverse(dropTableComment({ tableName: 't' })))).toEqual(['NOT_REVERSIBLE', 'dropTableComment', 'existingComment'])
  })
})

describe('executeSql', () => {
  it('reverses by swapping sqltext and reverseSqltext', () => {
    const op = executeSql({ sqltext: 'INSERT INTO t VALUES (1)', reverseSqltext: 'DELETE FROM t WHERE id = 1', executionOptions: { x: 1 } })
    expect(undo(op)).toEqual({ kind: 'executeSql', sqltext: 'DELETE FROM t WHERE id = 1', reverseSqltext: 'INSERT INTO t VALUES (1)', executionOptions: { x: 1 } })
  })

  it('refuses to reverse without reverseSqltext', () => {
    expect(refusal(() => reverse(executeSql({ sqltext: 'SELECT 1' })))).toEqual(['NOT_REVERSIBLE', 'executeSql', 'reverseSqltext'])
  })
})

describe('bulkInsert', () => {
  it('is not reversible', () => {
    const op = bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }], rows: [{ id: 1 }] })
    expect(refusal(() => reverse(op))).toEqual(['NOT_REVERSIBLE', 'bulkInsert', ''])
    expect(isReversible(op)).toBe(false)
  })
})

describe('info', () => {
  it('survives the reverse of every kind', () => {
    const ops: readonly Op[] = [
      addColumn({ tableName: 't', column: email, info }),
      dropColumn({ tableName: 't', columnName: 'email', column: email, info }),
      alterColumn({ tableName: 't', columnName: 'c', nullable: true, existingNullable: false, info }),
      createTable({ tableName: 't', columns: [email], info }),
      dropTable({ tableName: 't', table: { columns: [email] }, info }),
      renameTable({ oldTableName: 'a', newTableName: 'b', info }),
      createIndex({ indexName: 'ix', tableName: 't', columns: ['email'], info }),
      dropIndex({ indexName: 'ix', tableName: 't', index: { columns: ['email'] }, info }),
      createPrimaryKey({ constraintName: 'pk', tableName: 't', columns: ['email'], info }),
      createUniqueConstraint({ constraintName: 'uq', tableName: 't', columns: ['email'], info }),
      createForeignKey({ constraintName: 'fk', sourceTable: 't', referentTable: 'p', localCols: ['a'], remoteCols: ['id'], info }),
      createCheckConstraint({ constraintName: 'ck', tableName: 't', condition: 'a > 0', info }),
      dropConstraint({ constraintName: 'ck', tableName: 't', type: 'check', constraint: { type: 'check', condition: 'a > 0' }, info }),
      createTableComment({ tableName: 't', comment: 'x', existingComment: null, info }),
      dropTableComment({ tableName: 't', existingComment: 'x', info }),
      executeSql({ sqltext: 'SELECT 1', reverseSqltext: 'SELECT 2', info }),
      batch({ tableName: 't', ops: [], info }),
      modifyTableOps({ tableName: 't', ops: [], info }),
      upgradeOps({ ops: [], info }),
      downgradeOps({ ops: [], info }),
      migrationScript({ revId: 'r', upgradeOps: upgradeOps({ ops: [], info }), downgradeOps: downgradeOps({ ops: [], info }), info }),
    ]
    for (const op of ops) expect(undo(op)).toHaveProperty('info', info)
  })
})

describe('batch', () => {
  it('reverses its children in reverse order, without table fields', () => {
    const op = batch({
      tableName: 'account', schema: 'app', recreate: 'always',
      ops: [
        { kind: 'addColumn', column: email, insertAfter: 'id' },
        { kind: 'alterColumn', columnName: 'plan', nullable: false, existingNullable: true },
        { kind: 'dropIndex', indexName: 'ix_plan', index: { columns: ['plan'] } },
        { kind: 'createForeignKey', constraintName: 'fk', referentTable: 'p', localCols: ['p_id'], remoteCols: ['id'] },
      ],
    })
    expect(undo(op)).toEqual({
      kind: 'batch', tableName: 'account', schema: 'app', recreate: 'always',
      ops: [
        { kind: 'dropConstraint', constraintName: 'fk', type: 'foreignKey', constraint: { type: 'foreignKey', referentTable: 'p', localCols: ['p_id'], remoteCols: ['id'] } },
        { kind: 'createIndex', indexName: 'ix_plan', columns: ['plan'] },
        { kind: 'alterColumn', columnName: 'plan', nullable: true, existingNullable: false },
        { kind: 'dropColumn', columnName: 'email', column: email, insertAfter: 'id' },
      ],
    })
  })

  it('refuses when a child is not reversible', () => {
    const op = batch({ tableName: 'account', ops: [{ kind: 'dropColumn', columnName: 'email' }] })
    expect(refusal(() => reverse(op))).toEqual(['NOT_REVERSIBLE', 'dropColumn', 'ops[0].column'])
  })
})

describe('modifyTableOps', () => {
  it('reverses its children in reverse order, keeping its table', () => {
    const a = addColumn({ tableName: 't', column: email })
    const b = renameTable({ oldTableName: 't', newTableName: 'u' })
    const op = modifyTableOps({ tableName: 't', schema: 'app', ops: [a, b] })
    expect(undo(op)).toEqual({ kind: 'modifyTableOps', tableName: 't', schema: 'app', ops: [reverse(b), reverse(a)] })
  })
})

describe('upgradeOps', () => {
  const a = addColumn({ tableName: 't', column: email })
  const b = createIndex({ indexName: 'ix', tableName: 't', columns: ['email'] })

  it('reverses to downgradeOps of the reversed children in reverse order', () => {
    const op = upgradeOps({ ops: [a, modifyTableOps({ tableName: 't', ops: [b] })] })
    expect(undo(op)).toEqual({ kind: 'downgradeOps', ops: [modifyTableOps({ tableName: 't', ops: [reverse(b)] }), reverse(a)] })
  })

  it('swaps the token prefix', () => {
    expect(undo(upgradeOps({ ops: [], upgradeToken: 'upgrades' }))).toEqual({ kind: 'downgradeOps', ops: [], downgradeToken: 'downgrades' })
    expect(undo(upgradeOps({ ops: [], upgradeToken: 'upgrades_engine2' }))).toEqual({ kind: 'downgradeOps', ops: [], downgradeToken: 'downgrades_engine2' })
    expect(undo(upgradeOps({ ops: [], upgradeToken: 'custom' }))).toEqual({ kind: 'downgradeOps', ops: [], downgradeToken: 'custom' })
  })

  it('refuses when a child is not reversible, naming the child', () => {
    const op = upgradeOps({ ops: [a, dropTable({ tableName: 'x' })] })
    expect(refusal(() => reverse(op))).toEqual(['NOT_REVERSIBLE', 'dropTable', 'ops[1].table'])
    expect(isReversible(op)).toBe(false)
  })
})

describe('downgradeOps', () => {
  it('reverses to upgradeOps, swapping the token', () => {
    const a = renameTable({ oldTableName: 'a', newTableName: 'b' })
    const c = renameTable({ oldTableName: 'b', newTableName: 'c' })
    const op = downgradeOps({ ops: [a, c], downgradeToken: 'downgrades_x' })
    expect(undo(op)).toEqual({ kind: 'upgradeOps', ops: [reverse(c), reverse(a)], upgradeToken: 'upgrades_x' })
  })
})

describe('migrationScript', () => {
  it('swaps its upgrade and downgrade (Alembic has no reverse)', () => {
    const up = upgradeOps({ ops: [renameTable({ oldTableName: 'a', newTableName: 'b' })], upgradeToken: 'upgrades' })
    const down = downgradeOps({ ops: [renameTable({ oldTableName: 'b', newTableName: 'a' })], downgradeToken: 'downgrades' })
    const op = migrationScript({ revId: 'r2', downRevision: 'r1', message: 'rename a', upgradeOps: up, downgradeOps: down })
    expect(undo(op)).toEqual({
      kind: 'migrationScript', revId: 'r2', downRevision: 'r1', message: 'rename a',
      upgradeOps: [{ kind: 'upgradeOps', ops: down.ops, upgradeToken: 'upgrades' }],
      downgradeOps: [{ kind: 'downgradeOps', ops: up.ops, downgradeToken: 'downgrades' }],
    })
  })

  it('swaps directions even when the ops themselves are not reversible', () => {
    const op = migrationScript({
      revId: 'r', upgradeOps: upgradeOps({ ops: [executeSql({ sqltext: 'SELECT 1' })] }), downgradeOps: downgradeOps({ ops: [] }),
    })
    expect(undo(op)).toMatchObject({ upgradeOps: [{ ops: [] }], downgradeOps: [{ ops: [{ kind: 'executeSql' }] }] })
  })
})

describe('reverse', () => {
  it('never changes the op it reverses', () => {
    const op = alterColumn({ tableName: 't', columnName: 'a', newColumnName: 'b' })
    const copy = JSON.parse(JSON.stringify(op)) as unknown
    reverse(op)
    expect(op).toEqual(copy)
  })

  it('tells reversible ops apart with isReversible', () => {
    expect(isReversible(renameTable({ oldTableName: 'a', newTableName: 'b' }))).toBe(true)
    expect(isReversible(dropColumn({ tableName: 't', columnName: 'c' }))).toBe(false)
  })
})
