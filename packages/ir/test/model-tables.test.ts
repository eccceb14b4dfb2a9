import { describe, expect, it } from 'vitest'
import {
  applyOps, bulkInsert, createTable, createTableComment, dropTable, dropTableComment, emptySnapshot, executeSql, findTable, renameTable,
  type SchemaSnapshot,
} from '@athanor/ir'

const mismatch = (path: string) => expect.objectContaining({ code: 'MODEL_MISMATCH', path })

const account = createTable({
  tableName: 'account',
  columns: [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'email', type: 'text', nullable: false },
  ],
})
const post = createTable({
  tableName: 'post',
  columns: [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'author_id', type: 'integer', foreignKey: { referentTable: 'account', remoteCol: 'id', onDelete: 'CASCADE' } },
  ],
})
const base: SchemaSnapshot = applyOps(emptySnapshot(), [account, post])

describe('createTable', () => {
  it('moves column flags to the table, primary key first, in a fixed order', () => {
    const s = applyOps(emptySnapshot(), [
      createTable({
        tableName: 't',
        schema: 'app',
        columns: [
          { name: 'a', type: 'integer', primaryKey: true },
          { name: 'b', type: 'integer', primaryKey: true, autoincrement: false },
          { name: 'u', type: 'text', unique: true, check: { condition: "u <> ''", name: 'ck_u' } },
          { name: 'i', type: 'text', index: true },
          { name: 'ui', type: 'text', unique: true, index: true },
          { name: 'f', type: 'integer', nullable: false, foreignKey: { referentTable: 't', referentSchema: 'app', remoteCol: 'a', name: 'fk_self' } },
          { name: 'g', type: 'bigint', identity: { always: true } },
        ],
        constraints: [
          { type: 'index', name: 'ix_explicit', columns: ['u'] },
          { type: 'check', name: 'ck_t', condition: 'a > 0' },
          { type: 'unique', columns: ['a', 'u'] },
        ],
        comment: 'a table',
        prefixes: ['TEMPORARY'],
        mysqlEngine: 'InnoDB',
      }),
    ])
    expect(s).toStrictEqual({
      tables: [
        {
          name: 't',
          schema: 'app',
          columns: [
            { name: 'a', type: 'integer', nullable: false },
            { name: 'b', type: 'integer', nullable: false, autoincrement: false },
            { name: 'u', type: 'text', nullable: true },
            { name: 'i', type: 'text', nullable: true },
            { name: 'ui', type: 'text', nullable: true },
            { name: 'f', type: 'integer', nullable: false },
            { name: 'g', type: 'bigint', nullable: false, identity: { always: true } },
          ],
          constraints: [
            { type: 'primaryKey', columns: ['a', 'b'] },
            { type: 'check', name: 'ck_t', condition: 'a > 0' },
            { type: 'unique', columns: ['a', 'u'] },
            { type: 'unique', columns: ['u'] },
            { type: 'check', name: 'ck_u', condition: "u <> ''" },
            { type: 'foreignKey', name: 'fk_self', localCols: ['f'], referentTable: 't', referentSchema: 'app', remoteCols: ['a'] },
          ],
          indexes: [
            { name: 'ix_explicit', columns: ['u'] },
            { name: 'ix_app_t_i', columns: ['i'] },
            { name: 'ix_app_t_ui', columns: ['ui'], unique: true },
          ],
          comment: 'a table',
          prefixes: ['TEMPORARY'],
          options: { mysqlEngine: 'InnoDB' },
        },
      ],
    })
  })

  it('makes the columns of an explicit primary key NOT NULL', () => {
    const s = applyOps(emptySnapshot(), [
      createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }], constraints: [{ type: 'primaryKey', name: 'pk_t', columns: ['b', 'a'] }] }),
    ])
    expect(findTable(s, 't')?.columns.map((c) => c.nullable)).toEqual([false, false])
    expect(findTable(s, 't')?.constraints).toEqual([{ type: 'primaryKey', name: 'pk_t', columns: ['b', 'a'] }])
  })

  it('keeps tables of the same name in different schemas apart', () => {
    const s = applyOps(base, [createTable({ tableName: 'account', schema: 'archive', columns: [{ name: 'id', type: 'integer' }] })])
    expect(s.tables.map((t) => [t.schema, t.name])).toEqual([[undefined, 'account'], [undefined, 'post'], ['archive', 'account']])
    expect(findTable(s, 'account', 'archive')?.columns).toEqual([{ name: 'id', type: 'integer', nullable: true }])
  })

  it('refuses a table that exists, unless ifNotExists', () => {
    expect(() => applyOps(base, [account])).toThrow(mismatch('[0].tableName'))
    expect(applyOps(base, [createTable({ ...account, ifNotExists: true })])).toBe(base)
  })

  it('refuses a foreign key to a missing table or column', () => {
    const t = (fields: Partial<Parameters<typeof createTable>[0]>) => createTable({ tableName: 't', columns: [{ name: 'x', type: 'integer' }], ...fields })
    expect(() => applyOps(base, [t({ constraints: [{ type: 'foreignKey', localCols: ['x'], referentTable: 'nope', remoteCols: ['id'] }] })])).toThrow(
      mismatch('[0].constraints[0].referentTable'),
    )
    expect(() => applyOps(base, [t({ constraints: [{ type: 'foreignKey', localCols: ['x'], referentTable: 'account', remoteCols: ['nope'] }] })])).toThrow(
      mismatch('[0].constraints[0].remoteCols[0]'),
    )
    expect(() => applyOps(base, [t({ columns: [{ name: 'x', type: 'integer', foreignKey: { referentTable: 'account', referentSchema: 'other', remoteCol: 'id' } }] })])).toThrow(
      mismatch('[0].columns[0].foreignKey.referentTable'),
    )
    expect(() => applyOps(base, [t({ columns: [{ name: 'x', type: 'integer', foreignKey: { referentTable: 't', remoteCol: 'y' } }] })])).toThrow(
      mismatch('[0].columns[0].foreignKey.remoteCol'),
    )
  })

  it('refuses an index name the schema already has, and a constraint name used twice', () => {
    const ix = createTable({ tableName: 'ix', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'index', name: 'ix_t_a', columns: ['a'] }] })
    const s = applyOps(emptySnapshot(), [ix])
    expect(() => applyOps(s, [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', index: true }] })])).toThrow(mismatch('[0].columns[0].index'))
    expect(() => applyOps(s, [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'index', name: 'ix_t_a', columns: ['a'] }] })])).toThrow(
      mismatch('[0].constraints[0].name'),
    )
    expect(applyOps(s, [createTable({ tableName: 't', schema: 'other', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'index', name: 'ix_t_a', columns: ['a'] }] })]).tables).toHaveLength(2)
    const twice = createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', check: { condition: 'a > 0', name: 'ck' } }], constraints: [{ type: 'check', name: 'ck', condition: 'a < 9' }] })
    expect(() => applyOps(emptySnapshot(), [twice])).toThrow(mismatch('[0].columns[0].check.name'))
  })
})

