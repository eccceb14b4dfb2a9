/**
 * A name MySQL cannot take is refused before anything else, at the path of its field. For the op
 * kinds whose handler writes every name through the quoter (see `mysqlHandlers`), the names are
 * walked only when the compile fails: these tests put a bad name in each field of those kinds, so
 * that a handler that stops writing one is caught. (The IR refuses a table constraint on a column
 * the table does not have, so its column lists hold only names already checked as column names.)
 */
import { describe, expect, it } from 'vitest'
import { addColumn, alterColumn, createForeignKey, createIndex, createTable, dropColumn, renameTable, type Op } from '@athanor/ir'
import { mariadb, mysql } from '@athanor/dialect-mysql'

const bad = 'x'.repeat(65)
const refused = (kind: string, path: string) => expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind, path })

const cases: readonly (readonly [Op, string])[] = [
  [createTable({ tableName: bad, columns: [{ name: 'a', type: 'integer' }] }), 'tableName'],
  [createTable({ tableName: 't', schema: bad, columns: [{ name: 'a', type: 'integer' }] }), 'schema'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: bad, type: 'integer' }] }), 'columns[1].name'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', foreignKey: { name: bad, referentTable: 'r', remoteCol: 'id' } }] }), 'columns[0].foreignKey.name'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', foreignKey: { referentTable: bad, remoteCol: 'id' } }] }), 'columns[0].foreignKey.referentTable'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', foreignKey: { referentTable: 'r', referentSchema: bad, remoteCol: 'id' } }] }), 'columns[0].foreignKey.referentSchema'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', foreignKey: { referentTable: 'r', remoteCol: bad } }] }), 'columns[0].foreignKey.remoteCol'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', check: { name: bad, condition: 'a > 0' } }] }), 'columns[0].check.name'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'unique', name: bad, columns: ['a'] }] }), 'constraints[0].name'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'primaryKey', name: bad, columns: ['a'] }] }), 'constraints[0].name'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'check', name: bad, condition: 'a > 0' }] }), 'constraints[0].name'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'index', name: bad, columns: ['a'] }] }), 'constraints[0].name'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'foreignKey', localCols: ['a'], referentTable: 'r', remoteCols: [bad] }] }), 'constraints[0].remoteCols[0]'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'foreignKey', localCols: ['a'], referentTable: bad, remoteCols: ['id'] }] }), 'constraints[0].referentTable'],
  [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'foreignKey', localCols: ['a'], referentTable: 'r', referentSchema: bad, remoteCols: ['id'] }] }), 'constraints[0].referentSchema'],
  [addColumn({ tableName: bad, column: { name: 'a', type: 'integer' } }), 'tableName'],
  [addColumn({ tableName: 't', schema: bad, column: { name: 'a', type: 'integer' } }), 'schema'],
  [addColumn({ tableName: 't', column: { name: bad, type: 'integer' } }), 'column.name'],
  [addColumn({ tableName: 't', column: { name: 'a', type: 'integer', foreignKey: { name: bad, referentTable: 'r', remoteCol: 'id' } } }), 'column.foreignKey.name'],
  [addColumn({ tableName: 't', column: { name: 'a', type: 'integer', foreignKey: { referentTable: bad, remoteCol: 'id' } } }), 'column.foreignKey.referentTable'],
  [addColumn({ tableName: 't', column: { name: 'a', type: 'integer', foreignKey: { referentTable: 'r', referentSchema: bad, remoteCol: 'id' } } }), 'column.foreignKey.referentSchema'],
  [addColumn({ tableName: 't', column: { name: 'a', type: 'integer', foreignKey: { referentTable: 'r', remoteCol: bad } } }), 'column.foreignKey.remoteCol'],
  [addColumn({ tableName: 't', column: { name: 'a', type: 'integer', check: { name: bad, condition: 'a > 0' } } }), 'column.check.name'],
  [alterColumn({ tableName: bad, columnName: 'a', nullable: true, existingType: 'text' }), 'tableName'],
  [alterColumn({ tableName: 't', schema: bad, columnName: 'a', nullable: true, existingType: 'text' }), 'schema'],
  [alterColumn({ tableName: 't', columnName: bad, nullable: true, existingType: 'text' }), 'columnName'],
  [alterColumn({ tableName: 't', columnName: 'a', newColumnName: bad }), 'newColumnName'],
  // Changes nothing, so writes no statement: its names are refused all the same.
  [alterColumn({ tableName: 't', columnName: bad }), 'columnName'],
  [createIndex({ indexName: bad, tableName: 't', columns: ['a'] }), 'indexName'],
  [createIndex({ indexName: 'ix', tableName: bad, columns: ['a'] }), 'tableName'],
  [createIndex({ indexName: 'ix', tableName: 't', schema: bad, columns: ['a'] }), 'schema'],
  [createIndex({ indexName: 'ix', tableName: 't', columns: ['a', bad] }), 'columns[1]'],
  [createForeignKey({ constraintName: bad, sourceTable: 't', referentTable: 'r', localCols: ['a'], remoteCols: ['id'] }), 'constraintName'],
  [createForeignKey({ constraintName: 'fk', sourceTable: bad, referentTable: 'r', localCols: ['a'], remoteCols: ['id'] }), 'sourceTable'],
  [createForeignKey({ constraintName: 'fk', sourceTable: 't', sourceSchema: bad, referentTable: 'r', referentSchema: 's', localCols: ['a'], remoteCols: ['id'] }), 'sourceSchema'],
  [createForeignKey({ constraintName: 'fk', sourceTable: 't', referentTable: bad, localCols: ['a'], remoteCols: ['id'] }), 'referentTable'],
  [createForeignKey({ constraintName: 'fk', sourceTable: 't', referentTable: 'r', referentSchema: bad, localCols: ['a'], remoteCols: ['id'] }), 'referentSchema'],
  [createForeignKey({ constraintName: 'fk', sourceTable: 't', referentTable: 'r', localCols: [bad], remoteCols: ['id'] }), 'localCols[0]'],
  [createForeignKey({ constraintName: 'fk', sourceTable: 't', referentTable: 'r', localCols: ['a'], remoteCols: [bad] }), 'remoteCols[0]'],
  [renameTable({ oldTableName: bad, newTableName: 'b' }), 'oldTableName'],
  [renameTable({ oldTableName: 'a', newTableName: bad }), 'newTableName'],
  [renameTable({ oldTableName: 'a', newTableName: 'b', schema: bad }), 'schema'],
  [dropColumn({ tableName: bad, columnName: 'a' }), 'tableName'],
  [dropColumn({ tableName: 't', schema: bad, columnName: 'a' }), 'schema'],
  [dropColumn({ tableName: 't', columnName: bad }), 'columnName'],
  // What a drop carries to be reversible is not written, and is checked all the same.
  [dropColumn({ tableName: 't', columnName: 'a', column: { name: 'a', type: 'integer', foreignKey: { name: bad, referentTable: 'r', remoteCol: 'id' } } }), 'column.foreignKey.name'],
]

describe('names', () => {
  it('refuses a bad name in every field, at its path', () => {
    for (const dialect of [mysql, mariadb]) {
      for (const [op, path] of cases) expect(() => dialect.compile(op), `${op.kind} ${path}`).toThrow(refused(op.kind, path))
    }
  })

  it('refuses a bad name before anything else the op gets wrong', () => {
    // Column 0 has an identity (refused on its own); the name of column 1 is refused first.
    const op = createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer', identity: {} }, { name: 'b ', type: 'integer' }] })
    expect(() => mysql.compile(op)).toThrow(refused('createTable', 'columns[1].name'))
    // An index named after a long table and column is refused by the quoter, without a field.
    const long = createTable({ tableName: 't'.repeat(40), columns: [{ name: 'c'.repeat(40), type: 'integer', index: true }] })
    expect(() => mysql.compile(long)).toThrow(refused('createTable', ''))
  })
})
