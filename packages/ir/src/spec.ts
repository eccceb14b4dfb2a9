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

/**
 * Returned by a spec for an invalid value; the reasons are in `ctx.issues`.
 * @example
 * // A plugin's spec built on `integer`: INVALID from the inner spec passes through
 * const bits: Spec<number> = (value, path, ctx) => {
 *   const n = integer(8)(value, path, ctx)
 *   return n === INVALID || n % 8 === 0 ? n : fail(ctx, 'INVALID_VALUE', path, 'a multiple of 8', value)
 * }
 * interface BitmapOp extends OpBase { readonly kind: 'bitmap'; readonly bits: number }
 * makeOp<BitmapOp>({ kind: 'bitmap', fields: { bits }, required: ['bits'] }, { bits: 12 })
 * // throws { code: 'INVALID_VALUE', path: 'bits', message: 'bitmap: expected a multiple of 8 at bits, found the number 12' }
 */
export const INVALID: unique symbol = Symbol('athanor.invalid')
/**
 * The type of {@link INVALID}.
 * @example
 * // What a spec returns is `T | Invalid`: narrow it before use
 * const valid = <T,>(result: T | Invalid): result is T => result !== INVALID
 * const ctx: SpecContext = { issues: [], kind: undefined, maxIssues: 10, openDialectPrefixes: new Set(), parseOp: () => INVALID }
 * valid(integer(0)(-1, 'count', ctx)) // => false
 */
export type Invalid = typeof INVALID

/**
 * What a spec needs besides the value: where to record problems, and the kind being checked.
 * @example
 * // Calling a spec directly, in a plugin's unit test
 * const ctx: SpecContext = { issues: [], kind: 'createView', maxIssues: 10, openDialectPrefixes: new Set(), parseOp: () => INVALID }
 * name('', 'viewName', ctx) === INVALID // => true
 * ctx.issues.map((e) => e.message) // => ['createView: a name cannot be empty (viewName)']
 */
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
  /**
   * `true` when the input belongs to the parser alone (fresh from `JSON.parse`, as in
   * `parseJson`): plain data with no getters, proxies, symbols, holes or cycles, that nobody else
   * holds. Specs then check it in place and freeze it instead of copying it. Absent: the input is
   * the caller's and is never modified.
   */
  readonly owned?: boolean
}

/**
 * Where an op sits: at the top of a list, or inside a batch (which supplies its table).
 * @example
 * // A plugin kind holding ops that sit as batch children: parsed at place 'batch'
 * const place: OpPlace = 'batch'
 * const children = arrayOf((value, path, ctx) => ctx.parseOp(value, path, ctx, place))
 * const registry = createRegistry({ plugins: [{ kind: 'rebuild', fields: { tableName: name, ops: children }, required: ['tableName', 'ops'] }] })
 * const r = parse({ kind: 'rebuild', tableName: 't', ops: [{ kind: 'dropColumn', tableName: 't', columnName: 'c' }] }, { registry })
 * r.ok ? [] : r.errors.map((e) => [e.code, e.path]) // => [['NOT_ALLOWED_IN_BATCH', 'ops[0].tableName']]
 */
export type OpPlace = 'top' | 'batch'

/**
 * A validator: untrusted value in, frozen copy (or {@link INVALID}) out.
 * @example
 * // Field specs of a plugin, typed by what they accept
 * const viewName: Spec<string> = name
 * const columns: Spec<readonly string[]> = arrayOf(name, { minLength: 1 })
 * const checkOption: Spec<'local' | 'cascaded'> = literal(['local', 'cascaded'])
 */
export type Spec<T> = (value: unknown, path: string, ctx: SpecContext) => T | Invalid

/**
 * Field name → spec, for {@link objectOf}.
 * @example
 * const viewFields: FieldSpecs = { viewName: name, sqltext: sqlText, materialized: boolean }
 * Object.keys(viewFields) // => ['viewName', 'sqltext', 'materialized']
 */
export type FieldSpecs = Readonly<Record<string, Spec<unknown>>>

