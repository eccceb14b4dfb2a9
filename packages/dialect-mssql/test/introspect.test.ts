/**
 * The introspector against catalog rows written by hand, in the shapes SQL Server's catalog views
 * return (no SQL Server was available to return real ones): the queries run in order, and rows
 * become the model's tables, columns, constraints and indexes.
 */
import { describe, expect, it } from 'vitest'
import { introspectMssql, mssqlCanonical, type MssqlQuery } from '@athanor/dialect-mssql/introspect'

const rowsFor = (sql: string): Record<string, unknown>[] => {
  if (sql.includes('SCHEMA_NAME()')) return [{ default_schema: 'dbo' }]
  if (sql.includes('FROM sys.tables t\n')) return [{ table_id: '10', name: 'account', comment: 'accounts' }, { table_id: '20', name: 'post', comment: null }]
  if (sql.includes('FROM sys.columns c')) {
    return [
      { table_id: '10', name: 'id', type_name: 'int', max_length: 4, precision: 10, scale: 0, is_nullable: false, is_identity: true, seed: '1', increment: '1' },
      { table_id: '10', name: 'email', type_name: 'nvarchar', max_length: 200, precision: 0, scale: 0, is_nullable: false, collation: 'Latin1_General_CS_AS', database_collation: 'SQL_Latin1_General_CP1_CI_AS', comment: "it's" },
      { table_id: '10', name: 'body', type_name: 'varchar', max_length: -1, precision: 0, scale: 0, is_nullable: 1, collation: 'SQL_Latin1_General_CP1_CI_AS', database_collation: 'SQL_Latin1_General_CP1_CI_AS', default_sql: "(N'it''s')" },
      { table_id: '20', name: 'id', type_name: 'bigint', max_length: 8, precision: 19, scale: 0, is_nullable: false, is_identity: 1, seed: '100', increment: '10' },
      { table_id: '20', name: 'account_id', type_name: 'int', max_length: 4, precision: 10, scale: 0, is_nullable: true, default_sql: '((0))' },
      { table_id: '20', name: 'at', type_name: 'datetime2', max_length: 8, precision: 27, scale: 3, is_nullable: true, default_sql: '(getdate())' },
      { table_id: '20', name: 'twice', type_name: 'int', max_length: 4, precision: 10, scale: 0, is_nullable: true, computed_sql: '([account_id]*(2))', is_persisted: true },
      { table_id: '20', name: 'amount', type_name: 'decimal', max_length: 9, precision: 10, scale: 2, is_nullable: true },
      { table_id: '20', name: 'cash', type_name: 'money', max_length: 8, precision: 19, scale: 4, is_nullable: true },
    ]
  }
  if (sql.includes('FROM sys.key_constraints kc')) {
    return [
      { table_id: '10', constraint_id: '11', name: 'PK__account__3213E83F', type: 'PK', is_system_named: true, index_type: 'CLUSTERED', column_name: 'id' },
      { table_id: '10', constraint_id: '12', name: 'uq_email', type: 'UQ', is_system_named: false, index_type: 'NONCLUSTERED', column_name: 'email' },
      { table_id: '20', constraint_id: '21', name: 'pk_post', type: 'PK', is_system_named: false, index_type: 'NONCLUSTERED', column_name: 'id' },
    ]
  }
  if (sql.includes('FROM sys.foreign_keys fk')) {
    return [{ table_id: '20', constraint_id: '22', name: 'fk_post_account', is_system_named: false, referent_table: 'account', referent_schema: 'dbo', local_column: 'account_id', remote_column: 'id', on_delete: 'SET_NULL', on_update: 'NO_ACTION' }]
  }
  if (sql.includes('FROM sys.check_constraints cc')) return [{ table_id: '20', name: 'CK__post__amount__1', is_system_named: true, definition: '([amount]>=(0))' }]
  if (sql.includes('FROM sys.indexes i')) {
    return [
      { table_id: '20', index_id: '2', name: 'ix_post_at', is_unique: false, index_type: 'NONCLUSTERED', filter: '([amount]>(0))', column_name: 'at', is_descending: true, is_included: false },
      { table_id: '20', index_id: '2', name: 'ix_post_at', is_unique: false, index_type: 'NONCLUSTERED', filter: '([amount]>(0))', column_name: 'account_id', is_descending: false, is_included: false },
      { table_id: '20', index_id: '2', name: 'ix_post_at', is_unique: false, index_type: 'NONCLUSTERED', filter: '([amount]>(0))', column_name: 'amount', is_descending: false, is_included: true },
    ]
  }
  throw new Error(`unexpected query: ${sql.slice(0, 60)}`)
}

