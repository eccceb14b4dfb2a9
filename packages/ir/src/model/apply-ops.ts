import { Immer, type Draft } from 'immer'
import { AthanorError } from '../errors.js'
import { deepFreeze } from '../freeze.js'
import type { OpBase } from '../op-spec.js'
import type { Op } from '../op.js'
import { builtinRegistry, type ApplyContext, type Registry } from '../registry.js'
import { withPathPrefix } from './lookup.js'
import type { SchemaSnapshot } from './snapshot.js'

// The only module that uses immer. A private instance, so that a caller's global
// `setAutoFreeze(false)` cannot make our results mutable; the result is deep-frozen anyway,
// since immer freezes only what it copied and a hand-built input may not be frozen.
const immer = new Immer({ autoFreeze: true })

const EMPTY: SchemaSnapshot = deepFreeze({ tables: [] })

/**
 * A schema without tables: where a model of a new database starts.
 * @example
 * emptySnapshot() // => { tables: [] }
 */
export function emptySnapshot(): SchemaSnapshot {
  return EMPTY
}

/**
 * Options of {@link applyOps}.
 * @example
 * declare const createViewDefinition: OpDefinition // a plugin's kind
 * const options: ApplyOptions = { registry: createRegistry({ plugins: [createViewDefinition] }) }
 */
export interface ApplyOptions {
  /** The kinds to apply; plugin kinds apply through their `OpDefinition.apply`. Built-in kinds when absent. */
  readonly registry?: Registry
}

function contextFor(registry: Registry): ApplyContext {
  const ctx: ApplyContext = {
    registry,
    apply: (draft, op) => {
      const def = registry.get(op.kind)
      if (def === undefined) {
        throw new AthanorError('UNKNOWN_KIND', { kind: op.kind, path: 'kind', message: `unknown op kind ${JSON.stringify(op.kind)}; expected a kind of the registry` })
      }
      def.apply?.(draft, op, ctx)
    },
  }
  return ctx
}

/** @internal Applies `ops` with index-prefixed error paths; the result is not deep-frozen. */
export function applyList(snapshot: SchemaSnapshot, ops: readonly OpBase[], registry: Registry): SchemaSnapshot {
  const ctx = contextFor(registry)
  return immer.produce(snapshot, (draft: Draft<SchemaSnapshot>) => {
    ops.forEach((op, i) => withPathPrefix(`[${i}]`, () => ctx.apply(draft, op)))
  })
}

/** @internal Applies one op, error paths relative to it; the result is not deep-frozen. */
export function applyOne(snapshot: SchemaSnapshot, op: OpBase, registry: Registry): SchemaSnapshot {
  const ctx = contextFor(registry)
  return immer.produce(snapshot, (draft: Draft<SchemaSnapshot>) => {
    ctx.apply(draft, op)
  })
}

/**
 * The schema after `ops`, applied in order to `snapshot`. Pure: `snapshot` is not changed (it is
 * frozen if it was not), and the result is deep-frozen, sharing what did not change. An op that
 * does not fit the model throws a `ModelMismatchError` whose path starts with the op's index
 * (`[3].columnName`, `[0].ops[2].columnName` inside a container or batch).
 * @example
 * const s = applyOps(emptySnapshot(), [
 *   createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
 *   addColumn({ tableName: 'account', column: { name: 'email', type: 'text', nullable: false } }),
 * ])
 * s.tables[0]?.columns.map((c) => c.name) // => ['id', 'email']
 */
export function applyOps(snapshot: SchemaSnapshot, ops: readonly Op[], options: ApplyOptions = {}): SchemaSnapshot {
  return deepFreeze(applyList(snapshot, ops, options.registry ?? builtinRegistry()))
}
