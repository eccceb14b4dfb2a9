import type { Dialect, Statement } from '@athanor/dialect-kit'
import { AthanorError, parseOps, type Op } from '@athanor/ir'
import { createQueryId } from 'kysely'
import { knexFor, knexSql, KNEX_CLIENTS } from './knex-peer.js'
import { kyselyBuilders, kyselyFor, rootNode, type KyselyDialectName } from './kysely-peer.js'
import type { Workload } from './workload.js'

/** One timed case: `run` does the whole workload once and returns a count so nothing is optimised away. */
export interface BenchCase {
  readonly dialect: string
  readonly engine: 'athanor' | 'kysely' | 'knex'
  readonly mode: string
  readonly ops: number
  readonly run: () => number
}

/** The SQL each engine produced for the workload, per workload op (`undefined`: refused or not mapped). */
export interface CaseSql {
  readonly engine: BenchCase['engine']
  readonly perOp: readonly (readonly string[] | undefined)[]
}

/** Cases for one dialect, the SQL to verify, and what each engine refused or could not map. */
export interface DialectCases {
  readonly cases: readonly BenchCase[]
  readonly sql: readonly CaseSql[]
  readonly refused: Readonly<Record<string, number>>
}

type Json = Record<string, unknown>

function athanorCompileAll(dialect: Dialect, ops: readonly Op[]): { perOp: (readonly Statement[] | undefined)[]; refused: number; usable: Op[] } {
  const perOp: (readonly Statement[] | undefined)[] = []
  const usable: Op[] = []
  let refused = 0
  for (const op of ops) {
    try {
      perOp.push(dialect.compile(op))
      usable.push(op)
    } catch (e) {
      // Ops the dialect refuses by design (a plain alterColumn on SQLite) are counted, not hidden.
      if (e instanceof AthanorError && e.code === 'UNSUPPORTED_OPERATION') {
        refused++
        perOp.push(undefined)
      } else throw e
    }
  }
  return { perOp, refused, usable }
}

/** Builds the side-by-side cases of one dialect on a workload. */
export function dialectCases(dialect: Dialect, workload: Workload, kyselyName?: KyselyDialectName): DialectCases {
  const parsed = parseOps(workload.ops)
  if (!parsed.ok) throw new Error(`bench: the workload does not parse: ${parsed.errors[0]?.message ?? ''}`)
  const ops = parsed.value
  const athanor = athanorCompileAll(dialect, ops)
  const usable = athanor.usable
  const n = usable.length
  const cases: BenchCase[] = [
    {
      dialect: dialect.name,
      engine: 'athanor',
      mode: 'compile only',
      ops: n,
      run: () => {
        let count = 0
        for (const op of usable) count += dialect.compile(op).length
        return count
      },
    },
  ]
  if (athanor.refused === 0) {
    cases.push({
      dialect: dialect.name,
      engine: 'athanor',
      mode: 'parse + compile',
      ops: n,
      run: () => {
        const r = parseOps((JSON.parse(workload.text) as { ops: unknown }).ops)
        if (!r.ok) throw new Error('bench: parse failed')
        let count = 0
        for (const op of r.value) count += dialect.compile(op).length
        return count
      },
    })
  }
  const sql: CaseSql[] = [{ engine: 'athanor', perOp: athanor.perOp.map((list) => list?.map((s) => s.sql)) }]
  const refused: Record<string, number> = { athanor: athanor.refused }
  const raw = workload.ops as readonly Json[]
  if (kyselyName !== undefined) {
    const { db, compiler } = kyselyFor(kyselyName)
    const nodes = raw.flatMap((op) => (kyselyBuilders(db, op) ?? []).map(rootNode))
    refused['kysely'] = raw.filter((op) => kyselyBuilders(db, op) === undefined).length
    sql.push({ engine: 'kysely', perOp: raw.map((op) => kyselyBuilders(db, op)?.map((b) => compiler.compileQuery(rootNode(b), createQueryId()).sql)) })
    cases.push({
      dialect: dialect.name,
      engine: 'kysely',
      mode: 'compile only',
      ops: raw.length,
      run: () => {
        let count = 0
        for (const node of nodes) count += compiler.compileQuery(node, createQueryId()).sql.length
        return count
      },
    })
    cases.push({
      dialect: dialect.name,
      engine: 'kysely',
      mode: 'build + compile',
      ops: raw.length,
      run: () => {
        let count = 0
        for (const op of raw) for (const b of kyselyBuilders(db, op) ?? []) count += b.compile().sql.length
        return count
      },
    })
  }
  const client = KNEX_CLIENTS[dialect.name as keyof typeof KNEX_CLIENTS]
  if (client !== undefined) {
    const knex = knexFor(client)
    sql.push({ engine: 'knex', perOp: raw.map((op) => knexSql(knex, op)) })
    refused['knex'] = raw.filter((op) => knexSql(knex, op) === undefined).length
    cases.push({
      dialect: dialect.name,
      engine: 'knex',
      mode: 'toSQL',
      ops: raw.length,
      run: () => {
        let count = 0
        for (const op of raw) count += (knexSql(knex, op) ?? []).length
        return count
      },
    })
  }
  return { cases, sql, refused }
}
