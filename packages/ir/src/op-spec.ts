import { InvalidOpError } from './errors.js'
import type { JsonObject } from './json.js'
import { fail, name, pathKey, type FieldSpecs, type SpecContext } from './spec.js'

/**
 * What every op and container has: its `kind`, and optional free-form `info`.
 * @example
 * // A plugin's op node
 * interface CreateViewOp extends OpBase { readonly kind: 'createView'; readonly viewName: string; readonly sqltext: string }
 * const op: CreateViewOp = { kind: 'createView', viewName: 'active_account', sqltext: 'SELECT id FROM account WHERE active', info: { ticket: 'OPS-42' } }
 */
export interface OpBase {
  readonly kind: string
  /** Free-form data for the caller (Alembic's `MigrateOperation.info`); kept by reverse, parse and JSON. */
  readonly info?: JsonObject
}

/**
 * The fields a factory takes: the op without its `kind`.
 * @example
 * interface CreateViewOp extends OpBase { readonly kind: 'createView'; readonly viewName: string; readonly sqltext: string }
 * const createViewSpec: OpSpec<CreateViewOp> = { kind: 'createView', fields: { viewName: name, sqltext: sqlText }, required: ['viewName', 'sqltext'] }
 * // A plugin's factory, written like the built-in ones
 * const createView = (fields: OpFields<CreateViewOp>): CreateViewOp => makeOp(createViewSpec, fields)
 * createView({ viewName: 'v', sqltext: 'SELECT 1' }) // => { kind: 'createView', viewName: 'v', sqltext: 'SELECT 1' }
 */
export type OpFields<O extends OpBase> = Omit<O, 'kind'>

/**
 * How an op kind behaves inside a batch.
 * @example
 * // A plugin kind allowed inside a batch, which supplies its tableName
 * const batchRules: BatchRules = { tableFields: ['tableName'] }
 * const registry = createRegistry({ plugins: [{
 *   kind: 'setStatistics', fields: { tableName: name, columnName: name, target: integer(0) }, required: ['tableName', 'columnName', 'target'], batch: batchRules,
 * }] })
 * parse({ kind: 'batch', tableName: 'account', ops: [{ kind: 'setStatistics', columnName: 'email', target: 500 }] }, { registry }).ok // => true
 * const r = parse({ kind: 'batch', tableName: 'account', ops: [{ kind: 'setStatistics', tableName: 'account', columnName: 'email', target: 500 }] }, { registry })
 * r.ok ? [] : r.errors.map((e) => [e.code, e.path]) // => [['NOT_ALLOWED_IN_BATCH', 'ops[0].tableName']]
 */
export interface BatchRules {
  /** Fields the batch supplies (`tableName`, `schema`); refused on a child. */
  readonly tableFields: readonly string[]
  /** Fields only a batch child may have (`insertBefore`, `insertAfter`). */
  readonly batchFields?: FieldSpecs
}

/**
 * The validation rules of one op kind: what `parse` and the factory check. Plugins write one of
 * these for their own kinds, with the validators exported from this package.
 * @example
 * interface CreateViewOp extends OpBase { readonly kind: 'createView'; readonly viewName: string; readonly sqltext: string; readonly schema?: string }
 * const createViewSpec: OpSpec<CreateViewOp> = {
 *   kind: 'createView', fields: { viewName: name, sqltext: sqlText, schema: name }, required: ['viewName', 'sqltext'],
 * }
 * makeOp(createViewSpec, { viewName: 'v', sqltext: 'SELECT 1' }) // => { kind: 'createView', viewName: 'v', sqltext: 'SELECT 1' }
 * parseOp({ kind: 'createView', viewName: 'v' }, { registry: createRegistry({ plugins: [createViewSpec] }) }).ok // => false
 */
export interface OpSpec<O extends OpBase = OpBase> {
  readonly kind: O['kind']
  /** Every field but `kind` and `info`. */
  readonly fields: FieldSpecs
  readonly required: readonly string[]
  /** Absent: the kind is not allowed inside a batch. */
  readonly batch?: BatchRules
  /** Cross-field checks, run when every field is valid. */
  readonly refine?: (op: Readonly<Record<string, unknown>>, path: string, ctx: SpecContext) => void
}

/** The parse function a factory validates with; set by the registry module (avoids an import cycle). */
let validateOp: ((spec: OpSpec, value: unknown) => { ok: true; value: unknown } | { ok: false; errors: InvalidOpError['errors'] }) | undefined

/** @internal Wires the factories to the built-in registry. */
export function setFactoryValidator(fn: NonNullable<typeof validateOp>): void {
  validateOp = fn
}

/**
 * Builds an op of `spec`'s kind from `fields`: validates with the same rules as `parse`, copies
 * and deep-freezes. Throws {@link InvalidOpError} listing every problem.
 * @example
 * interface CreateViewOp extends OpBase { readonly kind: 'createView'; readonly viewName: string; readonly sqltext: string }
 * const createViewSpec: OpSpec<CreateViewOp> = { kind: 'createView', fields: { viewName: name, sqltext: sqlText }, required: ['viewName', 'sqltext'] }
 * const op = makeOp(createViewSpec, { viewName: 'v', sqltext: 'SELECT 1' })
 * isDeepFrozen(op) // => true
 * makeOp(createViewSpec, { viewName: '', sqltext: ' ' })
 * // throws { code: 'INVALID_VALUE', path: 'viewName', message: 'createView: a name cannot be empty (viewName) (and 1 more problem)' }
 */
export function makeOp<O extends OpBase>(spec: OpSpec<O>, fields: OpFields<O>): O {
  if (validateOp === undefined) throw new Error('internal: the op registry is not loaded')
  const r = validateOp(spec as OpSpec, { kind: spec.kind, ...fields })
  if (!r.ok) throw new InvalidOpError(r.errors)
  return r.value as O
}

/**
 * `insertBefore` / `insertAfter` of a batch child: where to place the column when the table is rebuilt.
 * @example
 * const position: ColumnPosition = { insertAfter: 'email' }
 * batch({ tableName: 'account', ops: [{ kind: 'addColumn', column: { name: 'plan', type: 'text' }, ...position }] }).ops
 * // => [{ kind: 'addColumn', column: { name: 'plan', type: 'text' }, insertAfter: 'email' }]
 * batch({ tableName: 'account', ops: [{ kind: 'addColumn', column: { name: 'plan', type: 'text' }, insertBefore: 'id', insertAfter: 'email' }] })
 * // throws { code: 'INVALID_VALUE', path: 'ops[0].insertAfter' }
 */
export interface ColumnPosition {
  readonly insertBefore?: string
  readonly insertAfter?: string
}

/** Field specs of {@link ColumnPosition}. */
export const positionFields = { insertBefore: name, insertAfter: name } as const

/** Refuses `insertBefore` together with `insertAfter`. */
export function refinePosition(op: Readonly<Record<string, unknown>>, path: string, ctx: SpecContext): void {
  if (op['insertBefore'] !== undefined && op['insertAfter'] !== undefined) {
    fail(ctx, 'INVALID_VALUE', pathKey(path, 'insertAfter'), 'insertBefore or insertAfter, not both', op['insertAfter'])
  }
}

/** The batch rules of ops that target one table through `tableName` and `schema`. */
export const tableBatchRules: BatchRules = { tableFields: ['tableName', 'schema'] }

/** The batch rules of column ops that may say where the column goes in a rebuilt table. */
export const columnBatchRules: BatchRules = { tableFields: ['tableName', 'schema'], batchFields: positionFields }
