import { applyOps, emptySnapshot, type Op, type SchemaSnapshot } from '@athanor/ir'
import type { Dialect } from '../contract.js'
import type { Statement } from '../statement.js'
import type { Canonical } from './canonical.js'
import { compareSnapshots, type Difference } from './compare.js'
import type { Scenario } from './scenario.js'
import { schemaScenarios } from './scenarios-schemas.js'
import { conformanceScenarios } from './scenarios.js'

/**
 * The live database a dialect is checked against, as the dialect's test file supplies it.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * import { introspectPostgres, type PostgresQuery } from '@athanor/dialect-postgres/introspect'
 * declare const query: PostgresQuery // node-postgres: (sql, params) => client.query(sql, params).then((r) => r.rows)
 * const target: ConformanceTarget = {
 *   dialect: postgresql,
 *   exec: (sql) => query(sql),
 *   query: (sql) => query(sql),
 *   introspect: () => introspectPostgres(query),
 *   reset: async () => { await query('DROP SCHEMA public CASCADE; CREATE SCHEMA public') },
 * }
 */
export interface ConformanceTarget {
  readonly dialect: Dialect
  /** Runs one statement the dialect compiled (no terminator). */
  exec(sql: string): Promise<unknown>
  /** Reads the schema the statements left, with the dialect's introspector. */
  introspect(): Promise<SchemaSnapshot>
  /** Empties the database (or the scenario's schema) before each scenario. */
  reset(): Promise<void>
  /** Runs a query and returns its rows; needed by scenarios that count rows. */
  query?(sql: string): Promise<readonly Record<string, unknown>[]>
}

/**
 * Options of {@link runConformance} and {@link runScenario}.
 * @example
 * import { postgresCanonical } from '@athanor/dialect-postgres/introspect'
 * const options: ConformanceOptions = { canonical: postgresCanonical, scenarios: conformanceScenarios.slice(0, 3) }
 */
export interface ConformanceOptions {
  /**
   * The scenarios to run; by default {@link conformanceScenarios}, and `schemaScenarios` of
   * `otherSchema` when it is given.
   */
  readonly scenarios?: readonly Scenario[]
  /**
   * A second schema the target provides besides its default one: `reset` leaves it existing and
   * empty, `introspect` reads it too (its tables with `schema` set). Enables the scenarios of
   * schema-qualified ops.
   */
  readonly otherSchema?: string
  /** How the dialect's engine reports what ops wrote (see `compareSnapshots`). */
  readonly canonical?: Canonical
}

/**
 * `passed`: the schema (and rows) are as the model says. `refused`: the dialect refused the ops
 * with an `UnsupportedOperationError` and its capabilities announce it. `failed`: anything else;
 * `problems` says what.
 * @example
 * declare const target: ConformanceTarget
 * const results = await runConformance(target)
 * const failed = results.filter((r) => r.status === 'failed')
 */
export type ScenarioStatus = 'passed' | 'refused' | 'failed'

/**
 * The outcome of one scenario.
 * @example
 * const r: ScenarioResult = { name: 'dropColumn removes the column', status: 'passed', problems: [], differences: [], statements: ['ALTER TABLE t DROP COLUMN b'] }
 */
export interface ScenarioResult {
  readonly name: string
  readonly status: ScenarioStatus
  /** Readable lines, empty unless the scenario failed. */
  readonly problems: readonly string[]
  readonly differences: readonly Difference[]
  /** The SQL run (setup first), for a report. */
  readonly statements: readonly string[]
  /** The code, path and message of the refusal, for `refused` (and for an unannounced one). */
  readonly refusal?: { readonly kind?: string; readonly path?: string; readonly message: string }
}

interface Coded {
  readonly code: string
  readonly message: string
  readonly kind?: string
  readonly path?: string
}

function coded(e: unknown): Coded | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e) || typeof e.code !== 'string') return undefined
  return e as Coded
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

type Compiled = { readonly statements: readonly Statement[] } | { readonly error: unknown }

function compile(dialect: Dialect, ops: readonly Op[], snapshot: SchemaSnapshot): Compiled {
  try {
    return { statements: dialect.compileOps(ops, { snapshot }) }
  } catch (error) {
    return { error }
  }
}

/**
 * Runs one scenario: resets the target, compiles `setup` then `ops` with the dialect (each
 * against the model of the schema before it), runs every statement through `exec`, introspects,
 * and compares with `applyOps(emptySnapshot(), [...setup, ...ops])`, then checks row counts.
 * Never throws for a failing scenario; the result says what went wrong.
 * @example
 * import { postgresCanonical } from '@athanor/dialect-postgres/introspect'
 * declare const target: ConformanceTarget
 * const result = await runScenario(conformanceScenarios[0]!, target, { canonical: postgresCanonical })
 * result.status // 'passed', or 'refused' when the dialect's capabilities rule the scenario out
 */
