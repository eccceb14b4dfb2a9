import pg from 'pg'
import type { CaseSql } from './cases.js'

/** What running each engine's SQL showed. */
export interface Verification {
  /** Engines whose SQL failed where another engine's SQL for the same op ran: a real defect. */
  readonly problems: readonly string[]
  /** The same, as op indexes per engine (a peer's rejected ops are left out of its timing). */
  readonly rejected: Readonly<Record<string, readonly number[]>>
  /** Workload ops whose SQL failed on every engine (the workload asks for something the server refuses). */
  readonly failedEverywhere: readonly number[]
}

/**
 * Runs each engine's SQL on PostgreSQL, op by op (one transaction each), in a fresh schema per
 * engine that is dropped afterwards. An op that fails for one engine but runs
 * for another is a problem; an op that fails for every engine is a defect of the workload and is
 * reported, not blamed on anyone.
 */
export async function verifyOnPostgres(sets: readonly CaseSql[], url = process.env['ATHANOR_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'): Promise<Verification> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const failures = new Map<string, Map<number, string>>()
  try {
    for (const set of sets) {
      const failed = new Map<number, string>()
      failures.set(set.engine, failed)
      const schema = `athanor_bench_${set.engine}_${Math.random().toString(16).slice(2, 10)}`
      await client.query(`CREATE SCHEMA ${schema}`)
      try {
        await client.query(`SET search_path TO ${schema}`)
        // One transaction per op: a single transaction over 10,000 ops runs out of lock slots.
        for (let i = 0; i < set.perOp.length; i++) {
          const statements = set.perOp[i]
          if (statements === undefined) continue
          await client.query('BEGIN')
          try {
            for (const sql of statements) await client.query(sql)
            await client.query('COMMIT')
          } catch (e) {
            failed.set(i, `${e instanceof Error ? e.message : String(e)} in: ${statements.join('; ').slice(0, 200)}`)
            await client.query('ROLLBACK')
          }
        }
      } finally {
        // Table by table: one DROP SCHEMA … CASCADE over thousands of tables runs out of lock slots.
        const tables = await client.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1', [schema])
        for (const t of tables.rows) await client.query(`DROP TABLE IF EXISTS ${schema}."${t.name.replaceAll('"', '""')}" CASCADE`)
        await client.query(`DROP SCHEMA ${schema} CASCADE`)
      }
    }
  } finally {
    await client.end()
  }
  return judge(sets, failures)
}

/**
 * Turns per-engine op failures into a verdict: an op that fails for one engine but runs for
 * another is a problem; one that fails (or is not mapped) everywhere is a workload defect.
 */
export function judge(sets: readonly CaseSql[], failures: ReadonlyMap<string, ReadonlyMap<number, string>>): Verification {
  const engines = [...failures.keys()]
  const all = new Set<number>()
  for (const f of failures.values()) for (const i of f.keys()) all.add(i)
  const failedEverywhere = [...all].filter((i) => engines.every((e) => failures.get(e)?.has(i) === true || sets.find((s) => s.engine === e)?.perOp[i] === undefined)).sort((a, b) => a - b)
  const problems: string[] = []
  const rejected: Record<string, number[]> = {}
  for (const [engine, f] of failures) {
    for (const [i, message] of f) {
      if (failedEverywhere.includes(i)) continue
      problems.push(`${engine}: op ${i}: ${message}`)
      ;(rejected[engine] ??= []).push(i)
    }
  }
  return { problems, rejected, failedEverywhere }
}
