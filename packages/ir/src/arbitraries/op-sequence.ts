/**
 * `opSequence`: lists of ops, each valid on the database the ops before it built, starting from
 * an empty one.
 */
import * as fc from 'fast-check'
import type { BatchChildOp, BuiltinOp } from '../op.js'
import { emptySim, tableDefinitionOf, type SequenceOpKind, type Sim, type SimTable } from './schema-sim.js'
import { DATABASE_ACTIONS } from './sim-database-actions.js'
import { drawFrom, type Draw } from './sim-draw.js'
import { atTop, TABLE_ACTIONS, type TableAction } from './sim-table-actions.js'
import type { NameStyle } from './options.js'

/**
 * Every kind `opSequence` emits.
 * @example
 * SEQUENCE_OP_KINDS.length // => 16
 * SEQUENCE_OP_KINDS.includes('batch') // => true
 */
export const SEQUENCE_OP_KINDS: readonly SequenceOpKind[] = Object.freeze([
  ...DATABASE_ACTIONS.map((a) => a.kind),
  ...TABLE_ACTIONS.map((a) => a.kind),
  'batch' as const,
])

/**
 * Options of {@link opSequence}.
 * @example
 * import fc from 'fast-check'
 * // Sequences without batches or constraint changes, for an engine that needs a rebuild for those
 * const options: OpSequenceOptions = { kinds: ['createTable', 'addColumn', 'createIndex', 'dropIndex'], maxLength: 6, maxTables: 2 }
 * fc.assert(fc.property(opSequence(options), (ops) => ops.every((op) => options.kinds?.includes(op.kind as SequenceOpKind))))
 */
export interface OpSequenceOptions {
  /** Most ops in a sequence (a batch counts as one); default 12. */
  readonly maxLength?: number
  /** Fewest ops; default 1. */
  readonly minLength?: number
  /** Default `plain`; `hostile` names are ones every target engine accepts quoted. */
  readonly names?: NameStyle
  /**
   * The kinds to emit at the top level; all of {@link SEQUENCE_OP_KINDS} by default.
   * `createTable` is always emitted (a sequence starts from an empty database).
   */
  readonly kinds?: readonly SequenceOpKind[]
  /** The kinds inside a batch; every table-level kind by default. */
  readonly batchKinds?: readonly SequenceOpKind[]
  /** Give some batches a `copyFrom` (the table before the batch). Default `true`. */
  readonly copyFrom?: boolean
  /** Most tables at a time; default 4. */
  readonly maxTables?: number
}

interface Choice {
  readonly weight: number
  readonly run: (draw: Draw) => BuiltinOp
}

const BATCH_RECREATE = [undefined, 'auto', 'always'] as const

function tableChoices(sim: Sim, actions: readonly TableAction[], wrap: (child: BatchChildOp, table: SimTable) => BuiltinOp): Choice[] {
  return actions.flatMap((action) => {
    const tables = sim.tables.filter((t) => action.applies(sim, t))
    if (tables.length === 0) return []
    return [{ weight: action.weight, run: (draw: Draw) => {
      const table = draw.pick(tables)
      return wrap(action.run(sim, table, draw, false), table)
    } }]
  })
}

function runBatch(sim: Sim, table: SimTable, actions: readonly TableAction[], draw: Draw, copyFrom: boolean): BuiltinOp {
  const before = copyFrom && draw.oneIn(2) ? tableDefinitionOf(table) : undefined
  const recreate = BATCH_RECREATE[draw.int(BATCH_RECREATE.length)]
  const ops: BatchChildOp[] = []
  const count = 1 + draw.int(3)
  for (let i = 0; i < count; i++) {
    const applicable = actions.filter((a) => a.applies(sim, table))
    if (applicable.length === 0) break
    ops.push(weighted(applicable, draw).run(sim, table, draw, true))
  }
  return {
    kind: 'batch',
    tableName: table.name,
    ...(recreate === undefined ? {} : { recreate }),
    ...(before === undefined ? {} : { copyFrom: before }),
    ops,
  }
}

function weighted<T extends { readonly weight: number }>(items: readonly T[], draw: Draw): T {
  const total = items.reduce((n, i) => n + i.weight, 0)
  let at = draw.int(total)
  for (const item of items) {
    if (at < item.weight) return item
    at -= item.weight
  }
  return draw.pick(items)
}

