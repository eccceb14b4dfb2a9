/**
 * The validators behind `parse` and every factory. They are public so that a plugin's op kind is
 * checked by the same rules as the built-in ones.
 *
 * A spec takes an untrusted value, its JSON path and a context; it returns a fresh, frozen copy
 * of the value or {@link INVALID} after recording {@link ParseError}s in the context. Specs never
 * throw on bad input and never return a partly valid value.
 */
import { ParseError, type ParseErrorCode } from './errors.js'
import type { JsonObject, JsonValue } from './json.js'

/** Returned by a spec for an invalid value; the reasons are in `ctx.issues`. */
export const INVALID: unique symbol = Symbol('athanor.invalid')
/** The type of {@link INVALID}. */
export type Invalid = typeof INVALID

/** What a spec needs besides the value: where to record problems, and the kind being checked. */
export interface SpecContext {
  readonly issues: ParseError[]
  /** The op kind being checked, named in every error. */
  kind: string | undefined
  /** Stop collecting after this many problems (keeps hostile input cheap). */
  readonly maxIssues: number
  /** Dialect prefixes whose options are accepted as free-form JSON (`duckdb` → `duckdbThreads`). */
  readonly openDialectPrefixes: ReadonlySet<string>
  /** Parses a nested op; set by the registry so containers can hold plugin kinds. */
  readonly parseOp: (value: unknown, path: string, ctx: SpecContext, place: OpPlace) => unknown
}

/** Where an op sits: at the top of a list, or inside a batch (which supplies its table). */
export type OpPlace = 'top' | 'batch'

/** A validator: untrusted value in, frozen copy (or {@link INVALID}) out. */
export type Spec<T> = (value: unknown, path: string, ctx: SpecContext) => T | Invalid

/** Field name → spec, for {@link objectOf}. */
export type FieldSpecs = Readonly<Record<string, Spec<unknown>>>

/** Limit on nesting inside free-form JSON (`info`, `executionOptions`, `bulkInsert` rows). */
export const MAX_JSON_DEPTH = 64

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** `path` + `.key` (or `["odd key"]`). */
export function pathKey(path: string, key: string): string {
  if (!isIdentifierKey(key)) return `${path}[${JSON.stringify(key)}]`
  return path === '' ? key : `${path}.${key}`
}

// Field names repeat in every op; remembering which are plain keeps the regex off the hot path.
const identifierKeys = new Map<string, boolean>()
function isIdentifierKey(key: string): boolean {
  let known = identifierKeys.get(key)
  if (known === undefined) {
    known = IDENTIFIER.test(key)
    if (identifierKeys.size < 4096) identifierKeys.set(key, known)
  }
  return known
}

/** `path` + `[index]`. */
export function pathIndex(path: string, index: number): string {
  return `${path}[${index}]`
}

/** A short description of what was found, for error messages. */
export function describe(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined'
    case 'string':
      return value.length > 40 ? `the string ${JSON.stringify(value.slice(0, 40))}…` : `the string ${JSON.stringify(value)}`
    case 'number':
      return `the number ${String(value)}`
    case 'boolean':
      return String(value)
    case 'bigint':
      return 'a bigint'
    case 'symbol':
      return 'a symbol'
    case 'function':
      return 'a function'
    default:
      if (value === null) return 'null'
      if (Array.isArray(value)) return 'an array'
      if (isPlainObject(value)) return 'an object'
      return `an instance of ${constructorName(value as object)}`
  }
}

function constructorName(value: object): string {
  const proto: unknown = Object.getPrototypeOf(value)
  if (typeof proto === 'object' && proto !== null && 'constructor' in proto) {
    const ctor: unknown = proto.constructor
    if (typeof ctor === 'function' && ctor.name !== '') return ctor.name
  }
  return 'an unknown class'
}