/**
 * Limit on nesting inside free-form JSON (`info`, `executionOptions`, `bulkInsert` rows).
 * @example
 * MAX_JSON_DEPTH // => 64
 * let deep: JsonValue = 'leaf'
 * for (let i = 0; i < 70; i++) deep = [deep]
 * const r = parseOp({ kind: 'dropTable', tableName: 't', info: { deep } })
 * r.ok ? [] : r.errors.map((e) => e.code) // => ['TOO_DEEP']
 */
export const MAX_JSON_DEPTH = 64

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * `path` + `.key` (or `["odd key"]`).
 * @example
 * pathKey('column', 'type') // => 'column.type'
 * pathKey('', 'tableName') // => 'tableName'
 * pathKey('rows[0]', 'first name') // => 'rows[0]["first name"]'
 */
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

/**
 * `path` + `[index]`.
 * @example
 * pathIndex('columns', 2) // => 'columns[2]'
 * pathKey(pathIndex('ops', 0), 'kind') // => 'ops[0].kind'
 */
export function pathIndex(path: string, index: number): string {
  return `${path}[${index}]`
}

/**
 * A short description of what was found, for error messages.
 * @example
 * describe('abc') // => 'the string "abc"'
 * describe([1, 2]) // => 'an array'
 * describe(new Date(0)) // => 'an instance of Date'
 * describe(undefined) // => 'undefined'
 */
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

/**
 * True for `{}`-style objects: plain prototype (or none), not an array.
 * @example
 * isPlainObject({ a: 1 }) // => true
 * isPlainObject(Object.create(null)) // => true
 * isPlainObject([]) // => false
 * isPlainObject(new Map()) // => false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Records one problem and returns {@link INVALID}.
 * @example
 * // A plugin's spec of a role name: lower case only
 * const roleName: Spec<string> = (value, path, ctx) =>
 *   typeof value === 'string' && /^[a-z_][a-z0-9_]*$/.test(value) ? value : fail(ctx, 'INVALID_VALUE', path, 'a lower-case role name', value)
 * const registry = createRegistry({ plugins: [{ kind: 'createRole', fields: { roleName }, required: ['roleName'] }] })
 * const r = parse({ kind: 'createRole', roleName: 'Admin' }, { registry })
 * r.ok ? [] : r.errors.map((e) => e.message) // => ['createRole: expected a lower-case role name at roleName, found the string "Admin"']
 */
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

/**
 * Any string.
 * @example
 * interface SetCommentOp extends OpBase { readonly kind: 'setComment'; readonly viewName: string; readonly text: string }
 * const setComment: OpSpec<SetCommentOp> = { kind: 'setComment', fields: { viewName: name, text: string }, required: ['viewName', 'text'] }
 * makeOp(setComment, { viewName: 'v', text: '' }) // => { kind: 'setComment', viewName: 'v', text: '' }
 * makeOp(setComment, JSON.parse('{"viewName":"v","text":42}')) // throws { code: 'INVALID_TYPE', path: 'text' }
 */
export const string: Spec<string> = (value, path, ctx) =>
  typeof value === 'string' ? value : fail(ctx, 'INVALID_TYPE', path, 'a string', value)

/**
 * A non-empty string without NUL characters: table, column, constraint, index and schema names.
 * Length limits are the engines' business and are checked by each dialect.
 * @example
 * interface CreateViewOp extends OpBase { readonly kind: 'createView'; readonly viewName: string }
 * const createView: OpSpec<CreateViewOp> = { kind: 'createView', fields: { viewName: name }, required: ['viewName'] }
 * makeOp(createView, { viewName: 'active users' }) // => { kind: 'createView', viewName: 'active users' }
 * makeOp(createView, { viewName: '' }) // throws { code: 'INVALID_VALUE', path: 'viewName', message: 'createView: a name cannot be empty (viewName)' }
 */
export const name: Spec<string> = (value, path, ctx) => {
  if (typeof value !== 'string') return fail(ctx, 'INVALID_TYPE', path, 'a name (a non-empty string)', value)
  if (value === '') return fail(ctx, 'INVALID_VALUE', path, 'a name (a non-empty string)', value, `a name cannot be empty (${path})`)
  if (value.includes('\0')) return fail(ctx, 'INVALID_VALUE', path, 'a name without NUL characters', value)
  return value
}

