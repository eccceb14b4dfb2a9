import { writeFileSync } from 'node:fs'
import type { Dialect } from '@athanor/dialect-kit'
import { applyOps, emptySnapshot, fillExistingAll, parseOp, type Op } from '@athanor/ir'
import { Bench } from 'tinybench'
import { athanorSide, dialectCases, type BenchCase, type CaseSql } from './cases.js'
import type { KyselyDialectName } from './kysely-peer.js'
import type { Verification } from './verify-postgres.js'
import { loadWorkload, wideTable, type Workload } from './workload.js'

/** One measured row of the report. */
export interface ResultRow {
  readonly dialect: string
  readonly engine: string
  readonly mode: string
  readonly ops: number
  /** Median time per op, µs. */
  readonly medianUsPerOp: number
  readonly opsPerSecond: number
  /** Relative margin of error of the mean, %. */
  readonly rmePercent: number
  readonly samples: number
}

/** What {@link runBench} measured and checked. */
export interface BenchReport {
  readonly when: string
  readonly node: string
  readonly smoke: boolean
  readonly rows: readonly ResultRow[]
  readonly refused: Readonly<Record<string, Readonly<Record<string, number>>>>
  readonly verification: Readonly<Record<string, Verification | 'skipped'>>
  readonly scaling: readonly ResultRow[]
}

/** A dialect to measure, and the Kysely dialect to compare it with. */
export interface BenchTarget {
  readonly dialect: Dialect
  readonly kysely?: KyselyDialectName
  /** Checks the SQL of each engine; returns problems. */
  readonly verify?: (sets: readonly CaseSql[], workload: string) => Promise<Verification>
}

/** Options of {@link runBench}. */
export interface BenchOptions {
  /** Tiny iteration counts: checks that every case runs and produces valid SQL, times nothing meaningful. */
  readonly smoke?: boolean
  readonly targets: readonly BenchTarget[]
  /** `false`: skip the scaling series (default `true`). */
  readonly scaling?: boolean
  readonly log?: (line: string) => void
}

