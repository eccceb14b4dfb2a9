import { fileURLToPath } from 'node:url'
import { formatReport, runBench, writeReport } from './run.js'
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
const report = await runBench({ smoke, targets, scaling, log: (l) => console.error(l) })
console.log(formatReport(report))
const rebuild = rebuildToo ? await runRebuildBench({ smoke, log: (l) => console.error(l) }) : undefined
if (rebuild !== undefined) console.log(formatRebuild(rebuild))
if (only === undefined && scaling && rebuild !== undefined) {
  const out = fileURLToPath(new URL('../results.json', import.meta.url))
  writeReport({ ...report, rebuild }, out)
  console.error(`wrote ${out}`)
}
