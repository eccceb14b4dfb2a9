// Which names a quoter writes as they are: those of the form `[a-z_][a-z0-9_$]*` that are not
// reserved words (and not longer than the engine allows, which each quoter checks). Almost every
// name is one, so this is the hot path of quoting: one scan of the name, which also hashes it,
// and a bit test on the hash that rules out nearly every name that is not a reserved word without
// a Set lookup (over a whole migration the lookups cost more than the rest of quoting, their
// table rarely being in the CPU's cache).

/**
 * What {@link bareNameHash} returns for a name that is not of the bare form.
 * @example
 * bareNameHash('Account') // => NOT_BARE
 */
export const NOT_BARE = -1

/**
 * A non-negative hash of `name` when it has the bare form (`[a-z_][a-z0-9_$]*`), else
 * {@link NOT_BARE}: a name no dialect needs to quote unless it is reserved.
 * @example
 * bareNameHash('order_id') >= 0 // => true
 * bareNameHash('1st') // => NOT_BARE
 */
export function bareNameHash(name: string): number {
  const n = name.length
  if (n === 0) return NOT_BARE
  let c = name.charCodeAt(0)
  if (!((c >= 97 && c <= 122) || c === 95)) return NOT_BARE
  let hash = c
  for (let i = 1; i < n; i++) {
    c = name.charCodeAt(i)
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 36)) return NOT_BARE
    hash = (Math.imul(hash, 31) + c) | 0
  }
  return hash & 0x7fffffff
}

// Two bits per word in 8192 (a Bloom filter with two probes: the hash's low bits, and the top bits
// of the hash times an odd constant, since a short name's hash has no high bits of its own):
// with about 270 reserved words (MySQL's) one name in 250 that is not reserved still needs the
// Set, against one in thirty with a single bit ("id", the commonest name of all, was one of them).
const FILTER_BITS = 8192

/**
 * A test for "is this bare name one of `words`", given the name and its {@link bareNameHash}: two
 * bits per hash value set for each word answer "no" for most names; the Set decides the rest. The
 * words are read once, here.
 * @example
 * const isReserved = reservedWordTest(new Set(['select', 'order']))
 * isReserved('order', bareNameHash('order')) // => true
 * isReserved('orders', bareNameHash('orders')) // => false
 */
export function reservedWordTest(words: ReadonlySet<string>): (bareName: string, hash: number) => boolean {
  const bits = new Uint32Array(FILTER_BITS / 32)
  const set = new Set<string>()
  const mark = (bit: number): void => {
    bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31))
  }
  for (const word of words) {
    const hash = bareNameHash(word)
    // A word that is not bare is quoted anyway.
    if (hash === NOT_BARE) continue
    mark(hash & (FILTER_BITS - 1))
    mark(secondProbe(hash))
    set.add(word)
  }
  return (name, hash) => {
    const low = hash & (FILTER_BITS - 1)
    if ((((bits[low >>> 5] as number) >>> (low & 31)) & 1) === 0) return false
    const high = secondProbe(hash)
    return (((bits[high >>> 5] as number) >>> (high & 31)) & 1) === 1 && set.has(name)
  }
}

/** The filter's second bit for a hash: the top 13 bits of the hash times 2^32 / φ (Fibonacci hashing). */
function secondProbe(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> 19
}