// A full collection before each case's warmup and run (when node runs with --expose-gc, as
// `pnpm bench` starts it): what ran before — checking the SQL on a live engine, building the
// peers' cases — leaves garbage among the nodes a case compiles, and without it the first case
// measured paid for that in cache misses (≈12% on MariaDB).
function collectGarbage(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

async function measure(cases: readonly BenchCase[], smoke: boolean): Promise<ResultRow[]> {
  const bench = smoke ? new Bench({ iterations: 1, time: 0, warmup: false }) : new Bench({ iterations: 10, time: 1500, warmupIterations: 3, warmupTime: 300 })
  let sink = 0
  for (const c of cases) {
    bench.add(
      `${c.dialect} ${c.engine} ${c.mode}`,
      () => {
        sink += c.run()
      },
      { beforeAll: collectGarbage },
    )
  }
  await bench.run()
  if (sink === 0) throw new Error('bench: the cases produced nothing')
  return bench.tasks.map((task, i) => {
    const c = cases[i] as BenchCase
    const r = task.result
    if (r.state !== 'completed') throw new Error(`bench: ${task.name} ${r.state}${r.state === 'errored' ? `: ${r.error.message}` : ''}`)
    const perOpMs = r.latency.p50 / c.ops
    return {
      dialect: c.dialect,
      engine: c.engine,
      mode: c.mode,
      ops: c.ops,
      medianUsPerOp: perOpMs * 1000,
      opsPerSecond: 1000 / perOpMs,
      rmePercent: r.latency.rme,
      samples: r.latency.samplesCount,
    }
  })
}

function scalingCases(dialect: Dialect, smoke: boolean): BenchCase[] {
  const out: BenchCase[] = []
  for (const n of smoke ? [10, 100] : [10, 100, 1000]) {
    const r = parseOp(wideTable(n))
    if (!r.ok) throw new Error('bench: wide table does not parse')
    const op: Op = r.value
    out.push({ dialect: dialect.name, engine: 'athanor', mode: `createTable ${n} columns (per column)`, ops: n, run: () => dialect.compile(op).length })
  }
  if (dialect.name === 'sqlite') {
    // A batch that rebuilds (type change + drop) on a wide table, compiled from the schema model.
    for (const n of smoke ? [10, 100] : [10, 100, 1000]) {
      const table = parseOp(wideTable(n))
      if (!table.ok) throw new Error('bench: wide table does not parse')
      const snapshot = applyOps(emptySnapshot(), [table.value])
      const change = parseOp({
        kind: 'batch',
        tableName: `wide_${n}`,
        ops: [
          { kind: 'alterColumn', columnName: 'c3', type: 'integer', existingType: 'bigint' },
          { kind: 'dropColumn', columnName: 'c1' },
        ],
      })
      if (!change.ok) throw new Error('bench: batch does not parse')
      const op = change.value
      out.push({ dialect: dialect.name, engine: 'athanor', mode: `batch rebuild of ${n} columns (per column)`, ops: n, run: () => dialect.compile(op, { snapshot }).length })
    }
  }
  const mix = loadWorkload()
  const all = mix.ops.map((o) => parseOp(o)).flatMap((r) => (r.ok ? [r.value] : []))
  const filled = fillExistingAll(all, emptySnapshot()).ops
  // The series measures how cost grows with the list: the ops this dialect compiles on their own.
  const parsed = filled.filter((op) => {
    try {
      dialect.compile(op)
      return true
    } catch {
      return false
    }
  })
  for (const n of smoke ? [1000] : [1000, 10_000, 100_000]) {
    // Shorter lists take every k-th op and longer ones repeat the list, so each has the workload's
    // mix (the first 1,000 ops alone are mostly createTable).
    const ops = Array.from({ length: n }, (_, i) => parsed[n <= parsed.length ? Math.floor((i * parsed.length) / n) : i % parsed.length] as Op)
    out.push({
      dialect: dialect.name,
      engine: 'athanor',
      mode: `${n} ops (per op)`,
      ops: n,
      run: () => {
        let k = 0
        for (const op of ops) k += dialect.compile(op).length
        return k
      },
    })
  }
  return out
}

/**
 * The workload cut down to its first `tables` tables and every later op that touches only those
 * (renames followed): still valid in order, for the smoke run.
 */
export function smallWorkload(full: Workload, tables: number): Workload {
  const live = new Set<string>()
  const ops: Record<string, unknown>[] = []
  for (const op of full.ops) {
    const kind = op['kind']
    if (kind === 'createTable') {
      if (live.size < tables) {
        live.add(String(op['tableName']))
        ops.push(op)
      }
    } else if (kind === 'renameTable') {
      if (live.delete(String(op['oldTableName']))) {
        live.add(String(op['newTableName']))
        ops.push(op)
      }
    } else if (kind === 'createForeignKey') {
      if (live.has(String(op['sourceTable'])) && live.has(String(op['referentTable']))) ops.push(op)
    } else if (live.has(String(op['tableName']))) ops.push(op)
  }
  return { name: `${full.name}-${tables}-tables`, ops, text: JSON.stringify({ ops }) }
}

/** Runs every case of every target, checks their SQL first, and returns the report. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const smoke = options.smoke === true
  const log = options.log ?? (() => {})
  const full = loadWorkload()
  const workload = smoke ? smallWorkload(full, 40) : full
  const rows: ResultRow[] = []
  const scaling: ResultRow[] = []
  const refused: Record<string, Record<string, number>> = {}
  const verification: Record<string, Verification | 'skipped'> = {}
  for (const target of options.targets) {
    const name = target.dialect.name
    // Athanor's ops are built once: the cases timed are the ones whose SQL was checked.
    const ours = athanorSide(target.dialect, workload)
    let built = dialectCases(target.dialect, workload, target.kysely, {}, ours)
    const checked = target.verify === undefined ? 'skipped' : await target.verify(built.sql, workload.name)
    verification[name] = checked
    if (checked !== 'skipped') {
      const wrong = checked.problems.filter((p) => p.startsWith('athanor'))
      if (wrong.length > 0) throw new Error(`bench: ${name} Athanor SQL failed its check, nothing timed:\n${wrong.join('\n')}`)
      // A peer's SQL the engine rejected is never timed: those ops are left out of its cases and counted.
      const exclude = Object.fromEntries(Object.entries(checked.rejected).map(([engine, ops]) => [engine, new Set(ops)]))
      if (Object.keys(exclude).length > 0) built = dialectCases(target.dialect, workload, target.kysely, exclude, ours)
    }
    refused[name] = { ...built.refused, ...(checked === 'skipped' ? {} : Object.fromEntries(Object.entries(checked.rejected).map(([e, ops]) => [`${e} (SQL rejected by the engine)`, ops.length]))) }
    log(`${name}: SQL ${checked === 'skipped' ? 'not checked' : `checked; ${checked.failedEverywhere.length} workload ops fail on every engine`}; timing ${built.cases.length} cases…`)
    rows.push(...(await measure(built.cases, smoke)))
    if (options.scaling !== false) scaling.push(...(await measure(scalingCases(target.dialect, smoke), smoke)))
  }
  return { when: new Date().toISOString(), node: process.version, smoke, rows, refused, verification, scaling }
}

/** One report of several, each from its own run (the dialects measured in separate processes). */
export function mergeReports(reports: readonly BenchReport[]): BenchReport {
  const first = reports[0]
  if (first === undefined) throw new Error('bench: no report to merge')
  return {
    when: first.when,
    node: first.node,
    smoke: first.smoke,
    rows: reports.flatMap((r) => r.rows),
    refused: Object.assign({}, ...reports.map((r) => r.refused)) as BenchReport['refused'],
    verification: Object.assign({}, ...reports.map((r) => r.verification)) as BenchReport['verification'],
    scaling: reports.flatMap((r) => r.scaling),
  }
}

const f = (x: number, d = 2): string => x.toFixed(d)

/** The report as a text table with ratios to the peers. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = []
  const pad = (s: string, n: number): string => s.padEnd(n)
  lines.push(`${pad('dialect', 11)}${pad('engine', 9)}${pad('mode', 18)}${pad('µs/op', 10)}${pad('ops/s', 12)}${pad('±%', 7)}Athanor compile is N× faster`)
  for (const dialect of new Set(report.rows.map((r) => r.dialect))) {
    const rs = report.rows.filter((r) => r.dialect === dialect)
    const ours = rs.find((r) => r.engine === 'athanor' && r.mode === 'compile only')
    for (const r of rs) {
      const ratio = ours === undefined || r === ours ? '' : `${f(r.medianUsPerOp / ours.medianUsPerOp)}×`
      lines.push(`${pad(dialect, 11)}${pad(r.engine, 9)}${pad(r.mode, 18)}${pad(f(r.medianUsPerOp, 3), 10)}${pad(Math.round(r.opsPerSecond).toString(), 12)}${pad(f(r.rmePercent, 1), 7)}${ratio}`)
    }
    const ky = rs.find((r) => r.engine === 'kysely' && r.mode === 'compile only')
    const kyb = rs.find((r) => r.engine === 'kysely' && r.mode === 'build + compile')
    const pc = rs.find((r) => r.engine === 'athanor' && r.mode === 'parse + compile')
    if (ours !== undefined && ky !== undefined) lines.push(`  target: compile-only ≥ 3× faster than Kysely compile-only: ${f(ky.medianUsPerOp / ours.medianUsPerOp)}× ${ky.medianUsPerOp / ours.medianUsPerOp >= 3 ? 'met' : 'MISSED'}`)
    if (pc !== undefined && kyb !== undefined) lines.push(`  target: parse + compile faster than Kysely build + compile: ${f(kyb.medianUsPerOp / pc.medianUsPerOp)}× ${kyb.medianUsPerOp > pc.medianUsPerOp ? 'met' : 'MISSED'}`)
    const ref = report.refused[dialect] ?? {}
    lines.push(`  refused or unmapped ops: ${Object.entries(ref).map(([k, v]) => `${k} ${v}`).join(', ')}`)
    const v = report.verification[dialect]
    if (v !== undefined && v !== 'skipped') lines.push(`  SQL checked before timing; ${v.failedEverywhere.length} workload ops fail on every engine (workload defects); peers' rejected ops are not timed`)
  }
  lines.push('', 'scaling (Athanor compile only):')
  for (const r of report.scaling) lines.push(`  ${pad(r.dialect, 11)}${pad(r.mode, 44)}${f(r.medianUsPerOp, 3)} µs`)
  return lines.join('\n')
}

/** Writes the report as JSON. */
export function writeReport(report: BenchReport & { readonly rebuild?: unknown }, path: string): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
}
