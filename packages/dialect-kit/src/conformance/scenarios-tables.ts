import { createTable, createTableComment, dropTable, dropTableComment, renameTable, type Column, type CreateTableOp } from '@athanor/ir'
import type { Scenario } from './scenario.js'

/** `id INTEGER PRIMARY KEY` */
export const idColumn: Column = { name: 'id', type: 'integer', primaryKey: true }

/** A table `name` with `id` and the given columns. */
export const simpleTable = (name: string, ...columns: Column[]): CreateTableOp =>
  createTable({ tableName: name, columns: [idColumn, ...columns] })

const MOOD = { name: 'enum', values: ['happy', 'sad'], enumName: 'mood' } as const

/** createTable, dropTable, renameTable and table comments. */
export const tableScenarios: readonly Scenario[] = [
  {
    name: 'createTable: every generic type',
    ops: [
      createTable({
        tableName: 'all_types',
        columns: [
          idColumn,
          { name: 'small', type: 'smallint' },
          { name: 'big', type: 'bigint' },
          { name: 'name', type: { name: 'varchar', length: 40 } },
          { name: 'nname', type: { name: 'nvarchar', length: 40 } },
          { name: 'code', type: { name: 'char', length: 3 } },
          { name: 'body', type: 'text' },
          { name: 'flag', type: 'boolean' },
          { name: 'amount', type: { name: 'numeric', precision: 10, scale: 2 } },
          { name: 'ratio', type: 'float' },
          { name: 'score', type: 'double' },
          { name: 'born', type: 'date' },
          { name: 'seen', type: 'datetime' },
          { name: 'seen_tz', type: { name: 'datetime', timezone: true } },
          { name: 'at', type: 'time' },
          { name: 'span', type: 'interval' },
          { name: 'doc', type: 'json' },
          { name: 'data', type: 'binary' },
          { name: 'uid', type: 'uuid' },
          { name: 'mood', type: MOOD },
        ],
      }),
    ],
  },
  {
    name: 'createTable: keys, column flags, defaults and comments',
    ops: [
      createTable({
        tableName: 'account',
        columns: [idColumn, { name: 'email', type: { name: 'varchar', length: 100 }, nullable: false, unique: true }],
        comment: 'accounts',
      }),
      createTable({
        tableName: 'post',
        columns: [
          idColumn,
          { name: 'account_id', type: 'integer', index: true, foreignKey: { referentTable: 'account', remoteCol: 'id' } },
          { name: 'qty', type: 'integer', nullable: false, serverDefault: { literal: '0' }, check: { name: 'ck_post_qty', condition: 'qty >= 0' } },
          { name: 'label', type: { name: 'varchar', length: 20 }, serverDefault: { literal: "it's" } },
          { name: 'created', type: 'datetime', serverDefault: { sql: 'CURRENT_TIMESTAMP' } },
          { name: 'note', type: 'text', comment: 'free text' },
        ],
        constraints: [
          { type: 'unique', name: 'uq_post_label_qty', columns: ['label', 'qty'] },
          { type: 'check', name: 'ck_post_label', condition: "label <> ''" },
          { type: 'index', name: 'ix_post_created', columns: ['created'] },
        ],
        comment: "a post's table",
      }),
    ],
  },
  {
    name: 'createTable: a foreign key with ON DELETE CASCADE',
    requires: (caps) => caps.foreignKeyActions !== false,
    setup: [simpleTable('account')],
    ops: [
      createTable({
        tableName: 'post',
        columns: [idColumn, { name: 'account_id', type: 'integer', index: true, foreignKey: { referentTable: 'account', remoteCol: 'id', onDelete: 'CASCADE' } }],
      }),
    ],
  },
  {
    name: 'createTable: a named composite primary key',
    ops: [
      createTable({
        tableName: 'pair',
        columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: { name: 'varchar', length: 10 } }, { name: 'c', type: 'text' }],
        constraints: [{ type: 'primaryKey', name: 'pk_pair', columns: ['a', 'b'] }],
      }),
    ],
  },
  {
    name: 'createTable: a self-referencing foreign key',
    ops: [
      createTable({
        tableName: 'node',
        columns: [idColumn, { name: 'parent_id', type: 'integer', foreignKey: { referentTable: 'node', remoteCol: 'id', name: 'fk_node_parent' } }],
      }),
    ],
  },
  {
    name: 'createTable: a stored computed column',
    requires: (caps) => caps.storedComputedColumns !== false,
    ops: [
      createTable({
        tableName: 'line',
        columns: [idColumn, { name: 'qty', type: 'integer' }, { name: 'price', type: 'integer' }, { name: 'total', type: 'integer', computed: { sqltext: 'qty * price', persisted: true } }],
      }),
    ],
  },
  {
    name: 'createTable: identity columns',
    requires: (caps) => caps.identityColumns,
    ops: [
      createTable({
        tableName: 'ticket',
        columns: [
          { name: 'id', type: 'integer', identity: { always: true } },
          { name: 'seq', type: 'bigint', identity: { start: 10, increment: 5 } },
          { name: 'body', type: 'text' },
        ],
      }),
    ],
  },
  {
    name: 'createTable: ifNotExists leaves an existing table as it is',
    setup: [simpleTable('t', { name: 'a', type: 'integer' })],
    ops: [createTable({ tableName: 't', ifNotExists: true, columns: [{ name: 'other', type: 'text' }] })],
  },
  {
    name: 'dropTable: removes the table',
    setup: [simpleTable('keep'), simpleTable('gone', { name: 'a', type: 'integer', index: true })],
    ops: [dropTable({ tableName: 'gone' })],
  },
  {
    name: 'dropTable: ifExists on a missing table does nothing',
    setup: [simpleTable('t')],
    ops: [dropTable({ tableName: 'ghost', ifExists: true })],
  },
  {
    name: 'dropTable then createTable again with the same enum type',
    setup: [simpleTable('t', { name: 'mood', type: MOOD })],
    ops: [
      dropTable({ tableName: 't', table: { columns: [idColumn, { name: 'mood', type: MOOD }] } }),
      simpleTable('t', { name: 'mood', type: MOOD }),
    ],
  },
  {
    name: 'renameTable: keeps columns, keys and indexes; foreign keys follow it',
    requires: (caps) => caps.alterReferencedTables !== false,
    setup: [
      createTable({
        tableName: 'parent',
        columns: [idColumn, { name: 'code', type: { name: 'varchar', length: 10 }, index: true }],
      }),
      simpleTable('child', { name: 'parent_id', type: 'integer', foreignKey: { referentTable: 'parent', remoteCol: 'id', name: 'fk_child_parent' } }),
    ],
    ops: [renameTable({ oldTableName: 'parent', newTableName: 'guardian' })],
  },
  {
    name: 'createTableComment: sets and replaces the comment',
    requires: (caps) => caps.comments,
    setup: [simpleTable('t')],
    ops: [createTableComment({ tableName: 't', comment: 'first' }), createTableComment({ tableName: 't', comment: "second's", existingComment: 'first' })],
  },
  {
    name: 'dropTableComment: removes the comment',
    requires: (caps) => caps.comments,
    setup: [createTable({ tableName: 't', columns: [idColumn], comment: 'going' })],
    ops: [dropTableComment({ tableName: 't', existingComment: 'going' })],
  },
]
