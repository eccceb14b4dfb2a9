import type { Draft } from 'immer'
import { builtinDefinitions } from './builtins.js'
import { DuplicateKindError, ParseError } from './errors.js'
import type { SchemaSnapshot } from './model/snapshot.js'
import { setFactoryValidator, type OpBase, type OpSpec } from './op-spec.js'
import { fail, INVALID, isPlainObject, jsonObject, objectOf, pathKey, type ForbiddenField, type OpPlace, type Spec, type SpecContext } from './spec.js'

/**
 * What a reverse function gets besides the op: a way to reverse children (containers, batches).
 * @example
 * // A plugin container: its reverse reverses each child with ctx.reverse, in reverse order
 * interface GroupOp extends OpBase { readonly kind: 'group'; readonly ops: readonly OpBase[] }
 * const registry = createRegistry({ plugins: [{
 *   kind: 'group', fields: { ops: arrayOf((v, path, ctx) => ctx.parseOp(v, path, ctx, 'top')) }, required: ['ops'],
 *   reverse: (op: GroupOp, ctx: ReverseContext): GroupOp => ({ kind: 'group', ops: op.ops.map((child) => ctx.reverse(child, ctx.place)).reverse() }),
 * }] })
 * const r = parseOp({ kind: 'group', ops: [{ kind: 'renameTable', oldTableName: 'a', newTableName: 'b' }, { kind: 'dropTable', tableName: 'c', table: { columns: [{ name: 'id', type: 'integer' }] } }] }, { registry })
 * const undone: unknown = r.ok ? reverse(r.value, { registry }) : undefined
 * undone // => { kind: 'group', ops: [{ kind: 'createTable', tableName: 'c', columns: [{ name: 'id', type: 'integer' }] }, { kind: 'renameTable', oldTableName: 'b', newTableName: 'a' }] }
 */
export interface ReverseContext {
  readonly registry: Registry
  /** Where the op sits: a batch child has no table fields, and neither has its reverse. */
  readonly place: OpPlace
  /** Reverses a child op at `place`. */
  readonly reverse: (op: OpBase, place: OpPlace) => OpBase
}

/**
 * What an apply function gets besides the draft and the op: a way to apply children.
 * @example
 * // A plugin container: its effect on the schema model is its children's, applied with ctx.apply
 * interface GroupOp extends OpBase { readonly kind: 'group'; readonly ops: readonly OpBase[] }
 * const registry = createRegistry({ plugins: [{
 *   kind: 'group', fields: { ops: arrayOf((v, path, ctx) => ctx.parseOp(v, path, ctx, 'top')) }, required: ['ops'],
 *   apply: (draft, op: GroupOp, ctx: ApplyContext) => { for (const child of op.ops) ctx.apply(draft, child) },
 * }] })
 * const r = parseOp({ kind: 'group', ops: [
 *   { kind: 'createTable', tableName: 'account', columns: [{ name: 'id', type: 'integer' }] },
 *   { kind: 'addColumn', tableName: 'account', column: { name: 'email', type: 'text' } },
 * ] }, { registry })
 * const snapshot = applyOps(emptySnapshot(), r.ok ? [r.value] : [], { registry })
 * snapshot.tables.map((t) => t.columns.map((c) => c.name)) // => [['id', 'email']]
 */
export interface ApplyContext {
  readonly registry: Registry
  readonly apply: (draft: Draft<SchemaSnapshot>, op: OpBase) => void
}

/**
 * Everything Athanor knows about one op kind: its validation rules, its reverse and its effect
 * on the schema model. Built-in kinds are defined this way too; a plugin passes its own to
 * {@link createRegistry}.
 * @example
 * interface CreateViewOp extends OpBase { readonly kind: 'createView'; readonly viewName: string; readonly sqltext: string }
 * const createView: OpDefinition<CreateViewOp> = {
 *   kind: 'createView', fields: { viewName: name, sqltext: sqlText }, required: ['viewName', 'sqltext'],
 *   reverse: (op) => ({ kind: 'dropView', viewName: op.viewName, sqltext: op.sqltext }),
 *   apply: () => {},
 * }
 */
