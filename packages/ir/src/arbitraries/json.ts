/**
 * Free-form JSON: `info`, `executionOptions`, `bulkInsert` values.
 */
import * as fc from 'fast-check'
import type { JsonObject, JsonValue } from '../json.js'
import { memo } from './cache.js'

// Keys parse accepts in free-form JSON: any string but `__proto__`.
const jsonKey = fc.oneof(
  fc.constantFrom('a', 'note', 'author', 'ticket', 'constructor', 'toString', 'with space', 'é'),
  fc.string({ maxLength: 8 }),
).filter((k) => k !== '__proto__')

// JSON cannot hold -0 (it is written as 0, and parse reads it as 0): never generated, so that a
// generated op deep-equals what parse makes of it.
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x))

const leaf: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  finite,
  fc.string({ maxLength: 10 }),
)

/**
 * Any JSON value `parse` accepts, nested at most `maxDepth` levels (default 3): no `-0`, no
 * `__proto__` keys, no `undefined`.
 * @example
 * arbJsonValue({ maxDepth: 1 }) // null, 3.5, 'x', [true], { a: 'b' }, …
 */
export function arbJsonValue(options: { readonly maxDepth?: number } = {}): fc.Arbitrary<JsonValue> {
  const maxDepth = options.maxDepth ?? 3
  return memo('arbJsonValue', { maxDepth }, () => {
    const { value } = fc.letrec<{ value: JsonValue }>((tie) => ({
      value: fc.oneof(
        { maxDepth, depthIdentifier: 'athanor-json' },
        leaf,
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(jsonKey, tie('value'), { maxKeys: 3, noNullPrototype: true }),
      ),
    }))
    return value
  })
}

/**
 * A JSON object, as `info` and `executionOptions` hold.
 * @example
 * arbJsonObject() // {}, { note: 'x', a: [1, null] }, …
 */
export function arbJsonObject(options: { readonly maxDepth?: number } = {}): fc.Arbitrary<JsonObject> {
  const maxDepth = options.maxDepth ?? 3
  return memo('arbJsonObject', { maxDepth }, () =>
    fc.dictionary(jsonKey, arbJsonValue({ maxDepth: Math.max(0, maxDepth - 1) }), { maxKeys: 4, noNullPrototype: true }),
  )
}
