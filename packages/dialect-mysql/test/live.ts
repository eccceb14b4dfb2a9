/**
 * Live MariaDB (or MySQL) for `*.live.test.ts` files. {@link describeLive} gives a suite its own
 * freshly created database (`athanor_t_<random>`), selected with USE, empties it (drop and
 * create) after every test and drops it after the suite, so runs and files never see each
 * other's leftovers. Each suite starts in the server's default sql_mode.
 *
 * The server is `ATHANOR_MYSQL_URL`, by default `mysql://root@127.0.0.1:3306/test`. When it
 * cannot be reached, the suites fail under `CI=true` and are skipped elsewhere, with a warning.
 */
import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest'
import type { Statement } from '@athanor/dialect-kit'
import { mariadbQuote } from '@athanor/dialect-mysql'
import type { MysqlQuery } from '@athanor/dialect-mysql/introspect'

/** Where the live tests connect. */
export const MYSQL_URL = process.env['ATHANOR_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test'
const where = (() => {
  const url = new URL(MYSQL_URL)
  return `${url.hostname}:${url.port === '' ? '3306' : url.port}`
})()

/** A row as mysql2 returns it. */
export type Row = Record<string, unknown>

/** What a live test works with. Every method needs the suite's connection (made in `beforeAll`). */
export interface LiveDb {
  /** The suite's database, the connection's current one. */
  readonly database: string
  /** Runs one statement with optional `?` parameters; returns its rows (none for a statement without a result set). */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>
  /** The query function `introspectMysql` takes. */
  readonly introspectQuery: MysqlQuery
  /** Runs compiled statements in order (MySQL has no transactional DDL); names the failing one. */
  run(statements: readonly Statement[]): Promise<void>
  /** Drops and re-creates the suite's database (also done after every test). */
  reset(): Promise<void>
  /** Sets the session's sql_mode: the server's default, or that plus NO_BACKSLASH_ESCAPES. */
  setMode(mode: 'default' | 'noBackslashEscapes'): Promise<void>
}

/** `athanor_t_` and 12 random hex digits. */
export function uniqueName(prefix = 'athanor_t_'): string {
  return prefix + randomBytes(6).toString('hex')
}

const q = mariadbQuote

function connect(): Promise<mysql.Connection> {
  // Text for dates, decimals and big integers, so that values compare as the server prints them.
  return mysql.createConnection({ uri: MYSQL_URL, charset: 'utf8mb4', dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, connectTimeout: 3000 })
}

async function probe(): Promise<string | undefined> {
  try {
    const c = await connect()
    await c.query('SELECT 1')
    await c.end()
    return undefined
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/** Why the server cannot be used, or `undefined` when it can. Probed once per test file. */
const unreachable: string | undefined = await probe()
const inCi = process.env['CI'] === 'true'

/**
 * A suite that runs against the live server in its own database. `body` registers the tests and
 * reads the database through the {@link LiveDb} it is given (usable inside tests and hooks).
 *
 * Server unreachable: under `CI=true` every suite fails with the reason; elsewhere the suite is
 * skipped under the title `… — SKIPPED: MariaDB unreachable at host:port`, with a warning.
 */
export function describeLive(title: string, body: (db: LiveDb) => void): void {
  if (unreachable !== undefined && !inCi) {
    const reason = `SKIPPED: MariaDB unreachable at ${where}`
    console.warn(`\n*** ${title}: ${reason} (${unreachable}). These live tests did not run; set CI=true to make this a failure.\n`)
    describe.skipIf(true)(`${title} — ${reason}`, () => body(offlineDb(reason)))
    return
  }
  let connection: mysql.Connection | undefined
  const database = uniqueName()
  const connected = (): mysql.Connection => {
    if (connection === undefined) throw new Error(`MariaDB unreachable at ${where}: ${unreachable ?? 'not connected'}`)
    return connection
  }
  const query = async <R extends Row>(sql: string, params?: readonly unknown[]): Promise<R[]> => {
    const [rows] = await connected().query(sql, params === undefined ? undefined : [...params])
    return Array.isArray(rows) ? (rows as R[]) : []
  }
  const reset = async (): Promise<void> => {
    await query(`DROP DATABASE IF EXISTS ${q.ident(database)}`)
    await query(`CREATE DATABASE ${q.ident(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`)
    await query(`USE ${q.ident(database)}`)
  }
  const db: LiveDb = {
    database,
    query,
    introspectQuery: (sql, params) => query(sql, params),
    run: async (statements) => {
      for (const s of statements) {
        try {
          await query(s.sql)
        } catch (e) {
          // Name the statement that failed; the server's error (its code included) stays the cause.
          throw new Error(`${e instanceof Error ? e.message : String(e)}\n  in: ${s.sql}`, { cause: e })
        }
      }
    },
    reset,
    setMode: async (mode) => {
      await query(mode === 'default' ? 'SET SESSION sql_mode = DEFAULT' : `SET SESSION sql_mode = CONCAT(@@GLOBAL.sql_mode, ',NO_BACKSLASH_ESCAPES')`)
    },
  }
  describe(title, () => {
    if (unreachable === undefined) {
      beforeAll(async () => {
        connection = await connect()
        await reset()
      })
      afterEach(async () => {
        await query('SET SESSION sql_mode = DEFAULT')
        await reset()
      })
      afterAll(async () => {
        if (connection === undefined) return
        try {
          await query(`DROP DATABASE IF EXISTS ${q.ident(database)}`)
        } finally {
          await connection.end()
          connection = undefined
        }
      })
    } else {
      // CI=true: the missing server is a failure, never a silent skip.
      it(`reaches MariaDB at ${where}`, () => {
        throw new Error(`MariaDB unreachable at ${where}: ${unreachable}`)
      })
    }
    body(db)
  })
}

function offlineDb(reason: string): LiveDb {
  const fail = (): never => {
    throw new Error(reason)
  }
  return { database: '', query: async () => fail(), introspectQuery: async () => fail(), run: async () => fail(), reset: async () => fail(), setMode: async () => fail() }
}
