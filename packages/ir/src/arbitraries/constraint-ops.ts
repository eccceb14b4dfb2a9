/**
 * The constraint ops: the four creates and `dropConstraint`, at the top level and in a batch.
 */
import * as fc from 'fast-check'
import { CONSTRAINT_TYPES } from '../elements/constraint.js'
import type { JsonObject } from '../json.js'
import type { BatchCreateCheckConstraintOp, CreateCheckConstraintOp } from '../ops/create-check-constraint.js'
import type { BatchCreateForeignKeyOp, CreateForeignKeyOp } from '../ops/create-foreign-key.js'
import type { BatchCreatePrimaryKeyOp, CreatePrimaryKeyOp } from '../ops/create-primary-key.js'
import type { BatchCreateUniqueConstraintOp, CreateUniqueConstraintOp } from '../ops/create-unique-constraint.js'
import type { BatchDropConstraintOp, DropConstraintOp } from '../ops/drop-constraint.js'
import { memo } from './cache.js'
import { arbCheckDefinition, arbConstraintDefinition, arbForeignKeyDefinition, arbPrimaryKeyDefinition, arbUniqueDefinition } from './constraint.js'
import { arbJsonObject } from './json.js'
import { arbName } from './names.js'
import { finish, type OpArbitraryOptions } from './options.js'
import { arbObject } from './record.js'
import { arbTableTarget } from './target.js'

interface CreateHead {
  readonly constraintName: string
  readonly ifNotExists?: boolean
  readonly info?: JsonObject
}

function head(options: OpArbitraryOptions): fc.Arbitrary<CreateHead> {
  return arbObject({ constraintName: arbName(options) }, { ifNotExists: fc.boolean(), info: arbJsonObject() })
}

/** Drops the `type` tag of a definition: the create ops spread its fields. */
function untagged<T extends { readonly type: string }>(def: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = def
  return rest
}

function pkBody(options: OpArbitraryOptions): fc.Arbitrary<Omit<BatchCreatePrimaryKeyOp, 'kind'>> {
  return fc.tuple(head(options), arbPrimaryKeyDefinition(options)).map(([h, d]) => ({ ...h, ...untagged(d) }))
}

function uniqueBody(options: OpArbitraryOptions): fc.Arbitrary<Omit<BatchCreateUniqueConstraintOp, 'kind'>> {
  return fc.tuple(head(options), arbUniqueDefinition(options)).map(([h, d]) => ({ ...h, ...untagged(d) }))
}

function foreignKeyBody(options: OpArbitraryOptions): fc.Arbitrary<Omit<BatchCreateForeignKeyOp, 'kind'>> {
  return fc.tuple(head(options), arbForeignKeyDefinition(options)).map(([h, d]) => ({ ...h, ...untagged(d) }))
}

function checkBody(options: OpArbitraryOptions): fc.Arbitrary<Omit<BatchCreateCheckConstraintOp, 'kind'>> {
  return fc.tuple(head(options), arbCheckDefinition(options)).map(([h, d]) => ({ ...h, ...untagged(d) }))
}

/**
 * A `createPrimaryKey`.
 * @example
 * arbCreatePrimaryKey() // { kind: 'createPrimaryKey', constraintName: 'pk', tableName: 't', columns: ['id'] }
 */
export function arbCreatePrimaryKey(options: OpArbitraryOptions = {}): fc.Arbitrary<CreatePrimaryKeyOp> {
  return memo('arbCreatePrimaryKey', options, () =>
    fc.tuple(arbTableTarget(options), pkBody(options)).map(([t, b]) => finish<CreatePrimaryKeyOp>(options)({ kind: 'createPrimaryKey', ...t, ...b })),
  )
}

/**
 * A `createPrimaryKey` inside a batch.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchCreatePrimaryKey(), (child) => batch({ tableName: 'account', ops: [child] }).ops.length === 1))
 */
