import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { CaseSql } from './cases.js'
import type { Verification } from './verify-postgres.js'

/** Where the digest of Athanor's SQL for a dialect with no server here is kept. */
export function goldenPath(dialect: string, workload = 'compile-mix'): string {
  return fileURLToPath(new URL(`../workloads/${workload}.${dialect}.sha256`, import.meta.url))
}

/** The digest of Athanor's statements, in order. */
export function digest(set: CaseSql): string {
  const h = createHash('sha256')
  for (const op of set.perOp) for (const sql of op ?? []) h.update(`${sql};\n`)
  return h.digest('hex')
}

/**
 * For an engine with no server here (SQL Server): Athanor's SQL must equal the committed golden
 * digest (reviewed output; the dialect's own tests parse it with two T-SQL parsers). Peers'
 * SQL cannot be checked and is reported as such. `update` rewrites the digest.
 */
export function verifyByGolden(dialect: string, update = false): (sets: readonly CaseSql[], workload: string) => Promise<Verification> {
  return (sets, workload) => {
    const ours = sets.find((s) => s.engine === 'athanor')
    if (ours === undefined) return Promise.resolve({ problems: ['athanor: no SQL'], rejected: {}, failedEverywhere: [] })
    const path = goldenPath(dialect, workload)
    const now = digest(ours)
    if (update || !existsSync(path)) writeFileSync(path, `${now}\n`)
    const want = readFileSync(path, 'utf8').trim()
    const problems = want === now ? [] : [`athanor: ${dialect} SQL differs from the golden digest in ${path} (review the change, then run pnpm bench --update-golden)`]
    return Promise.resolve({ problems, rejected: problems.length > 0 ? { athanor: [] } : {}, failedEverywhere: [] })
  }
}
