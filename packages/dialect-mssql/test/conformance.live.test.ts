/**
 * The conformance suite against a live SQL Server, opt-in: set `ATHANOR_MSSQL_URL` to an `mssql`
 * connection string (`Server=127.0.0.1,1433;User Id=sa;Password=…;Encrypt=false`) of a login that
 * may create databases. The suite creates its own database (`athanor_t_<random>`), runs every
 * scenario there (tables in `dbo` and in a second schema), and drops it afterwards.
 *
 * Without the variable the suite is skipped, saying so: there is no SQL Server on the machines
 * this dialect was written on, so this path has not been run yet.
 */
import { randomBytes } from 'node:crypto'
import sql from 'mssql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conformanceCases, type ConformanceTarget } from '@athanor/dialect-kit/conformance'
import { mssql, mssqlQuote as q } from '@athanor/dialect-mssql'
import { introspectMssql, mssqlCanonical } from '@athanor/dialect-mssql/introspect'

const URL = process.env['ATHANOR_MSSQL_URL']

if (URL === undefined || URL === '') {
  describe('conformance (mssql) — SKIPPED: set ATHANOR_MSSQL_URL to run it against a SQL Server', () => {
    // Skipped on purpose: no SQL Server exists on our machines; set ATHANOR_MSSQL_URL to run the suite.
    it.skip('needs a SQL Server (none is available here)', () => undefined)
  })
} else {
  const database = `athanor_t_${randomBytes(6).toString('hex')}`
  const other = 'athanor_other'
  let admin: sql.ConnectionPool | undefined
  let pool: sql.ConnectionPool | undefined
  const db = (): sql.ConnectionPool => {
    if (pool === undefined) throw new Error('no connection (beforeAll failed)')
    return pool
  }
  const run = async (text: string): Promise<readonly Record<string, unknown>[]> => (await db().request().batch(text)).recordset ?? []
  const query = async (text: string, params: Readonly<Record<string, unknown>> = {}): Promise<readonly Record<string, unknown>[]> => {
    const request = db().request()
    for (const [name, value] of Object.entries(params)) request.input(name, value)
    return (await request.query(text)).recordset ?? []
  }
  // Drops every foreign key, then every table, of the suite's database.
  const empty = `DECLARE @sql nvarchar(max) = N'';
SELECT @sql += N'ALTER TABLE ' + QUOTENAME(SCHEMA_NAME(t.schema_id)) + N'.' + QUOTENAME(t.name) + N' DROP CONSTRAINT ' + QUOTENAME(fk.name) + N'; '
  FROM sys.foreign_keys fk JOIN sys.tables t ON t.object_id = fk.parent_object_id;
SELECT @sql += N'DROP TABLE ' + QUOTENAME(SCHEMA_NAME(schema_id)) + N'.' + QUOTENAME(name) + N'; ' FROM sys.tables WHERE is_ms_shipped = 0;
EXEC (@sql);`

  describe('conformance (mssql)', () => {
    beforeAll(async () => {
      admin = await new sql.ConnectionPool(URL).connect()
      await admin.request().batch(`CREATE DATABASE ${q.ident(database)}`)
      // Every connection of the pool in the suite's database.
      pool = await new sql.ConnectionPool({ ...sql.ConnectionPool.parseConnectionString(URL), database }).connect()
      await pool.request().batch(`CREATE SCHEMA ${q.ident(other)}`)
    })
    afterAll(async () => {
      await pool?.close()
      await admin?.request().batch(`ALTER DATABASE ${q.ident(database)} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE ${q.ident(database)}`)
      await admin?.close()
    })

    const target: ConformanceTarget = {
      dialect: mssql,
      exec: (text) => run(text),
      query: (text) => query(text),
      introspect: async () => ({
        tables: [...(await introspectMssql(query)).tables, ...(await introspectMssql(query, { schema: other })).tables],
      }),
      reset: async () => {
        await run(empty)
      },
    }
    for (const c of conformanceCases(target, { canonical: mssqlCanonical, otherSchema: other })) {
      it(c.name, async () => {
        const result = await c.run()
        expect(result.problems, result.statements.join('\nGO\n')).toEqual([])
      })
    }
  })
}
