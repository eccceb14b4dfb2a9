/**
 * `addColumn`, `dropColumn`, `alterColumn`, at the top level and inside a batch.
 */
import * as fc from 'fast-check'
import type { AddColumnOp, BatchAddColumnOp } from '../ops/add-column.js'
import type { AlterColumnOp, BatchAlterColumnOp } from '../ops/alter-column.js'
import type { BatchDropColumnOp, DropColumnOp } from '../ops/drop-column.js'
import { memo } from './cache.js'
import { arbColumn, arbIdentity } from './column.js'
import { arbColumnType, arbServerDefault } from './column-type.js'
import { arbJsonObject } from './json.js'
import { arbComment, arbName, arbSqlText } from './names.js'
import { finish, type OpArbitraryOptions } from './options.js'
import { arbObject } from './record.js'
import { arbPosition, arbTableTarget, type Place } from './target.js'

type Body<O> = Omit<O, 'kind' | 'tableName' | 'schema'>

function addColumnBody(options: OpArbitraryOptions): fc.Arbitrary<Body<AddColumnOp>> {
  return arbObject(
    { column: arbColumn(options) },
    { ifNotExists: fc.boolean(), inlineReferences: fc.boolean(), inlinePrimaryKey: fc.boolean(), info: arbJsonObject() },
  )
}

/**
 * An `addColumn` with every field (always reversible).
 * @example
 * arbAddColumn() // { kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'text' }, ifNotExists: true }
 */
export function arbAddColumn(options: OpArbitraryOptions = {}): fc.Arbitrary<AddColumnOp> {
  return memo('arbAddColumn', options, () =>
    fc.tuple(arbTableTarget(options), addColumnBody(options)).map(([t, b]) => finish<AddColumnOp>(options)({ kind: 'addColumn', ...t, ...b })),
  )
}

/**
 * An `addColumn` inside a batch, with `insertBefore` or `insertAfter` at times.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchAddColumn(), (child) => batch({ tableName: 'account', ops: [child] }).ops.length === 1))
 */