/** True for `{}`-style objects: plain prototype (or none), not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Records one problem and returns {@link INVALID}. */
export function fail(
  ctx: SpecContext,
  code: ParseErrorCode,
  path: string,
  expected: string,
  value: unknown,
  message?: string,
): Invalid {
  if (ctx.issues.length < ctx.maxIssues) {
    const found = describe(value)
    const where = path === '' ? '' : ` at ${path}`
    const of = ctx.kind === undefined ? '' : `${ctx.kind}: `
    ctx.issues.push(
      new ParseError({
        code,
        path,
        ...(ctx.kind === undefined ? {} : { kind: ctx.kind }),
        expected,
        found,
        message: `${of}${message ?? `expected ${expected}${where}, found ${found}`}`,
      }),
    )
  }
  return INVALID
}

function full(ctx: SpecContext): boolean {
  return ctx.issues.length >= ctx.maxIssues
}

/** Any string. */
export const string: Spec<string> = (value, path, ctx) =>
  typeof value === 'string' ? value : fail(ctx, 'INVALID_TYPE', path, 'a string', value)

/**
 * A non-empty string without NUL characters: table, column, constraint, index and schema names.
 * Length limits are the engines' business and are checked by each dialect.
 */
export const name: Spec<string> = (value, path, ctx) => {
  if (typeof value !== 'string') return fail(ctx, 'INVALID_TYPE', path, 'a name (a non-empty string)', value)
  if (value === '') return fail(ctx, 'INVALID_VALUE', path, 'a name (a non-empty string)', value, `a name cannot be empty (${path})`)
  if (value.includes('\0')) return fail(ctx, 'INVALID_VALUE', path, 'a name without NUL characters', value)
  return value
}

/** Non-empty SQL text the user wrote on purpose; passed through verbatim by every dialect. */
export const sqlText: Spec<string> = (value, path, ctx) => {
  if (typeof value !== 'string') return fail(ctx, 'INVALID_TYPE', path, 'SQL text (a non-empty string)', value)
  if (value.trim() === '') return fail(ctx, 'INVALID_VALUE', path, 'SQL text (a non-empty string)', value)
  return value
}

/** `true` or `false`. */
export const boolean: Spec<boolean> = (value, path, ctx) =>
  typeof value === 'boolean' ? value : fail(ctx, 'INVALID_TYPE', path, 'true or false', value)

