import {
  addColumn, batch, bulkInsert, createIndex, createTable, downgradeOps, executeSql, migrationScript, modifyTableOps, upgradeOps,
  type BulkInsertColumn,
} from '@athanor/ir'
import type { Scenario } from './scenario.js'
import { idColumn, simpleTable } from './scenarios-tables.js'

const varchar = (length: number) => ({ name: 'varchar', length }) as const

const typed: readonly BulkInsertColumn[] = [
  { name: 'id', type: 'integer' },
  { name: 'big', type: 'bigint' },
  { name: 'amount', type: { name: 'numeric', precision: 10, scale: 2 } },
  { name: 'flag', type: 'boolean' },
  { name: 'label', type: varchar(20) },
  { name: 'body', type: 'text' },
  { name: 'born', type: 'date' },
  { name: 'seen', type: 'datetime' },
  { name: 'doc', type: 'json' },
  { name: 'data', type: 'binary' },
]

const family = [
  simpleTable('parent'),
  simpleTable('child', { name: 'parent_id', type: 'integer', nullable: false, foreignKey: { referentTable: 'parent', remoteCol: 'id', name: 'fk_child_parent', onDelete: 'CASCADE' } }),
  bulkInsert({ tableName: 'parent', columns: [{ name: 'id', type: 'integer' }], rows: [{ id: 1 }, { id: 2 }] }),
  bulkInsert({ tableName: 'child', columns: [{ name: 'id', type: 'integer' }, { name: 'parent_id', type: 'integer' }], rows: [{ id: 10, parent_id: 1 }, { id: 11, parent_id: 1 }, { id: 12, parent_id: 2 }] }),
]

/** bulkInsert, executeSql and data kept through changes. */
export const dataScenarios: readonly Scenario[] = [
  {
    name: 'bulkInsert: rows of each generic type, values intact',
    setup: [createTable({ tableName: 'typed', columns: typed.map((c) => (c.name === 'id' ? idColumn : { name: c.name, type: c.type })) })],
    ops: [
      bulkInsert({
        tableName: 'typed',
        columns: typed,
        rows: [
          { id: 1, big: '9007199254740993', amount: '12.50', flag: true, label: "it's", body: 'back\\slash', born: '2024-01-02', seen: '2024-01-02T03:04:05', doc: { a: [1, 'x'] }, data: 'deadbeef' },
          { id: 2, big: -5, amount: 0.5, flag: false, label: 'two', body: '', born: '1999-12-31', seen: '1999-12-31 23:59:59', doc: null, data: '' },
          { id: 3 },
        ],
      }),
    ],
    expect: {
      rowCounts: [
        { table: 'typed', count: 3 },
        { table: 'typed', count: 1, where: "big = 9007199254740993 AND amount = 12.5 AND label = 'it''s' AND born = '2024-01-02'" },
        { table: 'typed', count: 1, where: 'big = -5 AND flag IS NOT NULL AND seen IS NOT NULL' },
        { table: 'typed', count: 1, where: 'big IS NULL AND label IS NULL AND doc IS NULL' },
      ],
    },
  },
  {
    name: 'executeSql: runs the SQL as written',
    setup: [simpleTable('t', { name: 'a', type: 'integer' }, { name: 'b', type: varchar(10) })],
    ops: [executeSql({ sqltext: "INSERT INTO t (id, a, b) VALUES (1, 7, 'x')" }), executeSql({ sqltext: 'UPDATE t SET a = a + 1;' })],
    expect: { rowCounts: [{ table: 't', count: 1, where: "a = 8 AND b = 'x'" }] },
  },
  {
    name: 'ON DELETE CASCADE removes the child rows',
    requires: (caps) => caps.foreignKeyActions !== false,
    setup: family,
    ops: [executeSql({ sqltext: 'DELETE FROM parent WHERE id = 1' })],
    expect: { rowCounts: [{ table: 'parent', count: 1 }, { table: 'child', count: 1 }, { table: 'child', count: 0, where: 'parent_id = 1' }] },
  },
]

const withRows = [
  createTable({ tableName: 't', columns: [idColumn, { name: 'a', type: varchar(20) }, { name: 'b', type: 'integer' }, { name: 'c', type: 'text' }] }),
  bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'a', type: varchar(20) }, { name: 'b', type: 'integer' }], rows: [{ id: 1, a: 'x', b: 1 }, { id: 2, a: 'y', b: 2 }] }),
]

