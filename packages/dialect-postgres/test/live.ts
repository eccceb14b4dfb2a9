/**
 * Live PostgreSQL for `*.live.test.ts` files. {@link describeLive} gives a suite its own freshly
 * created schema (`athanor_t_<random>`) with `search_path` set to it, empties it after every test
 * and drops it (CASCADE) after the suite, so runs and files never see each other's leftovers.
 *
 * The server is `ATHANOR_PG_URL`, by default `postgres://postgres@127.0.0.1:5432/test`. When it
 * cannot be reached, the suites fail under `CI=true` and are skipped elsewhere, with a warning.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest'
import type { Statement } from '@athanor/dialect-kit'
import { postgresQuote } from '@athanor/dialect-postgres'

/** Where the live tests connect. */
export const PG_URL = process.env['ATHANOR_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'
const where = (() => {
  const url = new URL(PG_URL)
  return `${url.hostname}:${url.port === '' ? '5432' : url.port}`
})()

/** A row as `pg` returns it. */
export type Row = Record<string, unknown>

/** What a live test works with. Every method needs the suite's connection (made in `beforeAll`). */
export interface LiveDb {
  /** The suite's schema, first on the search path. */
  readonly schema: string
  /** Runs one statement with optional `$n` parameters; returns its rows. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>
  /**
   * Runs compiled statements in order: each run of transactional statements in one transaction
   * (rolled back on error), each `transactional: false` statement on its own outside any.
   */
  run(statements: readonly Statement[]): Promise<void>
  /** A new schema, dropped (CASCADE) after the test. `name` defaults to a random one. */
  newSchema(name?: string): Promise<string>
  /**
   * Runs `body` in one transaction and rolls it back, whatever happens. For names that are global
   * in the database (schemas named by the test, not random): other runs never see them, and a
   * concurrent run that creates the same name waits instead of failing.
   * Inside, {@link LiveDb.run} joins the transaction and refuses `transactional: false` statements.
   */
  rolledBack<T>(body: () => Promise<T>): Promise<T>
}

/** `athanor_t_` and 12 random hex digits. */
export function uniqueName(prefix = 'athanor_t_'): string {
  return prefix + randomBytes(6).toString('hex')
}

const q = postgresQuote

async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return undefined
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Why the server cannot be used, or `undefined` when it can. Probed once per test file. */
const unreachable: string | undefined = await probe()
const inCi = process.env['CI'] === 'true'

/**
 * A suite that runs against the live server in its own schema. `body` registers the tests and
 * reads the database through the {@link LiveDb} it is given (usable inside tests and hooks).
 *
 * Server unreachable: under `CI=true` every test fails with the reason; elsewhere the suite is
 * skipped under the title `… — SKIPPED: PostgreSQL unreachable at host:port`, with a warning.
 */
export function describeLive(title: string, body: (db: LiveDb) => void): void {
  if (unreachable !== undefined && !inCi) {
    const reason = `SKIPPED: PostgreSQL unreachable at ${where}`
    console.warn(`\n*** ${title}: ${reason} (${unreachable}). These live tests did not run; set CI=true to make this a failure.\n`)
    describe.skipIf(true)(`${title} — ${reason}`, () => body(offlineDb(reason)))
    return
  }
  let client: pg.Client | undefined
  const schema = uniqueName()
  const extraSchemas: string[] = []
  const connected = (): pg.Client => {
    if (client === undefined) throw new Error(`PostgreSQL unreachable at ${where}: ${unreachable ?? 'not connected'}`)
    return client
  }
  const query = async <R extends Row>(sql: string, params?: readonly unknown[]): Promise<R[]> => {
    const result = await connected().query<R>(sql, params === undefined ? undefined : [...params])
    return result.rows
  }
  let inRolledBack = false
  const db: LiveDb = {
    schema,
    query,
    run: async (statements) => {
      let open = false
      let current = ''
      try {
        for (const s of statements) {
          current = s.sql
          if (inRolledBack) {
            if (s.transactional === false) throw new Error('a transactional: false statement cannot run inside rolledBack()')
          } else {
            if (s.transactional === false && open) await query('COMMIT')
            if (s.transactional !== false && !open) await query('BEGIN')
            open = s.transactional !== false
          }
          await query(s.sql)
        }
        if (open) await query('COMMIT')
      } catch (e) {
        if (open) await query('ROLLBACK')
        // Name the statement that failed; the server's error (its code included) stays the cause.
        throw new Error(`${e instanceof Error ? e.message : String(e)}\n  in: ${current}`, { cause: e })
      }
    },
    newSchema: async (name = uniqueName()) => {
      await query(`CREATE SCHEMA ${q.ident(name)}`)
      extraSchemas.push(name)
      return name
    },
    rolledBack: async (body) => {
      await query('BEGIN')
      inRolledBack = true
      try {
        return await body()
      } finally {
        inRolledBack = false
        await query('ROLLBACK')
      }
    },
  }
  describe(title, () => {
    if (unreachable === undefined) {
      beforeAll(async () => {
        client = new pg.Client({ connectionString: PG_URL })
        await client.connect()
        // Stable text forms (ISO dates, UTC times, hex bytea), no NOTICE chatter, and commits that
        // do not wait for the disk: test data need not survive a crash.
        await query(
          `SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET bytea_output = 'hex'; SET client_min_messages = warning; SET synchronous_commit = off`,
        )
        await query(`CREATE SCHEMA ${q.ident(schema)}`)
        await query(`SET search_path TO ${q.ident(schema)}`)
      })
      afterEach(async () => {
        // A failed test may leave a transaction open; empty the schema for the next test.
        await query('ROLLBACK')
        for (const s of extraSchemas.splice(0)) await query(`DROP SCHEMA IF EXISTS ${q.ident(s)} CASCADE`)
        await query(`DROP SCHEMA IF EXISTS ${q.ident(schema)} CASCADE`)
        await query(`CREATE SCHEMA ${q.ident(schema)}`)
        await query(`SET search_path TO ${q.ident(schema)}`)
      })
      afterAll(async () => {
        if (client === undefined) return
        try {
          await query('ROLLBACK')
          for (const s of extraSchemas.splice(0)) await query(`DROP SCHEMA IF EXISTS ${q.ident(s)} CASCADE`)
          await query(`DROP SCHEMA IF EXISTS ${q.ident(schema)} CASCADE`)
        } finally {
          await client.end()
          client = undefined
        }
      })
    } else {
      // CI=true: the missing server is a failure, never a silent skip.
      it(`reaches PostgreSQL at ${where}`, () => {
        throw new Error(`PostgreSQL unreachable at ${where}: ${unreachable}`)
      })
    }
    body(db)
  })
}

function offlineDb(reason: string): LiveDb {
  const fail = (): never => {
    throw new Error(reason)
  }
  return { schema: '', query: async () => fail(), run: async () => fail(), newSchema: async () => fail(), rolledBack: async () => fail() }
}
