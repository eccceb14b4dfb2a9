import { addColumn, alterColumn, createIndex, createTable, dropColumn } from '@athanor/ir'
import type { Scenario } from './scenario.js'
import { idColumn, simpleTable } from './scenarios-tables.js'

const varchar = (length: number) => ({ name: 'varchar', length }) as const

/** addColumn, alterColumn and dropColumn. */
export const columnScenarios: readonly Scenario[] = [
  {
    name: 'addColumn: nullable, NOT NULL with a default, with a comment',
    setup: [simpleTable('t')],
    ops: [
      addColumn({ tableName: 't', column: { name: 'a', type: 'integer' } }),
      addColumn({ tableName: 't', column: { name: 'b', type: varchar(20), nullable: false, serverDefault: { literal: 'x' } } }),
      addColumn({ tableName: 't', column: { name: 'c', type: 'boolean', nullable: false, serverDefault: { literal: '0' } } }),
      addColumn({ tableName: 't', column: { name: 'd', type: 'text', comment: "d's comment" } }),
    ],
  },
  {
    name: 'addColumn: unique, index and foreign key flags',
    // Engines that cannot ALTER constraints (SQLite) add such columns only by rebuilding in a batch.
    requires: (caps) => caps.alterConstraints,
    setup: [simpleTable('parent'), simpleTable('t')],
    ops: [
      addColumn({ tableName: 't', column: { name: 'email', type: varchar(50), unique: true } }),
      addColumn({ tableName: 't', column: { name: 'code', type: varchar(10), index: true } }),
      addColumn({ tableName: 't', column: { name: 'tag', type: varchar(10), unique: true, index: true } }),
      addColumn({ tableName: 't', column: { name: 'parent_id', type: 'integer', foreignKey: { referentTable: 'parent', remoteCol: 'id', name: 'fk_t_parent', onDelete: 'SET NULL' } } }),
    ],
  },
  {
    name: 'addColumn: a column check',
    // A CHECK added with its column is a constraint added to an existing table.
    requires: (caps) => caps.alterConstraints,
    setup: [simpleTable('t')],
    ops: [addColumn({ tableName: 't', column: { name: 'n', type: 'integer', check: { name: 'ck_t_n', condition: 'n > 0' } } })],
  },
  {
    name: 'addColumn: primaryKey with inlinePrimaryKey adds the key',
    // Engines that cannot ALTER constraints (SQLite) add such columns only by rebuilding in a batch.
    requires: (caps) => caps.alterConstraints,
    setup: [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }] })],
    ops: [addColumn({ tableName: 't', inlinePrimaryKey: true, column: { name: 'id', type: 'integer', primaryKey: true } })],
  },
  {
    name: 'addColumn: primaryKey without inlinePrimaryKey only makes the column NOT NULL',
    // Engines that cannot ALTER constraints (SQLite) add such columns only by rebuilding in a batch.
    requires: (caps) => caps.alterConstraints,
    setup: [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }] })],
    ops: [addColumn({ tableName: 't', column: { name: 'id', type: 'integer', primaryKey: true } })],
  },
  {
    name: 'addColumn: ifNotExists on an existing column does nothing',
    requires: (caps) => caps.columnIfExists,
    setup: [simpleTable('t', { name: 'a', type: 'integer' })],
    ops: [addColumn({ tableName: 't', ifNotExists: true, column: { name: 'a', type: 'text' } })],
  },
  {
    name: 'addColumn: identity columns',
    requires: (caps) => caps.identityColumns,
    setup: [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }] })],
    ops: [
      addColumn({ tableName: 't', column: { name: 'id', type: 'integer', identity: { always: true } } }),
      addColumn({ tableName: 't', column: { name: 'seq', type: 'bigint', identity: { start: 100, increment: 10 } } }),
    ],
  },
  {
    name: 'alterColumn: type',
    requires: (caps) => caps.alterColumn,
    setup: [simpleTable('t', { name: 'a', type: varchar(20) }, { name: 'b', type: 'integer' }, { name: 'c', type: { name: 'numeric', precision: 8, scale: 2 } })],
    ops: [
      alterColumn({ tableName: 't', columnName: 'a', type: varchar(80), existingType: varchar(20) }),
      alterColumn({ tableName: 't', columnName: 'b', type: 'bigint', existingType: 'integer' }),
      alterColumn({ tableName: 't', columnName: 'c', type: { name: 'numeric', precision: 12, scale: 4 }, existingType: { name: 'numeric', precision: 8, scale: 2 } }),
    ],
  },
  {
    name: 'alterColumn: nullability',
    requires: (caps) => caps.alterColumn,
    setup: [simpleTable('t', { name: 'a', type: 'integer' }, { name: 'b', type: 'integer', nullable: false })],
    ops: [
      alterColumn({ tableName: 't', columnName: 'a', nullable: false, existingType: 'integer', existingNullable: true }),
      alterColumn({ tableName: 't', columnName: 'b', nullable: true, existingType: 'integer', existingNullable: false }),
    ],
  },
  {
    name: 'alterColumn: default set and dropped',
    requires: (caps) => caps.alterColumn,
    setup: [simpleTable('t', { name: 'a', type: 'integer', serverDefault: { literal: '5' } }, { name: 'b', type: varchar(10) }, { name: 'c', type: 'datetime' })],
    ops: [
      alterColumn({ tableName: 't', columnName: 'a', serverDefault: null, existingType: 'integer', existingServerDefault: { literal: '5' } }),
      alterColumn({ tableName: 't', columnName: 'b', serverDefault: { literal: "it's new" }, existingType: varchar(10) }),
      alterColumn({ tableName: 't', columnName: 'c', serverDefault: { sql: 'CURRENT_TIMESTAMP' }, existingType: 'datetime' }),
    ],
  },
  {
    name: 'alterColumn: comment set and removed',
    requires: (caps) => caps.comments && caps.alterColumn,
    setup: [simpleTable('t', { name: 'a', type: 'integer', comment: 'old' }, { name: 'b', type: 'integer' })],
    ops: [
      alterColumn({ tableName: 't', columnName: 'a', comment: null, existingComment: 'old', existingType: 'integer' }),
      alterColumn({ tableName: 't', columnName: 'b', comment: "b's new comment", existingType: 'integer' }),
    ],
  },
  {
    name: 'alterColumn: rename follows into constraints and indexes',
    requires: (caps) => caps.renameColumn,
    setup: [
      simpleTable('t', { name: 'email', type: varchar(50), unique: true }, { name: 'code', type: varchar(10) }),
      createIndex({ indexName: 'ix_t_code_email', tableName: 't', columns: ['code', 'email'] }),
    ],
    ops: [alterColumn({ tableName: 't', columnName: 'email', newColumnName: 'mail', existingType: varchar(50) })],
  },
  {
    name: 'alterColumn: type, nullability, default, comment and name at once',
    requires: (caps) => caps.alterColumn && caps.renameColumn && caps.comments,
    setup: [simpleTable('t', { name: 'a', type: varchar(10) })],
    ops: [
      alterColumn({
        tableName: 't',
        columnName: 'a',
        type: varchar(30),
        nullable: false,
        serverDefault: { literal: 'none' },
        comment: 'renamed',
        newColumnName: 'b',
        existingType: varchar(10),
        existingNullable: true,
      }),
    ],
  },
  {
    name: 'alterColumn: identity added and dropped',
    requires: (caps) => caps.identityColumns,
    setup: [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', nullable: false }, { name: 'b', type: 'integer', identity: {} }] })],
    ops: [
      alterColumn({ tableName: 't', columnName: 'a', identity: { always: true }, existingIdentity: null, existingType: 'integer' }),
      alterColumn({ tableName: 't', columnName: 'b', identity: null, existingIdentity: {}, existingType: 'integer' }),
    ],
  },
  {
    name: 'dropColumn: removes the column with its index and unique constraint',
    requires: (caps) => caps.dropColumn && caps.alterConstraints,
    setup: [
      createTable({ tableName: 't', columns: [idColumn, { name: 'a', type: 'integer' }, { name: 'b', type: varchar(20), unique: true }] }),
      createIndex({ indexName: 'ix_t_b', tableName: 't', columns: ['b'] }),
    ],
    ops: [dropColumn({ tableName: 't', columnName: 'b' })],
  },
  {
    name: 'dropColumn: ifExists on a missing column does nothing',
    requires: (caps) => caps.dropColumn && caps.columnIfExists,
    setup: [simpleTable('t', { name: 'a', type: 'integer' })],
    ops: [dropColumn({ tableName: 't', columnName: 'ghost', ifExists: true })],
  },
]
