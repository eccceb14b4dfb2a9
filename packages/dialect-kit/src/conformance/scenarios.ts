import type { Scenario } from './scenario.js'
import { columnScenarios } from './scenarios-columns.js'
import { batchScenarios, dataScenarios } from './scenarios-data.js'
import { constraintScenarios, indexScenarios } from './scenarios-keys.js'
import { tableScenarios } from './scenarios-tables.js'

/**
 * Every conformance scenario, gated by capabilities: tables (every generic type, keys, column
 * flags, defaults, comments, computed and identity columns, drop, rename), columns (add with its
 * flags, alter type / nullability / default / comment / name / identity, drop), indexes (plain,
 * unique, expression, partial), constraints (each kind added and dropped, deferrable), table
 * comments, `bulkInsert` and `executeSql` with row counts, `ON DELETE CASCADE`, batches
 * (`recreate` auto and never, positions) and containers.
 * @example
 * import { sqlite } from '@athanor/dialect-sqlite'
 * conformanceScenarios.filter((s) => s.requires?.(sqlite.capabilities) ?? true).length // the scenarios SQLite must pass
 */
export const conformanceScenarios: readonly Scenario[] = Object.freeze([
  ...tableScenarios,
  ...columnScenarios,
  ...indexScenarios,
  ...constraintScenarios,
  ...dataScenarios,
  ...batchScenarios,
])