export function arbBatchCreatePrimaryKey(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchCreatePrimaryKeyOp> {
  return memo('arbBatchCreatePrimaryKey', options, () =>
    pkBody(options).map((b) => finish<BatchCreatePrimaryKeyOp>(options)({ kind: 'createPrimaryKey', ...b })),
  )
}

/**
 * A `createUniqueConstraint` with deferrability and dialect options.
 * @example
 * arbCreateUniqueConstraint() // { kind: 'createUniqueConstraint', constraintName: 'uq', tableName: 't', columns: ['a', 'b'] }
 */
export function arbCreateUniqueConstraint(options: OpArbitraryOptions = {}): fc.Arbitrary<CreateUniqueConstraintOp> {
  return memo('arbCreateUniqueConstraint', options, () =>
    fc
      .tuple(arbTableTarget(options), uniqueBody(options))
      .map(([t, b]) => finish<CreateUniqueConstraintOp>(options)({ kind: 'createUniqueConstraint', ...t, ...b })),
  )
}

/**
 * A `createUniqueConstraint` inside a batch.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchCreateUniqueConstraint({ names: 'hostile' }), (child) => batch({ tableName: 'account', ops: [child] }).ops.length === 1))
 */
export function arbBatchCreateUniqueConstraint(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchCreateUniqueConstraintOp> {
  return memo('arbBatchCreateUniqueConstraint', options, () =>
    uniqueBody(options).map((b) => finish<BatchCreateUniqueConstraintOp>(options)({ kind: 'createUniqueConstraint', ...b })),
  )
}

/**
 * A `createForeignKey`: as many remote columns as local ones, actions, deferrability, `match`,
 * schemas, `useAlter`, `postgresqlNotValid`.
 * @example
 * arbCreateForeignKey() // { kind: 'createForeignKey', constraintName: 'fk', sourceTable: 'post', referentTable: 'account', localCols: ['a'], remoteCols: ['id'] }
 */
export function arbCreateForeignKey(options: OpArbitraryOptions = {}): fc.Arbitrary<CreateForeignKeyOp> {
  return memo('arbCreateForeignKey', options, () => {
    const source = arbObject({ sourceTable: arbName(options) }, { sourceSchema: arbName(options) })
    return fc.tuple(source, foreignKeyBody(options)).map(([s, b]) => finish<CreateForeignKeyOp>(options)({ kind: 'createForeignKey', ...s, ...b }))
  })
}

/**
 * A `createForeignKey` inside a batch (the batch's table is the source).
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchCreateForeignKey(), (child) => child.localCols.length === child.remoteCols.length))
 */
export function arbBatchCreateForeignKey(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchCreateForeignKeyOp> {
  return memo('arbBatchCreateForeignKey', options, () =>
    foreignKeyBody(options).map((b) => finish<BatchCreateForeignKeyOp>(options)({ kind: 'createForeignKey', ...b })),
  )
}

/**
 * A `createCheckConstraint`.
 * @example
 * arbCreateCheckConstraint() // { kind: 'createCheckConstraint', constraintName: 'ck', tableName: 't', condition: 'x > 0' }
 */
export function arbCreateCheckConstraint(options: OpArbitraryOptions = {}): fc.Arbitrary<CreateCheckConstraintOp> {
  return memo('arbCreateCheckConstraint', options, () =>
    fc
      .tuple(arbTableTarget(options), checkBody(options))
      .map(([t, b]) => finish<CreateCheckConstraintOp>(options)({ kind: 'createCheckConstraint', ...t, ...b })),
  )
}

/**
 * A `createCheckConstraint` inside a batch.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchCreateCheckConstraint(), (child) => batch({ tableName: 'account', ops: [child] }).ops.length === 1))
 */
export function arbBatchCreateCheckConstraint(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchCreateCheckConstraintOp> {
  return memo('arbBatchCreateCheckConstraint', options, () =>
    checkBody(options).map((b) => finish<BatchCreateCheckConstraintOp>(options)({ kind: 'createCheckConstraint', ...b })),
  )
}

function dropConstraintBody(options: OpArbitraryOptions): fc.Arbitrary<Omit<BatchDropConstraintOp, 'kind'>> {
  const bare = arbObject({ constraintName: arbName(options) }, { type: fc.constantFrom(...CONSTRAINT_TYPES), ifExists: fc.boolean(), info: arbJsonObject() })
  // The definition carried fixes `type`.
  const carrying = fc.tuple(bare, arbConstraintDefinition(options)).map(([b, constraint]) => ({ ...b, type: constraint.type, constraint }))
  return options.reversible === true ? carrying : fc.oneof(bare, carrying)
}

/**
 * A `dropConstraint`: `type` at times, or the dropped `constraint` with its matching `type`
 * (always with `{ reversible: true }`).
 * @example
 * arbDropConstraint({ reversible: true }) // { kind: 'dropConstraint', constraintName: 'uq', tableName: 't', type: 'unique', constraint: { type: 'unique', columns: ['a'] } }
 */
export function arbDropConstraint(options: OpArbitraryOptions = {}): fc.Arbitrary<DropConstraintOp> {
  return memo('arbDropConstraint', options, () =>
    fc
      .tuple(arbTableTarget(options), dropConstraintBody(options))
      .map(([t, b]) => finish<DropConstraintOp>(options)({ kind: 'dropConstraint', ...t, ...b })),
  )
}

/**
 * A `dropConstraint` inside a batch.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchDropConstraint({ reversible: true }), (child) => isReversible(batch({ tableName: 'account', ops: [child] }))))
 */
export function arbBatchDropConstraint(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchDropConstraintOp> {
  return memo('arbBatchDropConstraint', options, () =>
    dropConstraintBody(options).map((b) => finish<BatchDropConstraintOp>(options)({ kind: 'dropConstraint', ...b })),
  )
}
