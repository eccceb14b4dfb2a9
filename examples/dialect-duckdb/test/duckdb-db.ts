/**
 * An in-memory DuckDB database through `@duckdb/node-api`, for tests: running statements,
 * querying rows as plain objects and introspecting. DuckDB runs in the test process; no server.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import type { Statement } from '@athanor/dialect-kit'
import type { SchemaSnapshot } from '@athanor/ir'
import { introspectDuckdb } from 'athanor-dialect-duckdb/introspect'

/** A row as the tests read it: BIGINT values as strings, lists as arrays. */
export type Row = Readonly<Record<string, unknown>>

/** A test database. */
export interface TestDb {
  /** Runs one statement. */
  exec(sql: string): Promise<void>
  /** Runs one query and returns its rows. */
  query(sql: string): Promise<readonly Row[]>
  /** Runs compiled statements in one transaction (DuckDB's DDL is transactional); rolls back and rethrows on an error. */
  run(statements: readonly Statement[]): Promise<void>
  introspect(): Promise<SchemaSnapshot>
  close(): void
}

/** Opens a new, empty in-memory database. */
export async function openDb(): Promise<TestDb> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection: DuckDBConnection = await instance.connect()
  const exec = async (sql: string): Promise<void> => {
    await connection.run(sql)
  }
  const query = async (sql: string): Promise<readonly Row[]> => (await connection.runAndReadAll(sql)).getRowObjectsJson()
  return {
    exec,
    query,
    run: async (statements) => {
      await exec('BEGIN TRANSACTION')
      try {
        for (const s of statements) await exec(s.sql)
        await exec('COMMIT')
      } catch (e) {
        await exec('ROLLBACK')
        throw e
      }
    },
    introspect: () => introspectDuckdb(query),
    close: () => {
      connection.closeSync()
      instance.closeSync()
    },
  }
}
