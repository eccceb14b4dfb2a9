import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { formatReport, mergeReports, runBench, writeReport, type BenchReport } from './run.js'
import { formatRebuild, runRebuildBench } from './sqlite-rebuild.js'
import { benchTargets } from './targets.js'

// `pnpm bench [--smoke] [--update-golden] [--only=postgresql,mysql] [--no-scaling] [--no-rebuild]`:
// every dialect side by side with Kysely and Knex, then the SQLite rebuild against hand-written
// statements and the INSERT … SELECT floor. `--only` and the `--no-*` flags are for working on one
// compiler; a partial run does not overwrite bench/results.json.
const args = process.argv.slice(2)
const smoke = args.includes('--smoke')
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',')
const scaling = !args.includes('--no-scaling')
const rebuildToo = !args.includes('--no-rebuild') && (only === undefined || only.includes('sqlite'))
const targets = benchTargets({ updateGolden: args.includes('--update-golden') }).filter((t) => only === undefined || only.includes(t.dialect.name))
if (targets.length === 0) throw new Error(`bench: --only names no dialect (postgresql, mysql, mariadb, sqlite, mssql)`)
const child = args.find((a) => a.startsWith('--child='))?.slice('--child='.length)
if (child !== undefined) {
  // One dialect measured in a process of its own; the parent reads the report from stdout.
  const report = await runBench({ smoke, targets, scaling, log: (l) => console.error(l) })
  process.stdout.write(JSON.stringify(report))
} else {
  // Each dialect runs in a fresh process: in one process, the compilers measured first leave the
  // JIT's feedback in the code all dialects share (Athanor's dialect kit, Kysely's base
  // compiler), and the dialects measured later pay for it — which a program that uses one
  // dialect never does. Athanor and its peers still run in one process per dialect, so every
  // ratio is measured in one run.
  const report = mergeReports(targets.map((t) => childReport(t.dialect.name)))
  console.log(formatReport(report))
  const rebuild = rebuildToo ? await runRebuildBench({ smoke, log: (l) => console.error(l) }) : undefined
  if (rebuild !== undefined) console.log(formatRebuild(rebuild))
  if (only === undefined && scaling && rebuild !== undefined) {
    const out = fileURLToPath(new URL('../results.json', import.meta.url))
    writeReport({ ...report, rebuild }, out)
    console.error(`wrote ${out}`)
  }
}

/** Runs one dialect's cases in a child process and returns its report. */
function childReport(dialect: string): BenchReport {
  const script = fileURLToPath(import.meta.url)
  const passed = args.filter((a) => !a.startsWith('--only=') && !a.startsWith('--child='))
  const run = spawnSync(process.execPath, ['--expose-gc', script, `--only=${dialect}`, `--child=${dialect}`, ...passed], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 })
  if (run.status !== 0) throw new Error(`bench: the ${dialect} run failed (exit ${String(run.status ?? run.signal)})`)
  return JSON.parse(run.stdout.toString('utf8')) as BenchReport
}
