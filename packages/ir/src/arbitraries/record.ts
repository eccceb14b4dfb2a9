/**
 * Objects with optional fields, built the way the IR wants them: an absent field is a missing
 * key, never a key holding `undefined`.
 */
import * as fc from 'fast-check'

const ABSENT: unique symbol = Symbol('absent')

type Model<T> = { readonly [K in keyof T]: fc.Arbitrary<T[K]> }

/**
 * An object with every `required` field and each `optional` field present about half of the
 * time (fast-check's own `record` keeps optional keys five times out of six, which makes
 * nearly every generated column carry every option).
 */
export function arbObject<R extends object, O extends object>(required: Model<R>, optional: Model<O>): fc.Arbitrary<R & Partial<O>> {
  const maybe: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [key, arb] of Object.entries(optional) as [string, fc.Arbitrary<unknown>][]) {
    maybe[key] = fc.oneof({ arbitrary: fc.constant(ABSENT), weight: 1 }, { arbitrary: arb, weight: 1 })
  }
  return fc.tuple(fc.record(required, { noNullPrototype: true }), fc.record(maybe, { noNullPrototype: true })).map(([r, o]) => {
    const out: Record<string, unknown> = { ...r }
    for (const [key, value] of Object.entries(o)) if (value !== ABSENT) out[key] = value
    // Every required key is set and every optional key is set or absent, as the type says.
    return out as R & Partial<O>
  })
}
