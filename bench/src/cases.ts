import type { CompileContext, Dialect, Statement } from '@athanor/dialect-kit'
import { alterColumn, applyOps, AthanorError, emptySnapshot, fillExistingAll, ModelMismatchError, parseJson, parseOps, type Op, type SchemaSnapshot } from '@athanor/ir'
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

/** An op to time, with the schema model when the dialect needs it (MySQL's MODIFY without every existing* field). */
interface Usable {
  readonly op: Op
  readonly ctx?: CompileContext
}

function athanorCompileAll(dialect: Dialect, ops: readonly Op[]): { perOp: (readonly Statement[] | undefined)[]; refused: number; usable: Usable[] } {
  const perOp: (readonly Statement[] | undefined)[] = []
  const usable: Usable[] = []
  let refused = 0
  // An op the dialect refuses takes the ops that depend on it along (a drop of a column never
  // added): the model tells which, so what remains is a valid sequence on this engine.
  let model = emptySnapshot()
  for (const op of ops) {
    let next: SchemaSnapshot
    try {
      next = applyOps(model, [op])
    } catch (e) {
      if (!(e instanceof ModelMismatchError)) throw e
      refused++
      perOp.push(undefined)
      continue
    }
    try {
      // With the model first: refusals only the model can justify (MySQL: NOT NULL under an
      // ON DELETE SET NULL key) are found here; the timed call passes the model only if needed.
      const checked = dialect.compile(op, { snapshot: model })
      compileWithModel(dialect, op, model, usable)
      perOp.push(checked)
      model = next
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

/** Compiles without a model when the op carries enough, else with the model (as an ORM would pass it). */
function compileWithModel(dialect: Dialect, op: Op, model: SchemaSnapshot, usable: Usable[]): readonly Statement[] {
  try {
    const out = dialect.compile(op)
    usable.push({ op })
    return out
  } catch (e) {
    if (!(e instanceof AthanorError && e.code === 'MISSING_EXISTING_STATE')) throw e
    const ctx = { snapshot: model }
    const out = dialect.compile(op, ctx)
    usable.push({ op, ctx })
    return out
  }
}

/** Spreads per-op SQL of the usable ops back to the workload's op positions. */
function aligned<T>(perOp: readonly (T | undefined)[], usable: readonly (readonly string[] | undefined)[]): (readonly string[] | undefined)[] {
  let j = 0
  return perOp.map((p) => (p === undefined ? undefined : usable[j++]))
}

/** Athanor's side of a dialect's cases, built once: the peers' side is rebuilt when the engine rejects some of their SQL. */
export interface AthanorSide {
  readonly cases: readonly BenchCase[]
  readonly sql: CaseSql
  readonly refused: number
  /** Per workload op: its statements, or `undefined` when this dialect refuses it. */
  readonly perOp: readonly (readonly Statement[] | undefined)[]
}

/** Athanor's cases of one dialect on a workload: compile only, and parse + compile, on the ops the dialect does not refuse. */
export function athanorSide(dialect: Dialect, workload: Workload): AthanorSide {
  const parsed = parseOps(workload.ops)
  if (!parsed.ok) throw new Error(`bench: the workload does not parse: ${parsed.errors[0]?.message ?? ''}`)
  // The workload gives existingType/existingNullable but not every existing* a MODIFY restates
  // (MySQL) — the ops are completed from the schema model before timing, as an ORM would.
  // The generator never alters a key column, so none of them is AUTO_INCREMENT.
  const ops = fillExistingAll(parsed.value, emptySnapshot()).ops.map((op) =>
    op.kind === 'alterColumn' && op.existingAutoincrement === undefined ? alterColumn({ ...op, existingAutoincrement: false }) : op,
  )
  const athanor = athanorCompileAll(dialect, ops)
  const usable = athanor.usable
  const n = usable.length
  // JSON text in, SQL out: what a migration file costs from its bytes (parseJson validates the
  // objects JSON.parse made in place). The text holds the ops this dialect compiles.
  const text = JSON.stringify(usable.map((u) => u.op))
  const cases: BenchCase[] = [
    {
      dialect: dialect.name,
      engine: 'athanor',
      mode: 'compile only',
      ops: n,
      run: () => {
        let count = 0
        for (const u of usable) count += (u.ctx === undefined ? dialect.compile(u.op) : dialect.compile(u.op, u.ctx)).length
        return count
      },
    },
  ]
  cases.push({
    dialect: dialect.name,
    engine: 'athanor',
    mode: 'parse + compile',
    ops: n,
    run: () => {
      const r = parseJson(text)
      if (!r.ok || !Array.isArray(r.value)) throw new Error('bench: parse failed')
      let count = 0
      const parsedOps = r.value as readonly Op[]
      for (let i = 0; i < parsedOps.length; i++) {
        const op = parsedOps[i] as Op
        const c = (usable[i] as Usable).ctx
        count += (c === undefined ? dialect.compile(op) : dialect.compile(op, c)).length
      }
      return count
    },
  })
  return { cases, sql: { engine: 'athanor', perOp: athanor.perOp.map((list) => list?.map((s) => s.sql)) }, refused: athanor.refused, perOp: athanor.perOp }
}

/**
 * Builds the side-by-side cases of one dialect on a workload: Athanor's (built by
 * {@link athanorSide} unless given) and the peers', each peer on the ops this dialect compiles,
 * less those in `exclude`.
 */
export function dialectCases(
  dialect: Dialect,
  workload: Workload,
  kyselyName?: KyselyDialectName,
  exclude: Readonly<Record<string, ReadonlySet<number>>> = {},
  ours: AthanorSide = athanorSide(dialect, workload),
): DialectCases {
  const cases: BenchCase[] = [...ours.cases]
  const sql: CaseSql[] = [ours.sql]
  const refused: Record<string, number> = { athanor: ours.refused }
  // Peers get the ops this dialect compiles: what it refuses by design is reported, and timing a
  // peer on SQL the engine would reject (an ALTER COLUMN on SQLite) would compare nothing.
  const all = workload.ops as readonly Json[]
  const raw = all.filter((_, i) => ours.perOp[i] !== undefined)
  // A peer is timed only on the ops whose SQL the engine accepted (see runBench).
  const usableFor = (engine: string): Json[] => all.filter((_, i) => ours.perOp[i] !== undefined && exclude[engine]?.has(i) !== true)
  if (kyselyName !== undefined) {
    const { db, compiler } = kyselyFor(kyselyName)
    const kyOps = usableFor('kysely')
    const nodes = kyOps.flatMap((op) => (kyselyBuilders(db, op, kyselyName) ?? []).map(rootNode))
    refused['kysely'] = raw.filter((op) => kyselyBuilders(db, op, kyselyName) === undefined).length
    sql.push({ engine: 'kysely', perOp: aligned(ours.perOp, raw.map((op) => kyselyBuilders(db, op, kyselyName)?.map((b) => compiler.compileQuery(rootNode(b), createQueryId()).sql))) })
    cases.push({
      dialect: dialect.name,
      engine: 'kysely',
      mode: 'compile only',
      ops: kyOps.length,
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
      ops: kyOps.length,
      run: () => {
        let count = 0
        for (const op of kyOps) for (const b of kyselyBuilders(db, op, kyselyName) ?? []) count += b.compile().sql.length
        return count
      },
    })
  }
  const client = KNEX_CLIENTS[dialect.name as keyof typeof KNEX_CLIENTS]
  if (client !== undefined) {
    const knex = knexFor(client)
    const knOps = usableFor('knex')
    sql.push({ engine: 'knex', perOp: aligned(ours.perOp, raw.map((op) => knexSql(knex, op))) })
    refused['knex'] = raw.filter((op) => knexSql(knex, op) === undefined).length
    cases.push({
      dialect: dialect.name,
      engine: 'knex',
      mode: 'toSQL',
      ops: knOps.length,
      run: () => {
        let count = 0
        for (const op of knOps) count += (knexSql(knex, op) ?? []).length
        return count
      },
    })
  }
  return { cases, sql, refused }
}
