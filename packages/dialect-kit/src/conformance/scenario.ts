import type { Op } from '@athanor/ir'
import type { Capabilities } from '../contract.js'

/**
 * A row count a scenario checks after its ops ran: data the ops inserted, kept through a change,
 * or removed by a cascade.
 * @example
 * const rc: RowCount = { table: 'child', count: 0, where: 'parent_id = 1' }
 */
export interface RowCount {
  readonly table: string
  readonly schema?: string
  readonly count: number
  /** A condition in SQL, emitted verbatim after `WHERE`. */
  readonly where?: string
}

/**
 * What a scenario checks besides the schema.
 * @example
 * const expect: ScenarioExpectations = { rowCounts: [{ table: 't', count: 2 }], columnOrder: 'any' }
 */
export interface ScenarioExpectations {
  /** Row counts read with `SELECT COUNT(*)` through the target's `query`. */
  readonly rowCounts?: readonly RowCount[]
  /**
   * `any`: compare the set of columns, not their order. For positions (`insertBefore` /
   * `insertAfter`) that a dialect compiling a batch to ALTERs cannot honour.
   */
  readonly columnOrder?: 'any'
}

/**
 * One conformance scenario: `setup` builds a starting schema (and data), then `ops` are the
 * ops under test. After both ran, the introspected schema must equal
 * `applyOps(emptySnapshot(), [...setup, ...ops])` under `compareSnapshots`, and `expect` must hold.
 *
 * `requires` names the capabilities the scenario needs. When it returns false the dialect may
 * refuse the ops with an `UnsupportedOperationError` (a declared refusal, which passes); if it
 * compiles them anyway (a rebuild, say), the result is checked as usual. A refusal the
 * capabilities do not announce fails.
 * @example
 * import { createTable, dropColumn } from '@athanor/ir'
 * const s: Scenario = {
 *   name: 'dropColumn removes the column',
 *   requires: (caps) => caps.dropColumn,
 *   setup: [createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }] })],
 *   ops: [dropColumn({ tableName: 't', columnName: 'b' })],
 * }
 */
export interface Scenario {
  readonly name: string
  readonly requires?: (capabilities: Capabilities) => boolean
  readonly setup?: readonly Op[]
  readonly ops: readonly Op[]
  readonly expect?: ScenarioExpectations
}
