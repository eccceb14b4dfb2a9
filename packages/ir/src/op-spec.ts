import { InvalidOpError } from './errors.js'
import type { JsonObject } from './json.js'
import { fail, name, pathKey, type FieldSpecs, type SpecContext } from './spec.js'

/** What every op and container has: its `kind`, and optional free-form `info`. */
export interface OpBase {
  readonly kind: string
  /** Free-form data for the caller (Alembic's `MigrateOperation.info`); kept by reverse, parse and JSON. */
  readonly info?: JsonObject
}

/** The fields a factory takes: the op without its `kind`. */
export type OpFields<O extends OpBase> = Omit<O, 'kind'>

/** How an op kind behaves inside a batch. */
export interface BatchRules {
  /** Fields the batch supplies (`tableName`, `schema`); refused on a child. */
  readonly tableFields: readonly string[]
  /** Fields only a batch child may have (`insertBefore`, `insertAfter`). */
  readonly batchFields?: FieldSpecs
}

/**
 * The validation rules of one op kind: what `parse` and the factory check. Plugins write one of
 * these for their own kinds, with the validators exported from this package.
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
 */
export function makeOp<O extends OpBase>(spec: OpSpec<O>, fields: OpFields<O>): O {
  if (validateOp === undefined) throw new Error('internal: the op registry is not loaded')
  const r = validateOp(spec as OpSpec, { kind: spec.kind, ...fields })
  if (!r.ok) throw new InvalidOpError(r.errors)
  return r.value as O
}

/** `insertBefore` / `insertAfter` of a batch child: where to place the column when the table is rebuilt. */
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