export function arbBatchAddColumn(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchAddColumnOp> {
  return memo('arbBatchAddColumn', options, () =>
    fc.tuple(addColumnBody(options), arbPosition(options)).map(([b, p]) => finish<BatchAddColumnOp>(options)({ kind: 'addColumn', ...b, ...p })),
  )
}

// With the column: reversible; `mssqlDrop*` flags are refused then, `inline*` and positions allowed.
function dropColumnBody(options: OpArbitraryOptions, place: Place): fc.Arbitrary<Body<BatchDropColumnOp>> {
  const carrying = fc
    .tuple(
      arbObject({ column: arbColumn(options) }, { ifExists: fc.boolean(), inlineReferences: fc.boolean(), inlinePrimaryKey: fc.boolean(), info: arbJsonObject() }),
      place === 'batch' ? arbPosition(options) : fc.constant({}),
    )
    .map(([b, p]) => ({ columnName: b.column.name, ...b, ...p }))
  if (options.reversible === true) return carrying
  const bare = arbObject(
    { columnName: arbName(options) },
    { ifExists: fc.boolean(), mssqlDropDefault: fc.boolean(), mssqlDropCheck: fc.boolean(), mssqlDropForeignKey: fc.boolean(), info: arbJsonObject() },
  )
  return fc.oneof(carrying, bare)
}

/**
 * A `dropColumn`: either carrying the dropped `column` (named `columnName`; reversible; may have
 * `inlineReferences`/`inlinePrimaryKey`), or bare with the `mssqlDrop*` flags.
 * @example
 * arbDropColumn({ reversible: true }) // { kind: 'dropColumn', tableName: 't', columnName: 'c', column: { name: 'c', type: 'text' } }
 */
export function arbDropColumn(options: OpArbitraryOptions = {}): fc.Arbitrary<DropColumnOp> {
  return memo('arbDropColumn', options, () =>
    fc.tuple(arbTableTarget(options), dropColumnBody(options, 'top')).map(([t, b]) => finish<DropColumnOp>(options)({ kind: 'dropColumn', ...t, ...b })),
  )
}

/**
 * A `dropColumn` inside a batch; with the column, it may say where the reverse puts it back.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchDropColumn({ reversible: true }), (child) => reverse(batch({ tableName: 'account', ops: [child] })).ops[0]?.kind === 'addColumn'))
 */
export function arbBatchDropColumn(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchDropColumnOp> {
  return memo('arbBatchDropColumn', options, () =>
    dropColumnBody(options, 'batch').map((b) => finish<BatchDropColumnOp>(options)({ kind: 'dropColumn', ...b })),
  )
}

const nullableComment = fc.oneof(fc.constant(null), arbComment())
const nullableDefault = fc.oneof(fc.constant(null), arbServerDefault())
const nullableIdentity = fc.oneof(fc.constant(null), arbIdentity())

function alterColumnBody(options: OpArbitraryOptions): fc.Arbitrary<Body<AlterColumnOp>> {
  const changes = arbObject(
    { columnName: arbName(options) },
    {
      nullable: fc.boolean(),
      comment: nullableComment,
      serverDefault: nullableDefault,
      newColumnName: arbName(options),
      type: arbColumnType(options),
      autoincrement: fc.boolean(),
      identity: nullableIdentity,
      info: arbJsonObject(),
    },
  )
  // Every existing value, and which of them to state when the op does not need them.
  const existing = fc.record({
    existingType: arbColumnType(options),
    existingNullable: fc.boolean(),
    existingServerDefault: nullableDefault,
    existingComment: nullableComment,
    existingAutoincrement: fc.boolean(),
    existingIdentity: nullableIdentity,
  })
  const stated = fc.record({
    type: fc.boolean(),
    nullable: fc.boolean(),
    serverDefault: fc.boolean(),
    comment: fc.boolean(),
    autoincrement: fc.boolean(),
    identity: fc.boolean(),
  })
  const using = arbObject({}, { postgresqlUsing: arbSqlText(), postgresqlReverseUsing: arbSqlText() })
  const reversible = options.reversible === true
  return fc.tuple(changes, existing, stated, using).map(([c, e, s, u]) => {
    const { newColumnName, ...rest } = c
    // A rename to the same name changes nothing; leave it out.
    const rename = newColumnName === undefined || newColumnName === c.columnName ? {} : { newColumnName }
    const has = (change: keyof typeof s): boolean => s[change] || (reversible && rest[change] !== undefined)
    return {
      ...rest,
      ...rename,
      ...(has('type') ? { existingType: e.existingType } : {}),
      ...(has('nullable') ? { existingNullable: e.existingNullable } : {}),
      ...(has('serverDefault') ? { existingServerDefault: e.existingServerDefault } : {}),
      ...(has('comment') ? { existingComment: e.existingComment } : {}),
      ...(has('autoincrement') ? { existingAutoincrement: e.existingAutoincrement } : {}),
      ...(has('identity') ? { existingIdentity: e.existingIdentity } : {}),
      // `USING` applies to a type change only.
      ...(rest.type === undefined ? {} : u),
    }
  })
}

/**
 * An `alterColumn` with any mix of changes (`type`, `nullable`, `serverDefault`, `comment` or
 * `identity` set or removed with `null`, `autoincrement`, a rename), `existing*` values, and
 * `postgresqlUsing`/`postgresqlReverseUsing` with a type change. With `{ reversible: true }`
 * every change has its `existing*` value.
 * @example
 * arbAlterColumn({ reversible: true }) // { kind: 'alterColumn', tableName: 't', columnName: 'c', nullable: false, existingNullable: true }
 */
export function arbAlterColumn(options: OpArbitraryOptions = {}): fc.Arbitrary<AlterColumnOp> {
  return memo('arbAlterColumn', options, () =>
    fc.tuple(arbTableTarget(options), alterColumnBody(options)).map(([t, b]) => finish<AlterColumnOp>(options)({ kind: 'alterColumn', ...t, ...b })),
  )
}

/**
 * An `alterColumn` inside a batch, with `insertBefore` or `insertAfter` at times.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchAlterColumn({ reversible: true }), (child) => isReversible(batch({ tableName: 'account', ops: [child] }))))
 */
export function arbBatchAlterColumn(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchAlterColumnOp> {
  return memo('arbBatchAlterColumn', options, () =>
    fc.tuple(alterColumnBody(options), arbPosition(options)).map(([b, p]) => finish<BatchAlterColumnOp>(options)({ kind: 'alterColumn', ...b, ...p })),
  )
}