export interface OpDefinition<O extends OpBase = OpBase> extends OpSpec<O> {
  /** Absent: the kind is not reversible (`reverse` throws `NotReversibleError`). */
  readonly reverse?: (op: O, ctx: ReverseContext) => OpBase
  /** The op's effect on the schema model, on an immer draft. Absent: no effect. */
  readonly apply?: (draft: Draft<SchemaSnapshot>, op: O, ctx: ApplyContext) => void
}

/**
 * The op kinds known to `parse`, `reverse` and `applyOps`.
 * @example
 * const registry: Registry = createRegistry({ dialectPrefixes: ['duckdb'] })
 * registry.kinds.length // => 22
 * registry.get('renameTable')?.required // => ['oldTableName', 'newTableName']
 * registry.openDialectPrefixes.has('duckdb') // => true
 */
export interface Registry {
  /** Every kind, built-in first, in registration order. */
  readonly kinds: readonly string[]
  get(kind: string): OpDefinition | undefined
  /** Dialect prefixes whose options are accepted as free-form JSON. */
  readonly openDialectPrefixes: ReadonlySet<string>
}

/**
 * Options of {@link createRegistry}.
 * @example
 * // Accept the options of an outside dialect (`duckdb…`) as free-form JSON
 * const options: RegistryOptions = { dialectPrefixes: ['duckdb'] }
 * parseOp({ kind: 'dropTable', tableName: 't', duckdbCascade: true }, { registry: createRegistry(options) }).ok // => true
 * parseOp({ kind: 'dropTable', tableName: 't', duckdbCascade: true }).ok // => false
 */
export interface RegistryOptions {
  /**
   * Op kinds to add to the built-in ones. (Typed by `kind: string` rather than
   * `OpDefinition<never>`, whose `kind` would be `never` and refuse every definition.)
   */
  readonly plugins?: readonly (Omit<OpDefinition<never>, 'kind'> & { readonly kind: string })[]
  /**
   * Dialect prefixes of outside dialects (`duckdb`): their options (`duckdbThreads`) are accepted
   * on every op as free-form JSON. Built-in prefixes are checked field by field instead.
   */
  readonly dialectPrefixes?: readonly string[]
}

let builtin: Registry | undefined

/**
 * The registry of the built-in kinds, used when no registry is passed.
 * @example
 * builtinRegistry().kinds.includes('addColumn') // => true
 */
export function builtinRegistry(): Registry {
  if (builtin === undefined) builtin = createRegistry()
  return builtin
}

/**
 * A registry of the built-in kinds plus `plugins`. Pass it to `parse`, `reverse`, `applyOps`
 * and `fillExisting` to use plugin kinds. Registries are immutable; nothing is registered by
 * importing a module.
 * @example
 * declare const createViewDefinition: OpDefinition // a plugin's kind
 * const registry = createRegistry({ plugins: [createViewDefinition] })
 * parse({ kind: 'createView', viewName: 'v', sqltext: 'SELECT 1' }, { registry })
 */
export function createRegistry(options: RegistryOptions = {}): Registry {
  const map = new Map<string, OpDefinition>()
  for (const def of [...builtinDefinitions, ...((options.plugins ?? []) as unknown as readonly OpDefinition[])]) {
    if (map.has(def.kind)) {
      throw new DuplicateKindError({ kind: def.kind, message: `op kind ${JSON.stringify(def.kind)} is already registered` })
    }
    map.set(def.kind, def)
  }
  const kinds = Object.freeze([...map.keys()])
  return Object.freeze({
    kinds,
    get: (kind: string) => map.get(kind),
    openDialectPrefixes: new Set(options.dialectPrefixes ?? []),
  })
}

// One compiled object spec per definition and place, built on first use.
const shapes = new WeakMap<OpDefinition, { top?: Spec<OpBase>; batch?: Spec<OpBase> }>()

