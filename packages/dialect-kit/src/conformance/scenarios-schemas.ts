import {
  addColumn, alterColumn, batch, bulkInsert, createCheckConstraint, createIndex, createTable, createTableComment, createUniqueConstraint,
  dropColumn, dropConstraint, dropIndex, dropTable, renameTable,
} from '@athanor/ir'
import type { Scenario } from './scenario.js'
import { idColumn, simpleTable } from './scenarios-tables.js'

const varchar = (length: number) => ({ name: 'varchar', length }) as const

/**
 * Scenarios of schema-qualified ops, in `schema`: a second, empty schema the target provides
 * besides its default one (see `ConformanceOptions.otherSchema`). Each needs `schemas`.
 * @example
 * schemaScenarios('athanor_other').length // => 3
 */
export function schemaScenarios(schema: string): readonly Scenario[] {
  const requires = (caps: { readonly schemas: boolean }): boolean => caps.schemas
  const mood = { name: 'enum', values: ['calm', 'busy'], enumName: 'mood_other' } as const
  return [
    {
      name: 'schema: createTable with an enum, indexes, comments and a foreign key to the default schema',
      requires: (caps) => caps.schemas && caps.crossSchemaForeignKeys !== false,
      setup: [simpleTable('parent')],
      ops: [
        createTable({
          tableName: 't',
          schema,
          columns: [
            idColumn,
            { name: 'code', type: varchar(10), index: true },
            { name: 'mood', type: mood },
            { name: 'parent_id', type: 'integer', foreignKey: { referentTable: 'parent', remoteCol: 'id' } },
          ],
          comment: 'in another schema',
        }),
        createIndex({ indexName: 'ix_t_code_id', tableName: 't', schema, columns: ['code', 'id'], unique: true }),
        addColumn({ tableName: 't', schema, column: { name: 'extra', type: 'integer', unique: true, comment: 'added' } }),
      ],
    },
    {
      name: 'schema: columns altered and dropped, constraints and indexes, rename and drop',
      requires: (caps) => caps.schemas && caps.alterColumn && caps.renameColumn && caps.dropColumn && caps.alterConstraints && caps.comments,
      setup: [
        createTable({ tableName: 't', schema, columns: [idColumn, { name: 'a', type: varchar(10) }, { name: 'b', type: 'integer' }, { name: 'c', type: 'text' }] }),
        createTable({ tableName: 'u', schema, columns: [idColumn, { name: 't_id', type: 'integer', foreignKey: { referentTable: 't', referentSchema: schema, remoteCol: 'id', name: 'fk_u_t' } }] }),
        createTable({ tableName: 'v', schema, columns: [idColumn] }),
        createIndex({ indexName: 'ix_t_b', tableName: 't', schema, columns: ['b'] }),
      ],
      ops: [
        alterColumn({ tableName: 't', schema, columnName: 'a', type: varchar(40), nullable: false, newColumnName: 'aa', existingType: varchar(10) }),
        dropColumn({ tableName: 't', schema, columnName: 'c' }),
        createUniqueConstraint({ constraintName: 'uq_t_aa', tableName: 't', schema, columns: ['aa'] }),
        createCheckConstraint({ constraintName: 'ck_t_b', tableName: 't', schema, condition: 'b > 0' }),
        dropConstraint({ constraintName: 'ck_t_b', tableName: 't', schema, type: 'check' }),
        dropIndex({ indexName: 'ix_t_b', tableName: 't', schema }),
        createTableComment({ tableName: 't', schema, comment: 'renamed next' }),
        renameTable({ oldTableName: 't', newTableName: 't2', schema }),
        dropTable({ tableName: 'v', schema }),
      ],
    },
    {
      name: 'schema: batch and bulkInsert',
      requires,
      setup: [createTable({ tableName: 't', schema, columns: [idColumn, { name: 'a', type: 'integer' }] })],
      ops: [
        bulkInsert({ tableName: 't', schema, columns: [{ name: 'id', type: 'integer' }, { name: 'a', type: 'integer' }], rows: [{ id: 1, a: 5 }, { id: 2, a: 6 }] }),
        batch({ tableName: 't', schema, ops: [{ kind: 'addColumn', column: { name: 'b', type: varchar(5), serverDefault: { literal: 'x' } } }, { kind: 'createIndex', indexName: 'ix_t_a', columns: ['a'] }] }),
      ],
      expect: { rowCounts: [{ table: 't', schema, count: 2, where: "b = 'x'" }] },
    },
  ]
}
