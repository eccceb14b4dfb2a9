import { postgresql } from '@athanor/dialect-postgres'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { runBench } from '../src/run.js'
import { verifyOnPostgres } from '../src/verify-postgres.js'

// The benchmark in smoke mode: tiny iteration counts, so it never rots. It asserts that every case
// runs and that every engine's SQL executes on PostgreSQL — never a timing.
const url = process.env['ATHANOR_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'
async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}
// Under CI an unreachable server fails the run; elsewhere the smoke run is skipped, loudly.
const skip = process.env['CI'] !== 'true' && !(await reachable())
if (skip) console.warn(`SKIPPED: pnpm bench --smoke needs PostgreSQL at ${url} to check the SQL it times`)

describe.skipIf(skip)(`pnpm bench --smoke${skip ? ' — SKIPPED: PostgreSQL unreachable' : ''}`, () => {
  it('runs every case and checks every engine’s SQL on PostgreSQL', async () => {
    const report = await runBench({
      smoke: true,
      targets: [{ dialect: postgresql, kysely: 'postgresql', verify: (sets) => verifyOnPostgres(sets) }],
    })
    expect(report.rows.map((r) => `${r.engine} ${r.mode}`)).toEqual([
      'athanor compile only',
      'athanor parse + compile',
      'kysely compile only',
      'kysely build + compile',
      'knex toSQL',
    ])
    const v = report.verification['postgresql']
    expect(v).not.toBe('skipped')
    if (v !== undefined && v !== 'skipped') expect(v.problems).toEqual([])
    expect(report.refused['postgresql']).toEqual({ athanor: 0, kysely: 0, knex: 0 })
    expect(report.scaling.length).toBeGreaterThan(0)
  })
})