/** A safe integer within `[min, max]`. */
export function integer(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Spec<number> {
  const expected = min === 0 ? 'a non-negative integer' : min === 1 ? 'a positive integer' : 'an integer'
  return (value, path, ctx) => {
    if (typeof value !== 'number') return fail(ctx, 'INVALID_TYPE', path, expected, value)
    if (!Number.isFinite(value)) return fail(ctx, 'NOT_JSON', path, expected, value)
    if (!Number.isSafeInteger(value) || value < min || value > max) return fail(ctx, 'INVALID_VALUE', path, expected, value)
    return jsonNumber(value)
  }
}

/** A finite number. */
export const finiteNumber: Spec<number> = (value, path, ctx) => {
  if (typeof value !== 'number') return fail(ctx, 'INVALID_TYPE', path, 'a number', value)
  if (!Number.isFinite(value)) return fail(ctx, 'NOT_JSON', path, 'a finite number', value)
  return jsonNumber(value)
}

/**
 * `-0` as `0`: JSON has no negative zero (`JSON.stringify(-0)` is `"0"`), so a value parsed from
 * an object and the same value parsed from its JSON text must not differ by it.
 */
function jsonNumber(value: number): number {
  return value === 0 ? 0 : value
}

/** One of the given strings, exactly. */
export function literal<T extends string>(values: readonly T[]): Spec<T> {
  const expected = values.map((v) => JSON.stringify(v)).join(' | ')
  return (value, path, ctx) => {
    if (typeof value !== 'string') return fail(ctx, 'INVALID_TYPE', path, expected, value)
    return (values as readonly string[]).includes(value) ? (value as T) : fail(ctx, 'INVALID_VALUE', path, expected, value)
  }
}

/**
 * One of the given SQL keywords in any letter case, kept as written (`"cascade"` stays
 * `"cascade"`), or a string matching one of `patterns`.
 */
export function keyword(values: readonly string[], patterns: readonly RegExp[] = []): Spec<string> {
  const upper = new Set(values.map((v) => v.toUpperCase()))
  const expected = `one of ${values.join(', ')} (any letter case)`
  return (value, path, ctx) => {
    if (typeof value !== 'string') return fail(ctx, 'INVALID_TYPE', path, expected, value)
    const norm = value.trim().replace(/\s+/g, ' ').toUpperCase()
    if (upper.has(norm) || patterns.some((p) => p.test(value))) return value
    return fail(ctx, 'INVALID_VALUE', path, expected, value)
  }
}

/** `a` or `b`, tried in order: the first whose quick test accepts the value decides. */
export function either<A, B>(testA: (value: unknown) => boolean, a: Spec<A>, b: Spec<B>): Spec<A | B> {
  return (value, path, ctx) => (testA(value) ? a(value, path, ctx) : b(value, path, ctx))
}

/** `null` or what `spec` accepts. */
export function nullable<T>(spec: Spec<T>): Spec<T | null> {
  return (value, path, ctx) => (value === null ? null : spec(value, path, ctx))
}

/** An array whose items all satisfy `item`. */
export function arrayOf<T>(item: Spec<T>, options: { readonly minLength?: number; readonly what?: string } = {}): Spec<readonly T[]> {
  const minLength = options.minLength ?? 0
  const expected = options.what ?? (minLength > 0 ? `a non-empty array` : 'an array')
  return (value, path, ctx) => {
    if (!Array.isArray(value)) return fail(ctx, 'INVALID_TYPE', path, expected, value)
    if (value.length < minLength) return fail(ctx, 'INVALID_VALUE', path, expected, value, `${path} must have at least ${minLength} item${minLength === 1 ? '' : 's'}`)
    const out: T[] = new Array<T>(value.length)
    let ok = true
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) {
        fail(ctx, 'NOT_JSON', pathIndex(path, i), 'an array item', undefined, `${pathIndex(path, i)} is a hole in a sparse array`)
        ok = false
      } else {
        const r = item(value[i], pathIndex(path, i), ctx)
        if (r === INVALID) ok = false
        else out[i] = r
      }
      if (!ok && full(ctx)) return INVALID
    }
    return ok ? Object.freeze(out) : INVALID
  }
}

/** An object used as a map: any keys, every value satisfies `item`. */
export function recordOf<T>(item: Spec<T>, what = 'an object'): Spec<Readonly<Record<string, T>>> {
  return (value, path, ctx) => {
    if (!isPlainObject(value)) return fail(ctx, 'INVALID_TYPE', path, what, value)
    if (!noSymbols(value, path, ctx)) return INVALID
    const out: Record<string, T> = {}
    let ok = true
    for (const key of Object.keys(value)) {
      if (key === '__proto__') {
        fail(ctx, 'INVALID_VALUE', pathKey(path, key), 'a key other than __proto__', key)
        ok = false
        continue
      }
      const r = item(value[key], pathKey(path, key), ctx)
      if (r === INVALID) ok = false
      else out[key] = r
      if (!ok && full(ctx)) return INVALID
    }
    return ok ? Object.freeze(out) : INVALID
  }
}

function noSymbols(value: object, path: string, ctx: SpecContext): boolean {
  if (Object.getOwnPropertySymbols(value).length === 0) return true
  fail(ctx, 'NOT_JSON', path, 'an object with string keys only', value, `${path || 'the value'} has symbol keys, which JSON cannot hold`)
  return false
}

