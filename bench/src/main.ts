import { fileURLToPath } from 'node:url'
import { postgresql } from '@athanor/dialect-postgres'
import { formatReport, runBench, writeReport, type BenchTarget } from './run.js'
import { verifyOnPostgres } from './verify-postgres.js'

// `pnpm bench [--smoke]`: every dialect built so far, side by side with Kysely and Knex.
const smoke = process.argv.includes('--smoke')
const targets: BenchTarget[] = [{ dialect: postgresql, kysely: 'postgresql', verify: (sets) => verifyOnPostgres(sets) }]
const report = await runBench({ smoke, targets, log: (l) => console.error(l) })
console.log(formatReport(report))
const out = fileURLToPath(new URL('../results.json', import.meta.url))
writeReport(report, out)
console.error(`wrote ${out}`)