/**
 * Non-empty SQL text the user wrote on purpose; passed through verbatim by every dialect.
 * @example
 * interface CreateViewOp extends OpBase { readonly kind: 'createView'; readonly viewName: string; readonly sqltext: string }
 * const createView: OpSpec<CreateViewOp> = { kind: 'createView', fields: { viewName: name, sqltext: sqlText }, required: ['viewName', 'sqltext'] }
 * makeOp(createView, { viewName: 'v', sqltext: 'SELECT 1' }) // => { kind: 'createView', viewName: 'v', sqltext: 'SELECT 1' }
 * makeOp(createView, { viewName: 'v', sqltext: '  ' }) // throws { code: 'INVALID_VALUE', path: 'sqltext' }
 */
export const sqlText: Spec<string> = (value, path, ctx) => {
  if (typeof value !== 'string') return fail(ctx, 'INVALID_TYPE', path, 'SQL text (a non-empty string)', value)
  if (value.trim() === '') return fail(ctx, 'INVALID_VALUE', path, 'SQL text (a non-empty string)', value)
  return value
}

/**
 * `true` or `false`.
 * @example
 * const registry = createRegistry({ plugins: [{ kind: 'createView', fields: { viewName: name, orReplace: boolean }, required: ['viewName'] }] })
 * const r = parse({ kind: 'createView', viewName: 'v', orReplace: 'yes' }, { registry })
 * r.ok ? [] : r.errors.map((e) => [e.code, e.path, e.expected]) // => [['INVALID_TYPE', 'orReplace', 'true or false']]
 */
export const boolean: Spec<boolean> = (value, path, ctx) =>
  typeof value === 'boolean' ? value : fail(ctx, 'INVALID_TYPE', path, 'true or false', value)

/**
 * A safe integer within `[min, max]`.
 * @example
 * const fillfactor = integer(10, 100)
 * const registry = createRegistry({ plugins: [{ kind: 'setFillfactor', fields: { tableName: name, fillfactor }, required: ['tableName', 'fillfactor'] }] })
 * parse({ kind: 'setFillfactor', tableName: 't', fillfactor: 70 }, { registry }).ok // => true
 * const r = parse({ kind: 'setFillfactor', tableName: 't', fillfactor: 7.5 }, { registry })
 * r.ok ? [] : r.errors.map((e) => e.message) // => ['setFillfactor: expected an integer at fillfactor, found the number 7.5']
 */