// `ancestors` holds the objects and arrays enclosing `value`, so that a cycle is reported as
// NOT_JSON where it closes instead of as TOO_DEEP further down.
function jsonAt(value: unknown, path: string, ctx: SpecContext, depth: number, ancestors: Set<object>): JsonValue | Invalid {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      return Number.isFinite(value) ? jsonNumber(value) : fail(ctx, 'NOT_JSON', path, 'a JSON value', value)
    case 'object': {
      if (value === null) return null
      if (ancestors.has(value)) return fail(ctx, 'NOT_JSON', path, 'a JSON value (not a cycle)', value, `${path || 'the value'} contains itself (a cycle), which JSON cannot hold`)
      if (depth >= MAX_JSON_DEPTH) return fail(ctx, 'TOO_DEEP', path, `JSON nested at most ${MAX_JSON_DEPTH} levels`, value)
      if (Array.isArray(value)) {
        const out: JsonValue[] = new Array<JsonValue>(value.length)
        let ok = true
        ancestors.add(value)
        for (let i = 0; i < value.length; i++) {
          const r = jsonAt(value[i], pathIndex(path, i), ctx, depth + 1, ancestors)
          if (r === INVALID) {
            ok = false
            if (full(ctx)) return INVALID
          } else out[i] = r
        }
        ancestors.delete(value)
        return ok ? Object.freeze(out) : INVALID
      }
      if (!isPlainObject(value)) return fail(ctx, 'NOT_JSON', path, 'a JSON value', value)
      if (!noSymbols(value, path, ctx)) return INVALID
      const out: Record<string, JsonValue> = {}
      let ok = true
      ancestors.add(value)
      for (const key of Object.keys(value)) {
        if (key === '__proto__') {
          fail(ctx, 'INVALID_VALUE', pathKey(path, key), 'a key other than __proto__', key)
          ok = false
          continue
        }
        const r = jsonAt(value[key], pathKey(path, key), ctx, depth + 1, ancestors)
        if (r === INVALID) {
          ok = false
          if (full(ctx)) return INVALID
        } else out[key] = r
      }
      ancestors.delete(value)
      return ok ? Object.freeze(out) : INVALID
    }
    default:
      return fail(ctx, 'NOT_JSON', path, 'a JSON value', value)
  }
}

/** Any JSON value, nested at most {@link MAX_JSON_DEPTH} levels; no `__proto__` keys. */
export const json: Spec<JsonValue> = (value, path, ctx) => jsonAt(value, path, ctx, 0, new Set())

/** A free-form JSON object (`info`, `executionOptions`). */
export const jsonObject: Spec<JsonObject> = (value, path, ctx) =>
  isPlainObject(value) ? (jsonAt(value, path, ctx, 0, new Set()) as JsonObject | Invalid) : fail(ctx, 'INVALID_TYPE', path, 'a JSON object', value)

/** A field that is refused with a specific reason (a table name inside a batch, say). */
export interface ForbiddenField {
  readonly code: ParseErrorCode
  readonly expected: string
  readonly message: string
}

/** The shape of an object for {@link objectOf}. */
export interface ObjectShape {
  /** What the object is, for messages (`"a column"`). */
  readonly what: string
  readonly fields: FieldSpecs
  readonly required?: readonly string[]
  /** A discriminating field written first in the output (`kind`, `type`). */
  readonly tag?: { readonly field: string; readonly value: string }
  /** Fields refused with their own reason instead of "unknown field". */
  readonly forbidden?: Readonly<Record<string, ForbiddenField>>
  /** Accept `<prefix><Upper>…` options of open dialect prefixes as free-form JSON. */
  readonly dialectOptions?: boolean
  /** Cross-field checks, run only when every field is valid. */
  readonly refine?: (value: Readonly<Record<string, unknown>>, path: string, ctx: SpecContext) => void
}

const DIALECT_PREFIX = /^([a-z][a-z0-9]*)[A-Z]/

/**
 * An object with known fields: unknown fields, `undefined` values and missing required fields
 * are errors. The copy keeps the input's key order, with the tag first.
 */
