import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The benchmark workload as committed in bench/workloads (a copy of ../shared/bench). */
export interface Workload {
  readonly name: string
  readonly text: string
  readonly ops: readonly Record<string, unknown>[]
}

/** Loads `bench/workloads/<name>.json`: its raw text (for parse + compile) and its ops. */
export function loadWorkload(name = 'compile-mix'): Workload {
  const text = readFileSync(fileURLToPath(new URL(`../workloads/${name}.json`, import.meta.url)), 'utf8')
  const json = JSON.parse(text) as { ops: Record<string, unknown>[] }
  return { name, text, ops: json.ops }
}

/** One createTable op with `n` columns, for the scaling series. */
export function wideTable(n: number): Record<string, unknown> {
  const types = ['integer', { name: 'varchar', length: 100 }, 'text', 'bigint', 'boolean', { name: 'numeric', precision: 12, scale: 2 }]
  const columns = Array.from({ length: n }, (_, i) => ({
    name: i === 0 ? 'id' : `c${i}`,
    type: types[i % types.length],
    ...(i === 0 ? { primaryKey: true } : { nullable: i % 3 !== 0 }),
  }))
  return { kind: 'createTable', tableName: `wide_${n}`, columns }
}
