import Database from 'better-sqlite3'
import type { CaseSql } from './cases.js'
import { judge, type Verification } from './verify-postgres.js'

/** Runs each engine's SQL on an in-memory SQLite database, op by op (one transaction each). */
export function verifyOnSqlite(sets: readonly CaseSql[]): Promise<Verification> {
  const failures = new Map<string, Map<number, string>>()
  for (const set of sets) {
    const failed = new Map<number, string>()
    failures.set(set.engine, failed)
    const db = new Database(':memory:')
    try {
      for (let i = 0; i < set.perOp.length; i++) {
        const statements = set.perOp[i]
        if (statements === undefined) continue
        try {
          db.exec('BEGIN')
          for (const sql of statements) db.exec(sql)
          db.exec('COMMIT')
        } catch (e) {
          failed.set(i, `${e instanceof Error ? e.message : String(e)} in: ${statements.join('; ').slice(0, 200)}`)
          if (db.inTransaction) db.exec('ROLLBACK')
        }
      }
    } finally {
      db.close()
    }
  }
  return Promise.resolve(judge(sets, failures))
}
