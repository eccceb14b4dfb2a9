import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isDeepFrozen, parse, parseJson, type ParseResult } from '@athanor/ir'
import { arbAnyOp } from '@athanor/ir/arbitraries'

// parseJson checks the objects JSON.parse made in place instead of copying them: it must accept,
// refuse and report exactly what parse(JSON.parse(text)) does, and freeze everything it returns.

/** Errors as comparable tuples (messages included: they must be the same words). */
function outcome(r: ParseResult<unknown>): unknown {
  return r.ok ? { ok: true, value: r.value } : { ok: false, errors: r.errors.map((e) => [e.code, e.path, e.kind, e.message]) }
}

/** Breaks a JSON document in one of the ways users do: a field renamed, a value of the wrong type, a key removed. */
function damaged(value: unknown, how: number, where: number): unknown {
  const objects: Record<string, unknown>[] = []
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (typeof v === 'object' && v !== null) {
      objects.push(v as Record<string, unknown>)
      Object.values(v).forEach(walk)
    }
  }
  const copy = JSON.parse(JSON.stringify(value)) as unknown
  walk(copy)
  const target = objects[where % objects.length] as Record<string, unknown>
  const keys = Object.keys(target)
  const key = keys[where % Math.max(keys.length, 1)]
  if (key === undefined) return copy
  if (how === 0) {
    target[`${key}x`] = target[key]
    delete target[key]
  } else if (how === 1) target[key] = 42
  else if (how === 2) target[key] = [null]
  else delete target[key]
  return copy
}

describe('parseJson', () => {
  it('gives what parse(JSON.parse(text)) gives, deep-frozen, on every kind of op (hostile names too)', () => {
    fc.assert(
      fc.property(fc.array(arbAnyOp({ names: 'hostile' }), { maxLength: 4 }), fc.boolean(), (ops, single) => {
        const text = JSON.stringify(single && ops.length > 0 ? ops[0] : ops)
        const r = parseJson(text)
        expect(outcome(r)).toEqual(outcome(parse(JSON.parse(text))))
        expect(r.ok).toBe(true)
        if (r.ok) expect(isDeepFrozen(r.value)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('reports the same errors as parse on damaged documents', () => {
    fc.assert(
      fc.property(arbAnyOp(), fc.nat(3), fc.nat(), (op, how, where) => {
        const text = JSON.stringify([damaged(op, how, where)])
        expect(outcome(parseJson(text))).toEqual(outcome(parse(JSON.parse(text))))
      }),
      { numRuns: 300 },
    )
  })

  it('turns -0 into 0 and refuses __proto__ keys, as parse does', () => {
    const text = '{"kind":"bulkInsert","tableName":"t","columns":[{"name":"n","type":"integer"}],"rows":[{"n":-0}]}'
    const r = parseJson(text)
    expect(outcome(r)).toEqual(outcome(parse(JSON.parse(text))))
    expect(r.ok && Object.is((r.value as unknown as { rows: { n: number }[] }).rows[0]?.n, 0)).toBe(true)
    const proto = parseJson('{"kind":"dropTable","tableName":"t","info":{"__proto__":{"x":1}}}')
    expect(proto.ok ? [] : proto.errors.map((e) => [e.code, e.path])).toEqual([['INVALID_VALUE', 'info.__proto__']])
  })

  it('reports text that is not JSON as one NOT_JSON error at the given path, without throwing', () => {
    const r = parseJson('[{"kind":"dropTable",', { path: 'migrations/0001.json' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors).toHaveLength(1)
      expect(r.errors[0]).toMatchObject({ code: 'NOT_JSON', path: 'migrations/0001.json' })
      expect(r.errors[0]?.message).toMatch(/^the text is not valid JSON: /)
    }
  })

  it('keeps the text’s key order (the kind need not come first)', () => {
    const r = parseJson('{"tableName":"t","kind":"dropTable"}')
    expect(r.ok && Object.keys(r.value)).toEqual(['tableName', 'kind'])
  })
})
