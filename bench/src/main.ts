import { fileURLToPath } from 'node:url'
import { formatReport, runBench, writeReport } from './run.js'
import { formatRebuild, runRebuildBench } from './sqlite-rebuild.js'
import { benchTargets } from './targets.js'

// `pnpm bench [--smoke] [--update-golden]`: every dialect side by side with Kysely and Knex, then
// the SQLite rebuild against hand-written statements and the INSERT … SELECT floor.
const smoke = process.argv.includes('--smoke')
const targets = benchTargets({ updateGolden: process.argv.includes('--update-golden') })
const report = await runBench({ smoke, targets, log: (l) => console.error(l) })
console.log(formatReport(report))
const rebuild = await runRebuildBench({ smoke, log: (l) => console.error(l) })
console.log(formatRebuild(rebuild))
const out = fileURLToPath(new URL('../results.json', import.meta.url))
writeReport({ ...report, rebuild }, out)
console.error(`wrote ${out}`)
