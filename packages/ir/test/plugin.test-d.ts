/**
 * Type-level checks of plugin kinds, run by `tsc -p tsconfig.test.json` (never executed). The
 * declaration merging into `OpTypes` lives in `./fixtures/view-plugin.ts`.
 */
import { createRegistry, reverse, type Op, type OpDefinition, type OpKind, type OpOf, type OpTypes } from '@athanor/ir'
import { createView, createViewDefinition, dropView, dropViewDefinition, type CreateViewOp, type DropViewOp } from './fixtures/view-plugin.js'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Expect<T extends true> = T

// The merged kinds are op kinds, and `Op` includes their nodes.
export type Checks = [
  Expect<Equal<OpOf<'createView'>, CreateViewOp>>,
  Expect<Equal<OpTypes['dropView'], DropViewOp>>,
  Expect<'createView' extends OpKind ? true : false>,
  Expect<CreateViewOp extends Op ? true : false>,
  Expect<Equal<Extract<Op, { kind: 'dropView' }>, DropViewOp>>,
]

const view: CreateViewOp = createView({ viewName: 'v', sqltext: 'SELECT 1' })
const asOp: Op = view
const undone: Op = reverse(view, { registry: createRegistry({ plugins: [createViewDefinition, dropViewDefinition] }) })
const dropped: Op = dropView({ viewName: 'v', view: { sqltext: 'SELECT 1', orReplace: true } })

/** Narrowing on `kind` reaches the plugin's fields. */
export function viewNameOf(op: Op): string | undefined {
  if (op.kind === 'createView' || op.kind === 'dropView') return op.viewName
  return undefined
}

/** A definition's `reverse` and `apply` get the plugin's node type. */
export const typed: OpDefinition<CreateViewOp> = {
  ...createViewDefinition,
  reverse: (op) => dropView({ viewName: op.viewName, view: { sqltext: op.sqltext } }),
}

// @ts-expect-error viewNme is not a field of createView
createView({ viewNme: 'v', sqltext: 'SELECT 1' })

// @ts-expect-error sqltext is a string
createView({ viewName: 'v', sqltext: 1 })

// @ts-expect-error a createView without sqltext is not an Op
export const missing: Op = { kind: 'createView', viewName: 'v' }

// @ts-expect-error orReplce is not a field of createView
export const typo: Op = { kind: 'createView', viewName: 'v', sqltext: 'SELECT 1', orReplce: true }

// @ts-expect-error a dropView's view needs its sqltext
dropView({ viewName: 'v', view: { orReplace: true } })

// @ts-expect-error a definition's kind must be the node's kind
export const wrongKind: OpDefinition<CreateViewOp> = { ...createViewDefinition, kind: 'dropView' }

// @ts-expect-error a kind nobody registered is not an op kind
export const unknownKind: OpKind = 'createMaterializedView'

export const values = [asOp, undone, dropped] as const
