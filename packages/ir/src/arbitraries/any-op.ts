/**
 * Ops of any kind: `arbAnyOp`, `arbReversibleOp`, and the arbitrary of a kind by name.
 */
import * as fc from 'fast-check'
import type { BuiltinOp, BuiltinOpKind, BuiltinOpTypes } from '../op.js'
import { memo } from './cache.js'
import { arbDowngradeOps, arbMigrationScript, arbModifyTableOps, arbUpgradeOps, type ContainerOptions } from './containers.js'
import { LEAF_OP_ARBITRARIES } from './leaf-ops.js'

/**
 * The arbitrary of every built-in kind, containers included.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(OP_ARBITRARIES.migrationScript({ maxOps: 2 }), (script) => parseMigrationScript(script).ok))
 */
export const OP_ARBITRARIES: { readonly [K in BuiltinOpKind]: (options?: ContainerOptions) => fc.Arbitrary<BuiltinOpTypes[K]> } = {
  ...LEAF_OP_ARBITRARIES,
  modifyTableOps: arbModifyTableOps,
  upgradeOps: arbUpgradeOps,
  downgradeOps: arbDowngradeOps,
  migrationScript: arbMigrationScript,
}

/**
 * Every built-in kind, in the order of `BuiltinOpTypes`.
 * @example
 * BUILTIN_OP_KINDS.length // => 22
 * BUILTIN_OP_KINDS.slice(0, 3) // => ['addColumn', 'alterColumn', 'dropColumn']
 */
export const BUILTIN_OP_KINDS: readonly BuiltinOpKind[] = Object.freeze(Object.keys(OP_ARBITRARIES) as BuiltinOpKind[])

/**
 * The arbitrary of one kind.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbOp('alterColumn', { reversible: true }), (op) => isReversible(op)))
 */
export function arbOp<K extends BuiltinOpKind>(kind: K, options: ContainerOptions = {}): fc.Arbitrary<BuiltinOpTypes[K]> {
  return OP_ARBITRARIES[kind](options)
}

/**
 * Options of {@link arbAnyOp}.
 * @example
 * import fc from 'fast-check'
 * const options: AnyOpOptions = { kinds: ['createTable', 'dropTable'], names: 'hostile' }
 * fc.assert(fc.property(arbAnyOp(options), (op) => op.kind === 'createTable' || op.kind === 'dropTable'))
 */
export interface AnyOpOptions extends ContainerOptions {
  /** The kinds to generate; every built-in kind by default (`bulkInsert` is left out with `reversible`). */
  readonly kinds?: readonly BuiltinOpKind[]
}

/**
 * An op of any built-in kind (or of the given `kinds`), containers included, with every field
 * of every kind. Each value passes `parse` and its kind's factory.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbAnyOp({ names: 'hostile' }), (op) => parseOp(op).ok))
 */
export function arbAnyOp(options: AnyOpOptions = {}): fc.Arbitrary<BuiltinOp> {
  return memo('arbAnyOp', options, () => {
    const { kinds: given, ...rest } = options
    const kinds = given ?? BUILTIN_OP_KINDS.filter((k) => !(options.reversible === true && k === 'bulkInsert'))
    return fc.oneof(...kinds.map((k): fc.Arbitrary<BuiltinOp> => OP_ARBITRARIES[k](rest)))
  })
}

/**
 * An op that `reverse` accepts, of any kind that can be reversible: drops carrying what they
 * drop, `alterColumn` with the `existing*` value of each change, comment ops with
 * `existingComment`, `executeSql` with `reverseSqltext`, and containers of such ops.
 * `reverse(reverse(op))` deep-equals `op` for each.
 * @example
 * import fc from 'fast-check'
 * import { expect } from 'vitest'
 * fc.assert(fc.property(arbReversibleOp(), (op) => expect(reverse(reverse(op))).toEqual(op)))
 */
export function arbReversibleOp(options: Omit<AnyOpOptions, 'reversible'> = {}): fc.Arbitrary<BuiltinOp> {
  return arbAnyOp({ ...options, reversible: true })
}