describe('dropTable', () => {
  it('removes the table with its constraints and indexes', () => {
    expect(applyOps(base, [dropTable({ tableName: 'post' })]).tables.map((t) => t.name)).toEqual(['account'])
  })

  it('refuses a missing table, unless ifExists', () => {
    expect(() => applyOps(base, [dropTable({ tableName: 'nope' })])).toThrow(mismatch('[0].tableName'))
    expect(applyOps(base, [dropTable({ tableName: 'nope', ifExists: true })])).toBe(base)
  })

  it('refuses a table another table references, but not one that references itself', () => {
    expect(() => applyOps(base, [dropTable({ tableName: 'account' })])).toThrow(mismatch('[0].tableName'))
    const self = createTable({ tableName: 'node', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'parent', type: 'integer', foreignKey: { referentTable: 'node', remoteCol: 'id' } }] })
    expect(applyOps(emptySnapshot(), [self, dropTable({ tableName: 'node' })])).toEqual(emptySnapshot())
  })
})

describe('renameTable', () => {
  it('renames the table, and foreign keys pointing at it follow', () => {
    const s = applyOps(base, [renameTable({ oldTableName: 'account', newTableName: 'person' })])
    expect(s.tables.map((t) => t.name)).toEqual(['person', 'post'])
    expect(findTable(s, 'post')?.constraints[1]).toEqual({ type: 'foreignKey', localCols: ['author_id'], referentTable: 'person', remoteCols: ['id'], onDelete: 'CASCADE' })
  })

  it('refuses a missing table and a taken name', () => {
    expect(() => applyOps(base, [renameTable({ oldTableName: 'nope', newTableName: 'x' })])).toThrow(mismatch('[0].oldTableName'))
    expect(() => applyOps(base, [renameTable({ oldTableName: 'account', newTableName: 'post' })])).toThrow(mismatch('[0].newTableName'))
  })
})

describe('table comments', () => {
  it('createTableComment sets the comment and dropTableComment clears it', () => {
    const s = applyOps(base, [createTableComment({ tableName: 'account', comment: 'people' })])
    expect(findTable(s, 'account')?.comment).toBe('people')
    const d = applyOps(s, [dropTableComment({ tableName: 'account' })])
    expect(d).toEqual(base)
    expect(applyOps(base, [dropTableComment({ tableName: 'account' })])).toEqual(base)
  })

  it('refuses a missing table', () => {
    expect(() => applyOps(base, [createTableComment({ tableName: 'nope', comment: 'x' })])).toThrow(mismatch('[0].tableName'))
    expect(() => applyOps(base, [dropTableComment({ tableName: 'nope' })])).toThrow(mismatch('[0].tableName'))
  })
})

describe('bulkInsert and executeSql', () => {
  it('change nothing', () => {
    const rows = bulkInsert({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }, { name: 'email', type: 'text' }], rows: [{ id: 1, email: 'a@b' }] })
    expect(applyOps(base, [rows, executeSql({ sqltext: 'DROP TABLE account' })])).toBe(base)
  })

  it('bulkInsert refuses a missing table or column', () => {
    expect(() => applyOps(base, [bulkInsert({ tableName: 'nope', columns: [{ name: 'id', type: 'integer' }], rows: [] })])).toThrow(mismatch('[0].tableName'))
    expect(() => applyOps(base, [bulkInsert({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }, { name: 'x', type: 'text' }], rows: [] })])).toThrow(
      mismatch('[0].columns[1].name'),
    )
  })
})
