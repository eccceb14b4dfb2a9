import type { ApplyContext } from '../registry.js'
import type { Draft } from 'immer'
import type { BuiltinOpKind, BuiltinOpTypes } from '../op.js'
import type { SchemaSnapshot } from './snapshot.js'

/** How one kind changes the schema model, on an immer draft. */
export type Applier<O> = (draft: Draft<SchemaSnapshot>, op: O, ctx: ApplyContext) => void

/** The model effect of every built-in kind (placeholder until the model lands). */
export const builtinAppliers: { readonly [K in BuiltinOpKind]?: Applier<BuiltinOpTypes[K]> } = {}
