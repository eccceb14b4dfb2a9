/**
 * `@athanor/dialect-kit/conformance`: the scenarios every dialect runs against a live engine,
 * the runner, and the snapshot comparison behind it. No test framework is needed: a dialect's
 * test file turns {@link conformanceCases} into its runner's tests.
 * @example
 * import { expect, it } from 'vitest'
 * import { conformanceCases, type ConformanceTarget } from '@athanor/dialect-kit/conformance'
 * import { postgresCanonical } from '@athanor/dialect-postgres/introspect'
 * declare const target: ConformanceTarget // your dialect, and a connection to a scratch database
 * for (const c of conformanceCases(target, { canonical: postgresCanonical })) it(c.name, async () => expect((await c.run()).problems).toEqual([]))
 * @packageDocumentation
 */
export type { RowCount, Scenario, ScenarioExpectations } from './scenario.js'
export { conformanceScenarios } from './scenarios.js'
export { schemaScenarios } from './scenarios-schemas.js'
export { conformanceCases, runConformance, runScenario } from './run.js'
export type { ConformanceCase, ConformanceOptions, ConformanceTarget, ScenarioResult, ScenarioStatus } from './run.js'
export { compareSnapshots } from './compare.js'
export type { CompareOptions, Difference } from './compare.js'
export type { Canonical, DialectView } from './canonical.js'
export { sqlFingerprint } from './sql-text.js'
