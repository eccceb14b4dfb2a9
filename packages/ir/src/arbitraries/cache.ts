/**
 * A cache of built arbitraries. Building the arbitrary of a column or a table takes
 * milliseconds (it assembles hundreds of small ones), while drawing a value from it takes
 * microseconds; arbitraries are immutable, so one built for a set of options is reused.
 */
import type * as fc from 'fast-check'

const store = new Map<string, fc.Arbitrary<unknown>>()

// Options vary per call site, not per generated value; the bound only guards against callers
// that build arbitraries inside `chain` with ever-new options.
const MAX_ENTRIES = 2000

/** The arbitrary `build` returns for `name` and `options`, built once. */
export function memo<T>(name: string, options: object, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  const key = `${name} ${JSON.stringify(options)}`
  const hit = store.get(key)
  // Entries are keyed by the function that built them, so the type is the one `build` returns.
  if (hit !== undefined) return hit as fc.Arbitrary<T>
  if (store.size >= MAX_ENTRIES) store.clear()
  const arb = build()
  store.set(key, arb)
  return arb
}
