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

// 8192 bits: with about 270 reserved words (MySQL's), one name in thirty that is not reserved still
// needs the Set.
const FILTER_BITS = 8192

/**
 * A test for "is this bare name one of `words`", given the name and its {@link bareNameHash}: a
 * bit per hash value (modulo the filter's size) set for each word answers "no" for most names;
 * the Set decides the rest. The words are read once, here.
 * @example
 * const isReserved = reservedWordTest(new Set(['select', 'order']))
 * isReserved('order', bareNameHash('order')) // => true
 * isReserved('orders', bareNameHash('orders')) // => false
 */
export function reservedWordTest(words: ReadonlySet<string>): (bareName: string, hash: number) => boolean {
  const bits = new Uint32Array(FILTER_BITS / 32)
  const set = new Set<string>()
  for (const word of words) {
    const hash = bareNameHash(word)
    // A word that is not bare is quoted anyway.
    if (hash === NOT_BARE) continue
    const bit = hash % FILTER_BITS
    bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31))
    set.add(word)
  }
  return (name, hash) => {
    const bit = hash % FILTER_BITS
    return (((bits[bit >>> 5] as number) >>> (bit & 31)) & 1) === 1 && set.has(name)
  }
}
