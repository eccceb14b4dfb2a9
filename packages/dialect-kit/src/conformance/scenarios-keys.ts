import {
  createCheckConstraint, createForeignKey, createIndex, createPrimaryKey, createTable, createUniqueConstraint, dropConstraint, dropIndex,
} from '@athanor/ir'
import type { Scenario } from './scenario.js'
import { idColumn, simpleTable } from './scenarios-tables.js'

const varchar = (length: number) => ({ name: 'varchar', length }) as const

const indexed = simpleTable('t', { name: 'a', type: 'integer' }, { name: 'b', type: varchar(20) }, { name: 'c', type: 'integer' })

/** Indexes. */
export const indexScenarios: readonly Scenario[] = [
  {
    name: 'createIndex: plain, unique and on several columns',
    setup: [indexed],
    ops: [
      createIndex({ indexName: 'ix_t_a', tableName: 't', columns: ['a'] }),
      createIndex({ indexName: 'ux_t_b', tableName: 't', columns: ['b'], unique: true }),
      createIndex({ indexName: 'ix_t_b_c', tableName: 't', columns: ['b', 'c'] }),
    ],
  },
  {
    name: 'createIndex: on an expression',
    requires: (caps) => caps.expressionIndexes,
    setup: [indexed],
    ops: [createIndex({ indexName: 'ix_t_lower_b', tableName: 't', columns: [{ sql: 'lower(b)' }] })],
  },
  {
    name: 'createIndex: partial (WHERE)',
    requires: (caps) => caps.partialIndexes,
    setup: [indexed],
    ops: [createIndex({ indexName: 'ix_t_a_positive', tableName: 't', columns: ['a'], postgresqlWhere: 'c > 0', sqliteWhere: 'c > 0', mssqlWhere: 'c > 0' })],
  },
  {
    name: 'dropIndex: removes the index',
    setup: [indexed, createIndex({ indexName: 'ix_t_a', tableName: 't', columns: ['a'] }), createIndex({ indexName: 'ix_t_c', tableName: 't', columns: ['c'] })],
    ops: [dropIndex({ indexName: 'ix_t_a', tableName: 't', index: { columns: ['a'] } })],
  },
]

const referenced = [
  createTable({ tableName: 'parent', columns: [idColumn, { name: 'code', type: varchar(10), nullable: false }], constraints: [{ type: 'unique', name: 'uq_parent_code', columns: ['code'] }] }),
  simpleTable('child', { name: 'parent_id', type: 'integer' }, { name: 'parent_code', type: varchar(10) }),
]

/** Constraints added to and dropped from existing tables. */
export const constraintScenarios: readonly Scenario[] = [
  {
    name: 'createPrimaryKey: on existing columns, which become NOT NULL',
    requires: (caps) => caps.alterConstraints,
    setup: [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: varchar(10) }] })],
    ops: [createPrimaryKey({ constraintName: 'pk_t', tableName: 't', columns: ['a', 'b'] })],
  },
  {
    name: 'createUniqueConstraint: on one and on two columns',
    requires: (caps) => caps.alterConstraints,
    setup: [indexed],
    ops: [
      createUniqueConstraint({ constraintName: 'uq_t_a', tableName: 't', columns: ['a'] }),
      createUniqueConstraint({ constraintName: 'uq_t_b_c', tableName: 't', columns: ['b', 'c'] }),
    ],
  },
  {
    name: 'createForeignKey: with ON DELETE and ON UPDATE actions',
    requires: (caps) => caps.alterConstraints,
    setup: referenced,
    ops: [
      createForeignKey({ constraintName: 'fk_child_parent', sourceTable: 'child', referentTable: 'parent', localCols: ['parent_id'], remoteCols: ['id'], onDelete: 'CASCADE', onUpdate: 'RESTRICT' }),
      createForeignKey({ constraintName: 'fk_child_code', sourceTable: 'child', referentTable: 'parent', localCols: ['parent_code'], remoteCols: ['code'], onDelete: 'set null', onUpdate: 'NO ACTION' }),
    ],
  },
  {
    name: 'createForeignKey and createUniqueConstraint: deferrable',
    requires: (caps) => caps.alterConstraints && caps.deferrableConstraints,
    setup: referenced,
    ops: [
      createForeignKey({ constraintName: 'fk_child_parent', sourceTable: 'child', referentTable: 'parent', localCols: ['parent_id'], remoteCols: ['id'], deferrable: true, initially: 'DEFERRED' }),
      createUniqueConstraint({ constraintName: 'uq_child_code', tableName: 'child', columns: ['parent_code'], deferrable: true }),
    ],
  },
  {
    name: 'createCheckConstraint: on an existing table',
    requires: (caps) => caps.alterConstraints,
    setup: [indexed],
    ops: [createCheckConstraint({ constraintName: 'ck_t_a', tableName: 't', condition: 'a > 0 AND c < 100' })],
  },
  {
    name: 'dropConstraint: every constraint type',
    requires: (caps) => caps.alterConstraints,
    setup: [
      createTable({ tableName: 'parent', columns: [{ name: 'id', type: 'integer', nullable: false }], constraints: [{ type: 'primaryKey', name: 'pk_parent', columns: ['id'] }] }),
      createTable({
        tableName: 't',
        columns: [{ name: 'id', type: 'integer', nullable: false }, { name: 'a', type: 'integer' }, { name: 'parent_id', type: 'integer' }],
        constraints: [
          { type: 'primaryKey', name: 'pk_t', columns: ['id'] },
          { type: 'unique', name: 'uq_t_a', columns: ['a'] },
          { type: 'check', name: 'ck_t_a', condition: 'a > 0' },
          { type: 'foreignKey', name: 'fk_t_parent', localCols: ['parent_id'], referentTable: 'parent', remoteCols: ['id'] },
        ],
      }),
    ],
    ops: [
      dropConstraint({ constraintName: 'fk_t_parent', tableName: 't', type: 'foreignKey' }),
      dropConstraint({ constraintName: 'ck_t_a', tableName: 't', type: 'check' }),
      dropConstraint({ constraintName: 'uq_t_a', tableName: 't', type: 'unique' }),
      dropConstraint({ constraintName: 'pk_t', tableName: 't', type: 'primaryKey' }),
    ],
  },
]