function shapeOf(def: OpDefinition, place: OpPlace): Spec<OpBase> {
  let entry = shapes.get(def)
  if (entry === undefined) shapes.set(def, (entry = {}))
  const cached = entry[place]
  if (cached !== undefined) return cached
  const tableFields = def.batch?.tableFields ?? []
  const batchFields = def.batch?.batchFields ?? {}
  const fields: Record<string, Spec<unknown>> = { ...def.fields, info: jsonObject }
  const forbidden: Record<string, ForbiddenField> = {}
  let required = def.required
  if (place === 'batch') {
    for (const f of tableFields) {
      delete fields[f]
      forbidden[f] = {
        code: 'NOT_ALLOWED_IN_BATCH',
        expected: `${f} omitted (the batch supplies it)`,
        message: `${f} is not allowed on an op inside a batch: the batch supplies it`,
      }
    }
    Object.assign(fields, batchFields)
    required = required.filter((f) => !tableFields.includes(f))
  } else {
    for (const f of Object.keys(batchFields)) {
      forbidden[f] = { code: 'NOT_ALLOWED_IN_BATCH', expected: `${f} omitted (it is for ops inside a batch)`, message: `${f} is only allowed on an op inside a batch` }
    }
  }
  const spec = objectOf<OpBase>({
    what: `a ${def.kind} op`,
    tag: { field: 'kind', value: def.kind },
    fields,
    required,
    forbidden,
    dialectOptions: true,
    ...(def.refine === undefined ? {} : { refine: def.refine }),
  })
  entry[place] = spec
  return spec
}

// Per registry: kind → definition and its compiled specs, so an op costs one lookup.
interface KindEntry {
  readonly def: OpDefinition
  top?: Spec<OpBase>
  batch?: Spec<OpBase>
}
const kindTables = new WeakMap<Registry, Map<string, KindEntry>>()

function kindTable(registry: Registry): Map<string, KindEntry> {
  let table = kindTables.get(registry)
  if (table === undefined) {
    table = new Map()
    for (const kind of registry.kinds) {
      const def = registry.get(kind)
      if (def !== undefined) table.set(kind, { def })
    }
    kindTables.set(registry, table)
  }
  return table
}

function contextFor(registry: Registry, maxIssues: number, owned: boolean): SpecContext {
  const table = kindTable(registry)
  return {
    issues: [],
    kind: undefined,
    maxIssues,
    openDialectPrefixes: registry.openDialectPrefixes,
    parseOp: (value, path, ctx, place) => parseOpAt(registry, table, value, path, ctx, place),
    ...(owned ? { owned } : {}),
  }
}

function parseOpAt(registry: Registry, table: Map<string, KindEntry>, value: unknown, path: string, ctx: SpecContext, place: OpPlace): OpBase | typeof INVALID {
  if (!isPlainObject(value)) return fail(ctx, 'INVALID_TYPE', path, place === 'batch' ? 'an op allowed in a batch { kind, … }' : 'an op { kind, … }', value)
  const kind = value['kind']
  if (typeof kind !== 'string') {
    const kindPath = pathKey(path, 'kind')
    if (kind === undefined) return fail(ctx, 'MISSING_FIELD', kindPath, 'kind (the op kind)', kind, `missing required field ${kindPath}`)
    return fail(ctx, 'INVALID_TYPE', kindPath, 'an op kind (a string)', kind)
  }
  const entry = table.get(kind)
  if (entry !== undefined) {
    const outer = ctx.kind
    ctx.kind = kind
    try {
      if (place === 'batch') {
        if (entry.def.batch === undefined) {
          const kindPath = pathKey(path, 'kind')
          return fail(ctx, 'NOT_ALLOWED_IN_BATCH', kindPath, 'an op kind allowed in a batch', kind, `${kind} is not allowed inside a batch (${kindPath})`)
        }
        return (entry.batch ??= shapeOf(entry.def, 'batch'))(value, path, ctx)
      }
      return (entry.top ??= shapeOf(entry.def, 'top'))(value, path, ctx)
    } finally {
      ctx.kind = outer
    }
  }
  const kindPath = pathKey(path, 'kind')
  const def = registry.get(kind)
  if (def === undefined) {
    return fail(ctx, 'UNKNOWN_KIND', kindPath, `a known op kind (${registry.kinds.join(', ')})`, kind, `unknown op kind ${JSON.stringify(kind)} at ${kindPath}`)
  }
  const outer = ctx.kind
  ctx.kind = kind
  try {
    if (place === 'batch' && def.batch === undefined) {
      return fail(ctx, 'NOT_ALLOWED_IN_BATCH', kindPath, 'an op kind allowed in a batch', kind, `${kind} is not allowed inside a batch (${kindPath})`)
    }
    return shapeOf(def, place)(value, path, ctx)
  } finally {
    ctx.kind = outer
  }
}