describe('introspectMssql', () => {
  it('reads tables, columns, constraints and indexes from the catalog rows', async () => {
    const seen: unknown[] = []
    const query: MssqlQuery = async (sql, params) => {
      seen.push(params)
      return rowsFor(sql)
    }
    expect(await introspectMssql(query)).toEqual({
      tables: [
        {
          name: 'account',
          columns: [
            { name: 'id', type: 'integer', nullable: false, identity: {} },
            { name: 'email', type: { name: 'nvarchar', length: 100, collation: 'Latin1_General_CS_AS' }, nullable: false, comment: "it's" },
            { name: 'body', type: 'text', nullable: true, serverDefault: { literal: "it's" } },
          ],
          constraints: [{ type: 'primaryKey', columns: ['id'] }, { type: 'unique', name: 'uq_email', columns: ['email'] }],
          indexes: [],
          comment: 'accounts',
        },
        {
          name: 'post',
          columns: [
            { name: 'id', type: 'bigint', nullable: false, identity: { start: 100, increment: 10 } },
            { name: 'account_id', type: 'integer', nullable: true, serverDefault: { sql: '0' } },
            { name: 'at', type: { name: 'datetime', precision: 3 }, nullable: true, serverDefault: { sql: 'getdate()' } },
            { name: 'twice', type: 'integer', nullable: true, computed: { sqltext: '[account_id]*(2)', persisted: true } },
            { name: 'amount', type: { name: 'numeric', precision: 10, scale: 2 }, nullable: true },
            { name: 'cash', type: { name: 'raw', sql: 'MONEY' }, nullable: true },
          ],
          constraints: [
            { type: 'primaryKey', name: 'pk_post', columns: ['id'], mssqlClustered: false },
            { type: 'foreignKey', name: 'fk_post_account', localCols: ['account_id'], referentTable: 'account', remoteCols: ['id'], onDelete: 'SET NULL' },
            { type: 'check', condition: '[amount]>=(0)' },
          ],
          indexes: [{ name: 'ix_post_at', columns: [{ sql: 'at DESC' }, 'account_id'], mssqlInclude: ['amount'], mssqlWhere: '[amount]>(0)' }],
        },
      ],
    })
    // The default schema, passed as @schema to every catalog query.
    expect(seen.slice(1)).toEqual(Array(6).fill({ schema: 'dbo' }))
  })

  it('names the schema of tables outside the default schema', async () => {
    const snapshot = await introspectMssql(async (sql) => rowsFor(sql), { schema: 'billing' })
    expect(snapshot.tables.map((t) => t.schema)).toEqual(['billing', 'billing'])
  })
})

describe('mssqlCanonical', () => {
  it('maps types and defaults to the way SQL Server reports them, idempotently', () => {
    const c = { name: 'x', type: 'json' as const, nullable: true, serverDefault: { sql: 'CURRENT_TIMESTAMP' } }
    const once = mssqlCanonical.column(c)
    expect(once).toEqual({ name: 'x', type: { name: 'nvarchar' }, nullable: true, serverDefault: { sql: 'getdate()' } })
    expect(mssqlCanonical.column(once)).toEqual(once)
    expect(mssqlCanonical.column({ name: 'v', type: { name: 'varchar' }, nullable: true }).type).toEqual({ name: 'text' })
    expect(mssqlCanonical.column({ name: 'n', type: 'numeric', nullable: true }).type).toEqual({ name: 'numeric', precision: 18 })
  })
})