export function integer(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Spec<number> {
  const expected = min === 0 ? 'a non-negative integer' : min === 1 ? 'a positive integer' : 'an integer'
  return (value, path, ctx) => {
    if (typeof value !== 'number') return fail(ctx, 'INVALID_TYPE', path, expected, value)
    if (!Number.isFinite(value)) return fail(ctx, 'NOT_JSON', path, expected, value)
    if (!Number.isSafeInteger(value) || value < min || value > max) return fail(ctx, 'INVALID_VALUE', path, expected, value)
    return jsonNumber(value)
  }
}

/**
 * A finite number.
 * @example
 * interface SetCostOp extends OpBase { readonly kind: 'setCost'; readonly functionName: string; readonly cost: number }
 * const setCost: OpSpec<SetCostOp> = { kind: 'setCost', fields: { functionName: name, cost: finiteNumber }, required: ['functionName', 'cost'] }
 * makeOp(setCost, { functionName: 'f', cost: 0.5 }) // => { kind: 'setCost', functionName: 'f', cost: 0.5 }
 * makeOp(setCost, { functionName: 'f', cost: Infinity }) // throws { code: 'NOT_JSON', path: 'cost' }
 */
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

/**
 * One of the given strings, exactly.
 * @example
 * const registry = createRegistry({ plugins: [{ kind: 'createView', fields: { viewName: name, checkOption: literal(['local', 'cascaded']) }, required: ['viewName'] }] })
 * parse({ kind: 'createView', viewName: 'v', checkOption: 'local' }, { registry }).ok // => true
 * const r = parse({ kind: 'createView', viewName: 'v', checkOption: 'LOCAL' }, { registry })
 * r.ok ? [] : r.errors.map((e) => [e.code, e.expected]) // => [['INVALID_VALUE', '"local" | "cascaded"']]
 */
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
 * @example
 * const mode = keyword(['ACCESS SHARE', 'EXCLUSIVE'])
 * const registry = createRegistry({ plugins: [{ kind: 'lockTable', fields: { tableName: name, mode }, required: ['tableName', 'mode'] }] })
 * const r = parse({ kind: 'lockTable', tableName: 't', mode: 'access  share' }, { registry })
 * r.ok && 'mode' in r.value && r.value.mode // => 'access  share'
 * parse({ kind: 'lockTable', tableName: 't', mode: 'share' }, { registry }).ok // => false
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

/**
 * `a` or `b`, tried in order: the first whose quick test accepts the value decides.
 * @example
 * // One prefix length for every column, or one per column name
 * const length = either((v) => typeof v === 'number', integer(1), recordOf(integer(1)))
 * interface SetPrefixOp extends OpBase { readonly kind: 'setPrefix'; readonly length: number | Readonly<Record<string, number>> }
 * const setPrefix: OpSpec<SetPrefixOp> = { kind: 'setPrefix', fields: { length }, required: ['length'] }
 * makeOp(setPrefix, { length: 10 }) // => { kind: 'setPrefix', length: 10 }
 * makeOp(setPrefix, { length: { email: 0 } }) // throws { code: 'INVALID_VALUE', path: 'length.email' }
 */
export function either<A, B>(testA: (value: unknown) => boolean, a: Spec<A>, b: Spec<B>): Spec<A | B> {
  return (value, path, ctx) => (testA(value) ? a(value, path, ctx) : b(value, path, ctx))
}

/**
 * `null` or what `spec` accepts.
 * @example
 * // `null` clears the comment, a string sets it
 * interface SetViewCommentOp extends OpBase { readonly kind: 'setViewComment'; readonly viewName: string; readonly comment: string | null }
 * const spec: OpSpec<SetViewCommentOp> = { kind: 'setViewComment', fields: { viewName: name, comment: nullable(string) }, required: ['viewName', 'comment'] }
 * makeOp(spec, { viewName: 'v', comment: null }) // => { kind: 'setViewComment', viewName: 'v', comment: null }
 */
export function nullable<T>(spec: Spec<T>): Spec<T | null> {
  return (value, path, ctx) => (value === null ? null : spec(value, path, ctx))
}

/**
 * An array whose items all satisfy `item`.
 * @example
 * interface GrantOp extends OpBase { readonly kind: 'grant'; readonly tableName: string; readonly roles: readonly string[] }
 * const grant: OpSpec<GrantOp> = { kind: 'grant', fields: { tableName: name, roles: arrayOf(name, { minLength: 1 }) }, required: ['tableName', 'roles'] }
 * makeOp(grant, { tableName: 'account', roles: ['reader'] }) // => { kind: 'grant', tableName: 'account', roles: ['reader'] }
 * makeOp(grant, { tableName: 'account', roles: [] }) // throws { code: 'INVALID_VALUE', path: 'roles', message: 'grant: roles must have at least 1 item' }
 * makeOp(grant, { tableName: 'account', roles: ['reader', ''] }) // throws { code: 'INVALID_VALUE', path: 'roles[1]' }
 */
export function arrayOf<T>(item: Spec<T>, options: { readonly minLength?: number; readonly what?: string } = {}): Spec<readonly T[]> {
  const minLength = options.minLength ?? 0
  const expected = options.what ?? (minLength > 0 ? `a non-empty array` : 'an array')
  return (value, path, ctx) => {
    if (!Array.isArray(value)) return fail(ctx, 'INVALID_TYPE', path, expected, value)
    if (value.length < minLength) return fail(ctx, 'INVALID_VALUE', path, expected, value, `${path} must have at least ${minLength} item${minLength === 1 ? '' : 's'}`)
    // Owned input is checked in place: the array is the parser's own (see SpecContext.owned).
    // Not new Array(n): that array is holey for good, and reading a frozen holey array is slower.
    const out: T[] = ctx.owned === true ? (value as T[]) : []
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

/**
 * An object used as a map: any keys, every value satisfies `item`.
 * @example
 * // Storage parameters: any option name, each value a string
 * const registry = createRegistry({ plugins: [{ kind: 'setOptions', fields: { tableName: name, options: recordOf(string) }, required: ['tableName', 'options'] }] })
 * const r = parse({ kind: 'setOptions', tableName: 't', options: { fillfactor: '70', autovacuum_enabled: false } }, { registry })
 * r.ok ? [] : r.errors.map((e) => e.path) // => ['options.autovacuum_enabled']
 */
export function recordOf<T>(item: Spec<T>, what = 'an object'): Spec<Readonly<Record<string, T>>> {
  return (value, path, ctx) => {
    if (!isPlainObject(value)) return fail(ctx, 'INVALID_TYPE', path, what, value)
    const owned = ctx.owned === true
    if (!owned && !noSymbols(value, path, ctx)) return INVALID
    const out: Record<string, T> = owned ? (value as Record<string, T>) : {}
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
        const out: JsonValue[] = ctx.owned === true ? (value as JsonValue[]) : []
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
      const owned = ctx.owned === true
      if (!owned && !noSymbols(value, path, ctx)) return INVALID
      const out: Record<string, JsonValue> = owned ? (value as Record<string, JsonValue>) : {}
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

/**
 * Any JSON value, nested at most {@link MAX_JSON_DEPTH} levels; no `__proto__` keys.
 * @example
 * interface SetMetadataOp extends OpBase { readonly kind: 'setMetadata'; readonly value: JsonValue }
 * const setMetadata: OpSpec<SetMetadataOp> = { kind: 'setMetadata', fields: { value: json }, required: ['value'] }
 * makeOp(setMetadata, { value: [1, 'two', { three: null }] }) // => { kind: 'setMetadata', value: [1, 'two', { three: null }] }
 * makeOp(setMetadata, { value: { at: NaN } }) // throws { code: 'NOT_JSON', path: 'value.at' }
 */
export const json: Spec<JsonValue> = (value, path, ctx) => jsonAt(value, path, ctx, 0, new Set())

/**
 * A free-form JSON object (`info`, `executionOptions`).
 * @example
 * interface TagTableOp extends OpBase { readonly kind: 'tagTable'; readonly tableName: string; readonly tags: JsonObject }
 * const tagTable: OpSpec<TagTableOp> = { kind: 'tagTable', fields: { tableName: name, tags: jsonObject }, required: ['tableName', 'tags'] }
 * makeOp(tagTable, { tableName: 't', tags: { owner: 'billing' } }) // => { kind: 'tagTable', tableName: 't', tags: { owner: 'billing' } }
 * makeOp(tagTable, JSON.parse('{"tableName":"t","tags":["billing"]}')) // throws { code: 'INVALID_TYPE', path: 'tags' }
 */
export const jsonObject: Spec<JsonObject> = (value, path, ctx) =>
  isPlainObject(value) ? (jsonAt(value, path, ctx, 0, new Set()) as JsonObject | Invalid) : fail(ctx, 'INVALID_TYPE', path, 'a JSON object', value)

/**
 * A field that is refused with a specific reason (a table name inside a batch, say).
 * @example
 * const noSchema: ForbiddenField = { code: 'UNKNOWN_FIELD', expected: 'schema omitted', message: 'a view target takes no schema' }
 * const target = objectOf<{ readonly viewName: string }>({ what: 'a view target', fields: { viewName: name }, required: ['viewName'], forbidden: { schema: noSchema } })
 * interface RefreshOp extends OpBase { readonly kind: 'refresh'; readonly target: { readonly viewName: string } }
 * makeOp<RefreshOp>({ kind: 'refresh', fields: { target }, required: ['target'] }, JSON.parse('{"target":{"viewName":"v","schema":"s"}}'))
 * // throws { code: 'UNKNOWN_FIELD', path: 'target.schema', message: 'refresh: a view target takes no schema' }
 */
export interface ForbiddenField {
  readonly code: ParseErrorCode
  readonly expected: string
  readonly message: string
}

/**
 * The shape of an object for {@link objectOf}.
 * @example
 * // A range { from, to } with a cross-field check
 * const rangeShape: ObjectShape = {
 *   what: 'a range { from, to }', fields: { from: integer(), to: integer() }, required: ['from', 'to'],
 *   refine: (r, path, ctx) => { if ((r['from'] as number) > (r['to'] as number)) fail(ctx, 'INVALID_VALUE', pathKey(path, 'to'), 'to no less than from', r['to']) },
 * }
 * interface PartitionOp extends OpBase { readonly kind: 'partition'; readonly range: { readonly from: number; readonly to: number } }
 * makeOp<PartitionOp>({ kind: 'partition', fields: { range: objectOf(rangeShape) }, required: ['range'] }, { range: { from: 10, to: 5 } })
 * // throws { code: 'INVALID_VALUE', path: 'range.to' }
 */
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
 * @example
 * interface ViewDefinition { readonly sql: string; readonly materialized?: boolean }
 * const definition = objectOf<ViewDefinition>({ what: 'a view definition', fields: { sql: sqlText, materialized: boolean }, required: ['sql'] })
 * const registry = createRegistry({ plugins: [{ kind: 'createView', fields: { viewName: name, definition }, required: ['viewName', 'definition'] }] })
 * const r = parse({ kind: 'createView', viewName: 'v', definition: { sql: 'SELECT 1', materialised: true } }, { registry })
 * r.ok ? [] : r.errors.map((e) => e.message) // => ['createView: unknown field definition.materialised (did you mean materialized?)']
 */
export function objectOf<T>(shape: ObjectShape): Spec<T> {
  const required = shape.required ?? []
  // Known fields in a Map: one lookup per key, and no prototype keys (`toString`) to trip on.
  const fields = new Map<string, Spec<unknown>>(Object.entries(shape.fields))
  const plainFieldNames = [...fields.keys()].every((k) => IDENTIFIER.test(k))
  const tag = shape.tag
  return (value, path, ctx) => {
    if (!isPlainObject(value)) return fail(ctx, 'INVALID_TYPE', path, shape.what, value)
    const owned = ctx.owned === true
    // Symbols are not JSON. (Reflect.ownKeys would list them with the string keys in one call,
    // but it bypasses V8's enum cache and was half the cost of parsing.)
    if (!owned && !noSymbols(value, path, ctx)) return INVALID
    const keys = Object.keys(value)
    // Owned input is checked in place (see SpecContext.owned), keeping its key order.
    const out: Record<string, unknown> = owned ? value : {}
    if (tag !== undefined && (!owned || value[tag.field] === undefined)) out[tag.field] = tag.value
    let ok = true
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
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
        else if (!owned || r !== v) out[key] = r
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
        else if (!owned || r !== v) out[key] = r
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
 * @example
 * type Source = { readonly type: 'table'; readonly tableName: string } | { readonly type: 'query'; readonly sql: string }
 * const source = tagged<Source>('type', {
 *   table: objectOf({ what: 'a table source', tag: { field: 'type', value: 'table' }, fields: { tableName: name }, required: ['tableName'] }),
 *   query: objectOf({ what: 'a query source', tag: { field: 'type', value: 'query' }, fields: { sql: sqlText }, required: ['sql'] }),
 * }, 'a source { type: "table" | "query", … }')
 * interface CopyRowsOp extends OpBase { readonly kind: 'copyRows'; readonly source: Source }
 * const copyRows: OpSpec<CopyRowsOp> = { kind: 'copyRows', fields: { source }, required: ['source'] }
 * makeOp(copyRows, { source: { type: 'query', sql: 'SELECT 1' } }) // => { kind: 'copyRows', source: { type: 'query', sql: 'SELECT 1' } }
 * makeOp(copyRows, JSON.parse('{"source":{"type":"file"}}')) // throws { code: 'INVALID_VALUE', path: 'source.type' }
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