export function objectOf<T>(shape: ObjectShape): Spec<T> {
  const required = shape.required ?? []
  // Known fields in a Map: one lookup per key, and no prototype keys (`toString`) to trip on.
  const fields = new Map<string, Spec<unknown>>(Object.entries(shape.fields))
  const plainFieldNames = [...fields.keys()].every((k) => IDENTIFIER.test(k))
  const tag = shape.tag
  return (value, path, ctx) => {
    if (!isPlainObject(value)) return fail(ctx, 'INVALID_TYPE', path, shape.what, value)
    const out: Record<string, unknown> = {}
    let ok = true
    if (tag !== undefined) out[tag.field] = tag.value
    // One call for string and symbol keys alike; symbols are not JSON.
    const keys = Reflect.ownKeys(value)
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]
      if (typeof key !== 'string') {
        fail(ctx, 'NOT_JSON', path, 'an object with string keys only', value, `${path || 'the value'} has symbol keys, which JSON cannot hold`)
        return INVALID
      }
      const v = value[key]
      const spec = fields.get(key)
      if (spec !== undefined) {
        // Field names are identifiers: the path needs no quoting check on this, the hot path.
        const at = plainFieldNames ? (path === '' ? key : `${path}.${key}`) : pathKey(path, key)
        if (v === undefined) {
          fail(ctx, 'NOT_JSON', at, `${key} omitted, or a value`, v, `${at} is undefined; omit the field instead (absent means "not given")`)
          ok = false
          continue
        }
        const r = spec(v, at, ctx)
        if (r === INVALID) ok = false
        else out[key] = r
      } else if (tag !== undefined && key === tag.field) {
        if (v !== tag.value) ok = fail(ctx, 'INVALID_VALUE', pathKey(path, key), JSON.stringify(tag.value), v) !== INVALID
        continue
      } else if (shape.forbidden !== undefined && Object.hasOwn(shape.forbidden, key)) {
        const f = shape.forbidden[key] as ForbiddenField
        fail(ctx, f.code, pathKey(path, key), f.expected, v, f.message)
        ok = false
      } else if (shape.dialectOptions === true && isOpenDialectOption(key, ctx)) {
        const r = json(v, pathKey(path, key), ctx)
        if (r === INVALID) ok = false
        else out[key] = r
      } else {
        const at = pathKey(path, key)
        fail(ctx, 'UNKNOWN_FIELD', at, `a field of ${shape.what}`, v, `unknown field ${at}${suggestion(key, shape.fields)}`)
        ok = false
      }
      if (!ok && full(ctx)) return INVALID
    }
    for (let i = 0; i < required.length; i++) {
      const key = required[i] as string
      if (!Object.hasOwn(value, key)) {
        fail(ctx, 'MISSING_FIELD', pathKey(path, key), `${key} (required in ${shape.what})`, undefined, `missing required field ${pathKey(path, key)}`)
        ok = false
      }
    }
    if (ok && shape.refine !== undefined) {
      const before = ctx.issues.length
      shape.refine(out, path, ctx)
      if (ctx.issues.length > before) ok = false
    }
    return ok ? (Object.freeze(out) as T) : INVALID
  }
}

function isOpenDialectOption(key: string, ctx: SpecContext): boolean {
  if (ctx.openDialectPrefixes.size === 0) return false
  const m = DIALECT_PREFIX.exec(key)
  return m !== null && ctx.openDialectPrefixes.has(m[1] as string)
}

/** " (did you mean nullable?)" when a known field is one or two edits away. */
function suggestion(key: string, fields: FieldSpecs): string {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of Object.keys(fields)) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase(), bestDistance)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best === undefined ? '' : ` (did you mean ${best}?)`
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost)
      cur.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin >= limit) return limit
    prev = cur
  }
  return prev[b.length] as number
}

/**
 * Objects told apart by a tag field (`type` of a table constraint): each variant is an
 * {@link objectOf} spec that writes the tag itself.
 */
export function tagged<T>(field: string, variants: Readonly<Record<string, Spec<T>>>, what: string): Spec<T> {
  const expected = Object.keys(variants).map((v) => JSON.stringify(v)).join(' | ')
  return (value, path, ctx) => {
    if (!isPlainObject(value)) return fail(ctx, 'INVALID_TYPE', path, what, value)
    const tag = value[field]
    if (tag === undefined) return fail(ctx, 'MISSING_FIELD', pathKey(path, field), expected, tag, `missing required field ${pathKey(path, field)}`)
    if (typeof tag !== 'string') return fail(ctx, 'INVALID_TYPE', pathKey(path, field), expected, tag)
    if (!Object.hasOwn(variants, tag)) return fail(ctx, 'INVALID_VALUE', pathKey(path, field), expected, tag)
    return (variants[tag] as Spec<T>)(value, path, ctx)
  }
}
