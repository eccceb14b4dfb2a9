import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { mergeReports, runBench, type BenchReport } from '../src/run.js'
import { runRebuildBench } from '../src/sqlite-rebuild.js'
import { benchTargets } from '../src/targets.js'

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
if (skip) console.warn(`SKIPPED: pnpm bench --smoke needs PostgreSQL at ${url} (and MariaDB) to check the SQL it times`)

describe.skipIf(skip)(`pnpm bench --smoke${skip ? ' — SKIPPED: PostgreSQL unreachable' : ''}`, () => {
  it('runs every case of every dialect after checking its SQL on the engines', async () => {
    const report = await runBench({ smoke: true, targets: benchTargets() })
    for (const dialect of ['postgresql', 'mariadb', 'sqlite', 'mssql']) {
      const modes = report.rows.filter((r) => r.dialect === dialect).map((r) => `${r.engine} ${r.mode}`)
      expect(modes).toContain('athanor compile only')
      expect(modes).toContain('kysely compile only')
      expect(modes).toContain('knex toSQL')
      const v = report.verification[dialect]
      expect(v).not.toBe('skipped')
      // Athanor's SQL never fails where a peer's runs (peers' rejected ops are counted, not timed).
      if (v !== undefined && v !== 'skipped') expect(v.problems.filter((p) => p.startsWith('athanor'))).toEqual([])
    }
    expect(report.scaling.length).toBeGreaterThan(0)
  }, 300_000)

  it('rebuilds a SQLite table keeping every row and column checksum', async () => {
    const r = await runRebuildBench({ smoke: true })
    expect(r.results.map((x) => x.name)).toEqual(['athanor (batch, recreate auto)', 'hand-written', 'floor: INSERT … SELECT, no indexes'])
  })
})

describe('mergeReports', () => {
  it("keeps every dialect's rows, refusals, checks and scaling, in order", () => {
    const row = (dialect: string) => ({ dialect, engine: 'athanor', mode: 'compile only', ops: 1, medianUsPerOp: 1, opsPerSecond: 1e6, rmePercent: 0, samples: 1 })
    const report = (dialect: string): BenchReport => ({
      when: `w-${dialect}`, node: 'v20', smoke: true, rows: [row(dialect)], refused: { [dialect]: { athanor: 1 } },
      verification: { [dialect]: 'skipped' }, scaling: [row(dialect)],
    })
    const merged = mergeReports([report('postgresql'), report('sqlite')])
    expect(merged.rows.map((r) => r.dialect)).toEqual(['postgresql', 'sqlite'])
    expect(merged.scaling.map((r) => r.dialect)).toEqual(['postgresql', 'sqlite'])
    expect(merged.refused).toEqual({ postgresql: { athanor: 1 }, sqlite: { athanor: 1 } })
    expect(Object.keys(merged.verification)).toEqual(['postgresql', 'sqlite'])
    expect(merged.when).toBe('w-postgresql')
  })
})
