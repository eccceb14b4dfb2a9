/**
 * Column definitions.
 */
import * as fc from 'fast-check'
import type { Column, ColumnCheck, ColumnForeignKey, Computed, Identity } from '../elements/column.js'
import { memo } from './cache.js'
import { arbColumnType, arbServerDefault } from './column-type.js'
import { arbForeignKeyOptions } from './constraint-options.js'
import { arbComment, arbName, arbSqlText } from './names.js'
import { finish, type ArbitraryOptions } from './options.js'
import { arbObject } from './record.js'

/**
 * Options of {@link arbColumn}.
 * @example
 * import fc from 'fast-check'
 * const options: ColumnOptions = { name: 'id', dialectOptions: false }
 * fc.assert(fc.property(arbColumn(options), (column) => column.name === 'id'))
 */
export interface ColumnOptions extends ArbitraryOptions {
  /** The column's name; a generated one when absent. */
  readonly name?: string
}

/**
 * A single-column foreign key written on a column.
 * @example
 * arbColumnForeignKey() // { referentTable: 'account', remoteCol: 'id', onDelete: 'CASCADE' }, …
 */
export function arbColumnForeignKey(options: ArbitraryOptions = {}): fc.Arbitrary<ColumnForeignKey> {
  return memo('arbColumnForeignKey', options, () =>
    fc
      .tuple(
        arbObject({ referentTable: arbName(options), remoteCol: arbName(options) }, { referentSchema: arbName(options), name: arbName(options) }),
        arbForeignKeyOptions(options),
      )
      .map(([fk, more]) => finish<ColumnForeignKey>(options)({ ...fk, ...more })),
  )
}

/**
 * A computed column's expression.
 * @example
 * arbComputed() // { sqltext: 'a + b', persisted: true }, …
 */
export function arbComputed(): fc.Arbitrary<Computed> {
  return memo('arbComputed', {}, () =>
    arbObject({ sqltext: arbSqlText() }, { persisted: fc.boolean() }),
  )
}

/**
 * An identity specification; every field optional.
 * @example
 * arbIdentity() // {}, { always: true, start: 1, increment: 1 }, …
 */
export function arbIdentity(): fc.Arbitrary<Identity> {
  return memo('arbIdentity', {}, () => {
    const int = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer(), fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER))
    return arbObject(
      {},
      { always: fc.boolean(), start: int, increment: int, minValue: int, maxValue: int, cycle: fc.boolean(), cache: fc.integer({ min: 1, max: 1000 }) },
    )
  })
}

/**
 * A CHECK written on a column.
 * @example
 * arbColumnCheck() // { condition: 'x > 0', name: 'ck_x' }, …
 */
export function arbColumnCheck(options: ArbitraryOptions = {}): fc.Arbitrary<ColumnCheck> {
  return memo('arbColumnCheck', options, () =>
    arbObject({ condition: arbSqlText() }, { name: arbName(options) }),
  )
}

/**
 * A column with any of its fields: type, nullability, primary key, auto-increment, default,
 * comment, unique and index flags, a foreign key, a computed expression or an identity, a
 * check, `mysqlOnUpdate`. Never both `computed` and `serverDefault`, nor `computed` and
 * `identity` (which `parse` refuses).
 * @example
 * arbColumn({ name: 'email' }) // { name: 'email', type: 'text', nullable: false, unique: true }, …
 */
export function arbColumn(options: ColumnOptions = {}): fc.Arbitrary<Column> {
  const { name, ...rest } = options
  const any = anyColumn(rest)
  return name === undefined ? any : any.map((c) => ({ ...c, name }))
}

function anyColumn(options: ArbitraryOptions): fc.Arbitrary<Column> {
  return memo('arbColumn', options, () => {
  const base = arbObject(
    { name: arbName(options), type: arbColumnType(options) },
    {
      nullable: fc.boolean(),
      primaryKey: fc.boolean(),
      autoincrement: fc.boolean(),
      comment: arbComment(),
      unique: fc.boolean(),
      index: fc.boolean(),
      foreignKey: arbColumnForeignKey(options),
      check: arbColumnCheck(options),
      mysqlOnUpdate: arbSqlText(),
    },
  )
  // A computed column has no default and no identity; the others may have either or both.
  const generated = fc.oneof(
    arbObject({}, { serverDefault: arbServerDefault(), identity: arbIdentity() }),
    arbComputed().map((computed) => ({ computed })),
  )
  return fc.tuple(base, generated).map(([b, g]) => finish<Column>(options)({ ...b, ...g }))
  })
}
