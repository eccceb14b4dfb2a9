/**
 * A value made read-only all the way down.
 * @example
 * interface Settings { tables: { name: string; columns: string[] }[] }
 * const settings: DeepReadonly<Settings> = deepFreeze({ tables: [{ name: 'account', columns: ['id'] }] })
 * // settings.tables[0]?.columns.push('email') does not type-check: the arrays are readonly
 * isDeepFrozen(settings) // => true
 */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T

/**
 * Freezes a JSON tree in place, every object and array in it, and returns it. Nodes built by the
 * factories and by `parse` are already frozen; use this for trees built by hand.
 * @example
 * const op = deepFreeze({ kind: 'dropTable', tableName: 'old' })
 * Object.isFrozen(op) // => true
 */
export function deepFreeze<T>(value: T): T {
  // Frozen objects are walked too: a shallow-frozen parent can still hold a mutable child. But a
  // tree this function has walked stays deep-frozen for good (nothing in it can be replaced), so
  // it is not walked again: a schema model that changes one table per op costs one table, not
  // the whole schema.
  if (typeof value === 'object' && value !== null && !deeplyFrozen.has(value)) {
    Object.freeze(value)
    if (Array.isArray(value)) {
      for (const item of value) deepFreeze(item)
    } else {
      for (const key in value) deepFreeze((value as Record<string, unknown>)[key])
    }
    deeplyFrozen.add(value)
  }
  return value
}

// Objects deepFreeze has finished walking (weakly held: they are collected as usual).
const deeplyFrozen = new WeakSet<object>()

/**
 * True when `value` and everything inside it is frozen.
 * @example
 * isDeepFrozen(addColumn({ tableName: 'account', column: { name: 'plan', type: 'text' } })) // => true
 * isDeepFrozen(Object.freeze({ columns: ['id'] })) // => false
 */
export function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (!Object.isFrozen(value)) return false
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value)
  return children.every(isDeepFrozen)
}