/**
 * Runs the simulator over the choices fast-check generated, one list of numbers per step; each
 * step emits one op valid on the database so far. Pure: the same choices give the same ops.
 * @example
 * const steps = [new Array<number>(16).fill(0), new Array<number>(16).fill(1)]
 * simulateSequence(steps).map((op) => op.kind) // => ['createTable', 'createTable']
 * simulateSequence(steps)[0] // => { kind: 'createTable', tableName: 'tbl_0', columns: [{ name: 'id_1', type: 'integer', nullable: false, primaryKey: true }] }
 */
export function simulateSequence(steps: readonly (readonly number[])[], options: OpSequenceOptions = {}): BuiltinOp[] {
  const sim = emptySim(options.names ?? 'plain')
  const kinds = new Set<SequenceOpKind>([...(options.kinds ?? SEQUENCE_OP_KINDS), 'createTable'])
  const batchKinds = new Set(options.batchKinds ?? SEQUENCE_OP_KINDS)
  const maxTables = options.maxTables ?? 4
  const tableActions = TABLE_ACTIONS.filter((a) => kinds.has(a.kind))
  const batchActions = TABLE_ACTIONS.filter((a) => batchKinds.has(a.kind))
  const ops: BuiltinOp[] = []
  for (const values of steps) {
    const draw = drawFrom(values)
    const choices: Choice[] = [
      ...DATABASE_ACTIONS.filter((a) => kinds.has(a.kind) && a.applies(sim) && (a.kind !== 'createTable' || sim.tables.length < maxTables)).map(
        (a): Choice => ({ weight: sim.tables.length === 0 ? 1 : a.weight, run: (d) => a.run(sim, d) }),
      ),
      ...(sim.tables.length === 0 ? [] : tableChoices(sim, tableActions, (child, table) => atTop(child, table.name))),
      ...(kinds.has('batch') && sim.tables.length > 0 && batchActions.length > 0
        ? [{ weight: 2, run: (d: Draw) => runBatch(sim, d.pick(sim.tables), batchActions, d, options.copyFrom !== false) }]
        : []),
    ]
    if (choices.length === 0) continue
    ops.push(weighted(choices, draw).run(draw))
  }
  return ops
}

/**
 * Lists of ops valid in order on an empty database, for model-based tests against live
 * engines: `createTable`, `dropTable` and `renameTable`; `addColumn`, `dropColumn` (carrying the
 * column), `alterColumn` (type widenings, nullability, defaults, comments, renames, with every
 * `existing*` field filled), `createIndex`/`dropIndex` (carrying the index), the constraint
 * creates and `dropConstraint` (carrying the constraint), table comments (with
 * `existingComment`), and batches of table-level ops (an `addColumn` may say where it goes, a
 * `dropColumn` says where the column was, and a batch may carry its table as `copyFrom`). Every
 * op is reversible, and carries exactly what `fillExisting` would fill from the model.
 *
 * What it keeps clear of, so the ops run on PostgreSQL, MySQL/MariaDB and SQLite alike: TEXT in
 * keys and indexes, literal defaults on TEXT, non-constant defaults on added columns, changes to
 * columns that a key, index or check uses, dropping a key a foreign key needs. Tables are empty
 * (no `bulkInsert`). Not generated: schemas, column-level `unique`/`index`/`foreignKey`/`check`
 * flags, identity and auto-increment changes, `executeSql`. An engine that cannot run some kind
 * outside a batch (SQLite and constraints) is served by `kinds` and `batchKinds`. Shrinking
 * removes steps and simplifies choices, and the result stays valid.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(opSequence({ maxLength: 8 }), (ops) => {
 *   applyOps(emptySnapshot(), ops) // never throws
 * }))
 */
export function opSequence(options: OpSequenceOptions = {}): fc.Arbitrary<BuiltinOp[]> {
  const step = fc.array(fc.nat({ max: 0xffff }), { minLength: 16, maxLength: 16 })
  return fc
    .array(step, { minLength: options.minLength ?? 1, maxLength: options.maxLength ?? 12 })
    .map((steps) => simulateSequence(steps, options))
}