export async function runScenario(scenario: Scenario, target: ConformanceTarget, options: ConformanceOptions = {}): Promise<ScenarioResult> {
  const { dialect } = target
  const ran: string[] = []
  const result = (status: ScenarioStatus, problems: readonly string[], extra: Partial<ScenarioResult> = {}): ScenarioResult => ({
    name: scenario.name,
    status,
    problems,
    differences: [],
    statements: ran,
    ...extra,
  })
  const mayRefuse = scenario.requires !== undefined && !scenario.requires(dialect.capabilities)
  const setup = scenario.setup ?? []
  let start: SchemaSnapshot
  let expected: SchemaSnapshot
  try {
    start = applyOps(emptySnapshot(), setup)
    expected = applyOps(start, scenario.ops)
  } catch (e) {
    return result('failed', [`the scenario does not fit the schema model: ${messageOf(e)}`])
  }
  try {
    await target.reset()
  } catch (e) {
    return result('failed', [`reset failed: ${messageOf(e)}`])
  }
  for (const [phase, ops, before] of [['setup', setup, emptySnapshot()], ['ops', scenario.ops, start]] as const) {
    const compiled = compile(dialect, ops, before)
    if ('error' in compiled) {
      const e = coded(compiled.error)
      if (e?.code === 'UNSUPPORTED_OPERATION') {
        const refusal = { ...(e.kind === undefined ? {} : { kind: e.kind }), ...(e.path === undefined ? {} : { path: e.path }), message: e.message }
        if (mayRefuse) return result('refused', [], { refusal })
        return result('failed', [`${dialect.name} refused the ${phase} although its capabilities do not announce it: ${e.kind ?? ''} ${e.path ?? ''}: ${e.message}`], { refusal })
      }
      return result('failed', [`compiling the ${phase} threw ${e?.code ?? 'an error'}: ${messageOf(compiled.error)}`])
    }
    for (const s of compiled.statements) {
      ran.push(s.sql)
      try {
        await target.exec(s.sql)
      } catch (e) {
        return result('failed', [`${phase} statement ${ran.length} failed: ${messageOf(e)}\n  ${s.sql}`])
      }
    }
  }
  let found: SchemaSnapshot
  try {
    found = await target.introspect()
  } catch (e) {
    return result('failed', [`introspection failed: ${messageOf(e)}`])
  }
  const differences = compareSnapshots(expected, found, {
    dialect: dialect.name,
    capabilities: dialect.capabilities,
    ...(options.canonical === undefined ? {} : { canonical: options.canonical }),
    ...(scenario.expect?.columnOrder === undefined ? {} : { columnOrder: scenario.expect.columnOrder }),
  })
  const problems = differences.map((d) => d.message)
  for (const rc of scenario.expect?.rowCounts ?? []) {
    if (target.query === undefined) {
      problems.push(`the scenario counts rows of ${rc.table}; the target needs a query function`)
      continue
    }
    const sql = `SELECT COUNT(*) AS n FROM ${dialect.quote.qualified(rc.table, rc.schema)}${rc.where === undefined ? '' : ` WHERE ${rc.where}`}`
    try {
      const [row] = await target.query(sql)
      const n = Number(row?.['n'] ?? Object.values(row ?? {})[0])
      if (n !== rc.count) problems.push(`rows of ${rc.table}${rc.where === undefined ? '' : ` where ${rc.where}`}: expected ${rc.count}, found ${n}`)
    } catch (e) {
      problems.push(`counting rows failed: ${messageOf(e)}\n  ${sql}`)
    }
  }
  return result(problems.length === 0 ? 'passed' : 'failed', problems, { differences })
}

function scenariosOf(options: ConformanceOptions): readonly Scenario[] {
  if (options.scenarios !== undefined) return options.scenarios
  return options.otherSchema === undefined ? conformanceScenarios : [...conformanceScenarios, ...schemaScenarios(options.otherSchema)]
}

/**
 * Runs the scenarios in order against one target.
 * @example
 * import { postgresCanonical } from '@athanor/dialect-postgres/introspect'
 * declare const target: ConformanceTarget
 * const results = await runConformance(target, { canonical: postgresCanonical })
 * results.filter((r) => r.status === 'failed') // none, for a conforming dialect
 */
export async function runConformance(target: ConformanceTarget, options: ConformanceOptions = {}): Promise<readonly ScenarioResult[]> {
  const out: ScenarioResult[] = []
  for (const s of scenariosOf(options)) out.push(await runScenario(s, target, options))
  return out
}

/**
 * One scenario, ready to become a test of the dialect's test runner.
 * @example
 * import { expect, it } from 'vitest'
 * declare const target: ConformanceTarget
 * for (const c of conformanceCases(target)) it(c.name, async () => expect((await c.run()).problems).toEqual([]))
 */
export interface ConformanceCase {
  readonly name: string
  readonly scenario: Scenario
  readonly run: () => Promise<ScenarioResult>
}

/**
 * The scenarios as cases for a test runner, without depending on one: the dialect's test file
 * turns each into a test.
 * @example
 * import { expect, it } from 'vitest'
 * import { postgresCanonical } from '@athanor/dialect-postgres/introspect'
 * declare const target: ConformanceTarget
 * for (const c of conformanceCases(target, { canonical: postgresCanonical })) {
 *   it(c.name, async () => expect((await c.run()).problems).toEqual([]))
 * }
 */
export function conformanceCases(target: ConformanceTarget, options: ConformanceOptions = {}): readonly ConformanceCase[] {
  return scenariosOf(options).map((scenario) => ({ name: scenario.name, scenario, run: () => runScenario(scenario, target, options) }))
}
