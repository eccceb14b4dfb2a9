import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createQuoter } from '@athanor/dialect-kit'

// The quoter answers most names without looking in the reserved set (a bit filter of the words'
// hashes rules them out, see bare-names.ts). These properties hold it to the plain definition: a
// bare name is left alone unless it is in the set; everything else is quoted.

const bareChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_$')
const bareName = fc
  .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_'), fc.array(bareChar, { maxLength: 12 }))
  .map(([first, rest]) => first + rest.join(''))
const anyName = fc.oneof(bareName, fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('\0')))

function expected(name: string, reserved: ReadonlySet<string>): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !reserved.has(name) ? name : `"${name.replaceAll('"', '""')}"`
}

describe('createQuoter', () => {
  it('quotes exactly the reserved words among bare names, whatever the words look like', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyName, { maxLength: 30 }), fc.array(anyName, { maxLength: 30 }), (words, others) => {
        const reserved = new Set(words)
        const q = createQuoter({ dialect: 'x', open: '"', close: '"', reserved, literal: (s) => `'${s}'` })
        // Every word, the same word one character shorter or longer (same first letter, other
        // length) and unrelated names.
        const names = [...words, ...words.map((w) => `${w}x`), ...words.map((w) => w.slice(0, -1)).filter((w) => w !== ''), ...others]
        for (const name of names) expect(q.ident(name)).toBe(expected(name, reserved))
      }),
    )
  })

  it('tells apart words that differ by one character or share their first and last', () => {
    const reserved = new Set(['order', 'outer', 'a_1', 'z$', 'x9_'])
    const q = createQuoter({ dialect: 'x', open: '"', close: '"', reserved, literal: (s) => `'${s}'` })
    expect(['order', 'outer', 'odder', 'a_1', 'a_7', 'z$', 'zz', 'x9_', 'x8_'].map((n) => q.ident(n))).toEqual([
      '"order"', '"outer"', 'odder', '"a_1"', 'a_7', '"z$"', 'zz', '"x9_"', 'x8_',
    ])
  })

  it('reads the reserved words once, when it is built', () => {
    const reserved = new Set(['user'])
    const q = createQuoter({ dialect: 'x', open: '"', close: '"', reserved, literal: (s) => `'${s}'` })
    reserved.add('name')
    expect([q.ident('user'), q.ident('name')]).toEqual(['"user"', 'name'])
  })
})
