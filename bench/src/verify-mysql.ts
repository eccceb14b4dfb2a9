import mysql from 'mysql2/promise'
import type { CaseSql } from './cases.js'
import { judge, type Verification } from './verify-postgres.js'

/** Runs each engine's SQL on MariaDB/MySQL, op by op, in a fresh database per engine (dropped afterwards). */
export async function verifyOnMysql(sets: readonly CaseSql[], url = process.env['ATHANOR_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test'): Promise<Verification> {
  const conn = await mysql.createConnection(url)
  const failures = new Map<string, Map<number, string>>()
  try {
    for (const set of sets) {
      const failed = new Map<number, string>()
      failures.set(set.engine, failed)
      const db = `athanor_bench_${set.engine}_${Math.random().toString(16).slice(2, 10)}`
      await conn.query(`CREATE DATABASE ${db}`)
      try {
        await conn.query(`USE ${db}`)
        for (let i = 0; i < set.perOp.length; i++) {
          const statements = set.perOp[i]
          if (statements === undefined) continue
          try {
            for (const sql of statements) await conn.query(sql)
          } catch (e) {
            failed.set(i, `${e instanceof Error ? e.message : String(e)} in: ${statements.join('; ').slice(0, 200)}`)
          }
        }
      } finally {
        await conn.query(`DROP DATABASE ${db}`)
      }
    }
  } finally {
    await conn.end()
  }
  return judge(sets, failures)
}