/**
 * Options of `parse`.
 * @example
 * const options: ParseOptions = { path: 'migrations/0002.json#ops', maxErrors: 1 }
 * const r = parseOps([{ kind: 'dropTable' }, { kind: 'dropTable' }], options)
 * r.ok ? [] : r.errors.map((e) => e.path) // => ['migrations/0002.json#ops[0].tableName']
 */
export interface ParseOptions {
  /** Kinds to accept; the built-in registry when absent. */
  readonly registry?: Registry
  /** Stop after this many errors (default 100). */
  readonly maxErrors?: number
  /** Prefix of every error path (`ops`, or `migrations/0001.json#ops`); empty by default. */
  readonly path?: string
}

/**
 * The outcome of `parse`: the frozen value, or every error found.
 * @example
 * function opsOrThrow(input: unknown): readonly Op[] {
 *   const r: ParseResult<readonly Op[]> = parseOps(input)
 *   if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'))
 *   return r.value
 * }
 * opsOrThrow([{ kind: 'dropTable', tableName: 'legacy' }]) // => [{ kind: 'dropTable', tableName: 'legacy' }]
 */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly ParseError[] }

/**
 * Runs `spec` on untrusted input; never throws. Anything unexpected (a throwing getter, a
 * revoked proxy) becomes a `NOT_JSON` error instead of escaping. `owned`: the input is fresh
 * from `JSON.parse` and nobody else holds it (see `SpecContext.owned`).
 */
export function runSpec<T>(spec: (value: unknown, path: string, ctx: SpecContext) => T | typeof INVALID, input: unknown, options: ParseOptions = {}, owned = false): ParseResult<T> {
  const registry = options.registry ?? builtinRegistry()
  const ctx = contextFor(registry, options.maxErrors ?? 100, owned)
  const path = options.path ?? ''
  try {
    const value = spec(input, path, ctx)
    if (value !== INVALID && ctx.issues.length === 0) return { ok: true, value }
  } catch (cause) {
    ctx.issues.length = 0
    ctx.issues.push(new ParseError({ code: 'NOT_JSON', path, expected: 'plain JSON data', found: 'a value that threw while being read', message: 'the input could not be read as plain JSON data', cause }))
  }
  return { ok: false, errors: Object.freeze([...ctx.issues]) }
}

/** @internal Parses one op of any kind at `place`. */
export function opSpecAt(place: OpPlace): (value: unknown, path: string, ctx: SpecContext) => OpBase | typeof INVALID {
  return (value, path, ctx) => ctx.parseOp(value, path, ctx, place) as OpBase | typeof INVALID
}

setFactoryValidator((spec, value) => {
  // A factory validates against its own spec, so a plugin's factory works without a registry.
  const r = runSpec((v, p, ctx) => {
    ctx.kind = spec.kind
    return shapeOf(spec as OpDefinition, 'top')(v, p, ctx)
  }, value)
  return r.ok ? { ok: true, value: r.value } : { ok: false, errors: r.errors }
})