/** Batches and containers. */
export const batchScenarios: readonly Scenario[] = [
  {
    name: 'batch (recreate auto): adds, alters and drops columns, keeping the rows',
    setup: withRows,
    ops: [
      batch({
        tableName: 't',
        recreate: 'auto',
        ops: [
          { kind: 'addColumn', column: { name: 'd', type: 'integer', serverDefault: { literal: '3' } } },
          { kind: 'alterColumn', columnName: 'a', type: varchar(60), existingType: varchar(20) },
          { kind: 'dropColumn', columnName: 'c' },
          { kind: 'createIndex', indexName: 'ix_t_b', columns: ['b'] },
        ],
      }),
    ],
    expect: { rowCounts: [{ table: 't', count: 2 }, { table: 't', count: 1, where: "a = 'y' AND b = 2" }] },
  },
  {
    name: 'batch (recreate never): each op as an ALTER',
    requires: (caps) => caps.alterColumn && caps.dropColumn && caps.alterConstraints,
    setup: withRows,
    ops: [
      batch({
        tableName: 't',
        recreate: 'never',
        ops: [
          { kind: 'addColumn', column: { name: 'd', type: 'integer' } },
          { kind: 'alterColumn', columnName: 'b', nullable: false, existingType: 'integer' },
          { kind: 'dropColumn', columnName: 'c' },
          { kind: 'createUniqueConstraint', constraintName: 'uq_t_a', columns: ['a'] },
          { kind: 'createCheckConstraint', constraintName: 'ck_t_b', condition: 'b > 0' },
        ],
      }),
    ],
    expect: { rowCounts: [{ table: 't', count: 2 }] },
  },
  {
    name: 'batch: constraints added and dropped, rows kept',
    setup: [
      ...withRows,
      simpleTable('other', { name: 't_id', type: 'integer' }),
      createTable({ tableName: 'u', columns: [idColumn, { name: 'n', type: 'integer' }], constraints: [{ type: 'check', name: 'ck_u_n', condition: 'n > 0' }] }),
    ],
    ops: [
      batch({ tableName: 'other', ops: [{ kind: 'createForeignKey', constraintName: 'fk_other_t', referentTable: 't', localCols: ['t_id'], remoteCols: ['id'] }] }),
      batch({ tableName: 'u', ops: [{ kind: 'dropConstraint', constraintName: 'ck_u_n', type: 'check' }] }),
    ],
    expect: { rowCounts: [{ table: 't', count: 2 }] },
  },
  {
    name: 'batch: a column placed with insertAfter',
    setup: withRows,
    ops: [batch({ tableName: 't', ops: [{ kind: 'addColumn', column: { name: 'z', type: 'integer' }, insertAfter: 'id' }] })],
    // A dialect that compiles the batch to ALTERs appends the column; one that rebuilds places it.
    expect: { columnOrder: 'any', rowCounts: [{ table: 't', count: 2 }] },
  },
  {
    name: 'modifyTableOps: its ops, in order',
    setup: [simpleTable('t')],
    ops: [
      modifyTableOps({
        tableName: 't',
        ops: [addColumn({ tableName: 't', column: { name: 'a', type: 'integer' } }), createIndex({ indexName: 'ix_t_a', tableName: 't', columns: ['a'] })],
      }),
    ],
  },
  {
    name: 'migrationScript and upgradeOps: the upgrade ops, in order',
    ops: [
      migrationScript({
        revId: 'a1b2c3',
        downRevision: null,
        upgradeOps: upgradeOps({ ops: [simpleTable('t'), addColumn({ tableName: 't', column: { name: 'a', type: varchar(10) } })] }),
        downgradeOps: downgradeOps({ ops: [] }),
      }),
    ],
  },
  {
    name: 'downgradeOps: its ops, in order',
    setup: [simpleTable('t', { name: 'a', type: 'integer' })],
    ops: [downgradeOps({ ops: [createIndex({ indexName: 'ix_t_a', tableName: 't', columns: ['a'] }), simpleTable('u')] })],
  },
]
