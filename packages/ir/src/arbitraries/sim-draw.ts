/**
 * Where the schema simulator's choices come from: the numbers fast-check generated for a step.
 */

/** A deterministic source of choices, read from the numbers fast-check generated for one step. */
export interface Draw {
  /** A number in `[0, n)`. */
  int(n: number): number
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** True one time in `n`. */
  oneIn(n: number): boolean
}

/** Reads choices from `values` in turn (cycling); all zeros gives the simplest choices. */
export function drawFrom(values: readonly number[]): Draw {
  let i = 0
  const int = (n: number): number => (n <= 1 || values.length === 0 ? 0 : (values[i++ % values.length] ?? 0) % n)
  return {
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)]
      if (item === undefined) throw new Error('internal: the simulator picked from an empty list')
      return item
    },
    oneIn: (n) => int(n) === n - 1,
  }
}

/** One to `max` distinct items of a non-empty list. */
export function pickUpTo<T>(draw: Draw, items: readonly T[], max: number): T[] {
  const pool = [...items]
  const out: T[] = []
  const n = 1 + draw.int(Math.min(max, pool.length))
  while (out.length < n && pool.length > 0) out.push(...pool.splice(draw.int(pool.length), 1))
  return out
}
