/**
 * A SQLite database file in a fresh temporary directory, through better-sqlite3, for tests:
 * running compiled statements as a migration runner would, running an offline script one
 * statement at a time as the `sqlite3` shell does, introspecting, and checksumming columns.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import type { Statement } from '@athanor/dialect-kit'
import { sqliteQuote as q } from '@athanor/dialect-sqlite'
import { introspectSqlite } from '@athanor/dialect-sqlite/introspect'
import type { SchemaSnapshot } from '@athanor/ir'

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>

/** A test database. */
export interface TestDb {
  readonly db: Database.Database
  readonly path: string
  /** Runs one statement (with `?` parameters) and returns its rows (none for a statement that returns nothing). */
  query(sql: string, params?: readonly unknown[]): Row[]
  /**
   * Runs compiled statements in order as a migration runner does: each run of transactional
   * statements in one transaction, each `transactional: false` statement outside any; on an
   * error the open transaction (if the error left one) is rolled back and the error rethrown,
   * naming the statement.
   */
  run(statements: readonly Statement[]): void
  /**
   * Runs an offline script as the `sqlite3` shell does with `-bail`: each statement as written
   * (split at the `;` + blank line that ends each), `BEGIN;`/`COMMIT;` included; stops at the
   * first error, rolling back an open transaction as the shell does when it exits.
   */
  runScript(sql: string): void
  introspect(): Promise<SchemaSnapshot>
  /** Per column: the sorted `quote()` of its values (the value and its storage class), `|`-joined. */
  checksums(table: string, columns?: readonly string[]): Record<string, string>
  /** Closes the connection and removes the directory. */
  close(): void
  /** Closes the connection only, leaving the file for another program (then `openDb(path)`). */
  release(): void
}

/** Splits an offline script into its statements (each ends with `;` and a blank line; comment lines dropped). */
export function scriptStatements(sql: string): string[] {
  return sql
    .split(/;\n\n/)
    .map((s) => s.split('\n').filter((line) => !line.startsWith('-- ')).join('\n').trim())
    .filter((s) => s !== '')
}

/** Opens a new database file in its own temporary directory (removed by `close`), or the file at `at`. */
export function openDb(at?: string): TestDb {
  const dir = at === undefined ? mkdtempSync(join(tmpdir(), 'athanor-sqlite-')) : dirname(at)
  const path = at ?? join(dir, 'test.db')
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  const query = (sql: string, params: readonly unknown[] = []): Row[] => {
    const st = db.prepare(sql)
    if (st.reader) return st.all(...params) as Row[]
    st.run(...params)
    return []
  }
  const fail = (e: unknown, sql: string): never => {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n  in: ${sql}`, { cause: e })
  }
  return {
    db,
    path,
    query,
    run: (statements) => {
      let open = false
      for (const s of statements) {
        try {
          if (s.transactional === false && db.inTransaction) db.exec('COMMIT')
          if (s.transactional !== false && !db.inTransaction) db.exec('BEGIN')
          open = s.transactional !== false
          db.exec(s.sql)
        } catch (e) {
          fail(e, s.sql)
        }
      }
      if (open && db.inTransaction) db.exec('COMMIT')
    },
    runScript: (sql) => {
      for (const s of scriptStatements(sql)) {
        try {
          db.exec(s)
        } catch (e) {
          fail(e, s)
        }
      }
    },
    introspect: () => introspectSqlite((sql, params = []) => query(sql, params)),
    checksums: (table, columns) => {
      const names = columns ?? (query('SELECT name FROM pragma_table_xinfo(?)', [table]).map((r) => String(r['name'])))
      const out: Record<string, string> = {}
      for (const c of names) {
        const rows = query(`SELECT quote(${q.ident(c)}) AS v FROM ${q.ident(table)} ORDER BY 1`)
        out[c] = rows.map((r) => String(r['v'])).join('|')
      }
      return out
    },
    close: () => {
      if (db.open) db.close()
      rmSync(dir, { recursive: true, force: true })
    },
    release: () => db.close(),
  }
}
