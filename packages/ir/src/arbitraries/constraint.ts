/**
 * Constraint definitions (what `dropConstraint` carries) and table constraints (what
 * `createTable` lists).
 */
import * as fc from 'fast-check'
import type {
  CheckDefinition, ConstraintDefinition, ConstraintType, ForeignKeyDefinition, PrimaryKeyDefinition, TableConstraint, TableIndex,
  UniqueDefinition,
} from '../elements/constraint.js'
import { memo } from './cache.js'
import { arbDeferrability, arbForeignKeyOptions } from './constraint-options.js'
import { arbColumnList, arbIndexDefinition, type ColumnsOptions } from './index-definition.js'
import { arbName, arbSqlText } from './names.js'
import { finish } from './options.js'
import { arbObject } from './record.js'

/**
 * Options of {@link arbConstraintDefinition}.
 * @example
 * import fc from 'fast-check'
 * const options: ConstraintOptions = { types: ['primaryKey', 'unique'], columns: ['id', 'email'] }
 * fc.assert(fc.property(arbConstraintDefinition(options), (c) => c.type !== 'check' && c.type !== 'foreignKey' && c.columns.every((name) => name === 'id' || name === 'email')))
 */
export interface ConstraintOptions extends ColumnsOptions {
  /** The constraint types to generate; all four by default. */
  readonly types?: readonly ConstraintType[]
}

/**
 * A primary key definition.
 * @example
 * arbPrimaryKeyDefinition({ columns: ['id'] }) // { type: 'primaryKey', columns: ['id'], mssqlClustered: false }
 */
export function arbPrimaryKeyDefinition(options: ColumnsOptions = {}): fc.Arbitrary<PrimaryKeyDefinition> {
  return memo('arbPrimaryKeyDefinition', options, () =>
    arbObject({ type: fc.constant('primaryKey' as const), columns: arbColumnList(options) }, { mssqlClustered: fc.boolean() }).map(
      finish<PrimaryKeyDefinition>(options),
    ),
  )
}

/**
 * A UNIQUE constraint definition, with deferrability and dialect options.
 * @example
 * arbUniqueDefinition({ columns: ['email'] }) // { type: 'unique', columns: ['email'], sqliteOnConflict: 'IGNORE' }
 */
export function arbUniqueDefinition(options: ColumnsOptions = {}): fc.Arbitrary<UniqueDefinition> {
  return memo('arbUniqueDefinition', options, () =>
    fc
      .tuple(
        arbObject(
          { type: fc.constant('unique' as const), columns: arbColumnList(options) },
          {
            postgresqlNullsNotDistinct: fc.boolean(),
            postgresqlInclude: arbColumnList(options, 2),
            sqliteOnConflict: fc.constantFrom('ROLLBACK', 'ABORT', 'FAIL', 'IGNORE', 'REPLACE'),
            mssqlClustered: fc.boolean(),
          },
        ),
        arbDeferrability(),
      )
      .map(([u, d]) => finish<UniqueDefinition>(options)({ ...u, ...d })),
  )
}

/**
 * A FOREIGN KEY definition: local columns (from `columns` when given) and as many remote ones.
 * @example
 * arbForeignKeyDefinition({ columns: ['author_id'] }) // { type: 'foreignKey', localCols: ['author_id'], referentTable: 'a', remoteCols: ['id'] }
 */
export function arbForeignKeyDefinition(options: ColumnsOptions = {}): fc.Arbitrary<ForeignKeyDefinition> {
  return memo('arbForeignKeyDefinition', options, () => {
    // Three remote columns, cut to as many as there are local ones.
    const remote = fc.uniqueArray(arbName(options), { minLength: 3, maxLength: 3 })
    return fc
      .tuple(
        arbObject(
          { type: fc.constant('foreignKey' as const), localCols: arbColumnList(options), referentTable: arbName(options), remoteCols: remote },
          { referentSchema: arbName(options), useAlter: fc.boolean() },
        ),
        arbForeignKeyOptions(options),
      )
      .filter(([fk]) => fk.remoteCols.length >= fk.localCols.length)
      .map(([fk, more]) => finish<ForeignKeyDefinition>(options)({ ...fk, remoteCols: fk.remoteCols.slice(0, fk.localCols.length), ...more }))
  })
}

/**
 * A CHECK definition.
 * @example
 * arbCheckDefinition() // { type: 'check', condition: 'x > 0', initially: 'DEFERRED' }
 */
export function arbCheckDefinition(options: ColumnsOptions = {}): fc.Arbitrary<CheckDefinition> {
  return memo('arbCheckDefinition', options, () =>
    fc
      .tuple(arbObject({ type: fc.constant('check' as const), condition: arbSqlText() }, { postgresqlNotValid: fc.boolean() }), arbDeferrability())
      .map(([c, d]) => finish<CheckDefinition>(options)({ ...c, ...d })),
  )
}

/**
 * A constraint definition of any (or the given) type: what a `dropConstraint` carries.
 * @example
 * arbConstraintDefinition({ types: ['unique'], columns: ['a', 'b'] })
 */
export function arbConstraintDefinition(options: ConstraintOptions = {}): fc.Arbitrary<ConstraintDefinition> {
  return memo('arbConstraintDefinition', options, () => {
    const all: Record<ConstraintType, () => fc.Arbitrary<ConstraintDefinition>> = {
      primaryKey: () => arbPrimaryKeyDefinition(options),
      unique: () => arbUniqueDefinition(options),
      foreignKey: () => arbForeignKeyDefinition(options),
      check: () => arbCheckDefinition(options),
    }
    const types = options.types ?? (Object.keys(all) as ConstraintType[])
    return fc.oneof(...types.map((t) => all[t]()))
  })
}

/**
 * An index as `createTable` lists it: `{ type: 'index', name, columns, … }`.
 * @example
 * arbTableIndex({ columns: ['email'] }) // { type: 'index', name: 'ix_email', columns: ['email'] }
 */
export function arbTableIndex(options: ColumnsOptions = {}): fc.Arbitrary<TableIndex> {
  return memo('arbTableIndex', options, () =>
    fc.tuple(arbName(options), arbIndexDefinition(options)).map(([name, def]) => ({ type: 'index' as const, name, ...def })),
  )
}

/**
 * A table-level item of `createTable`: a constraint (name optional) or an index. Column lists
 * are drawn from `columns` when given.
 * @example
 * arbTableConstraint({ columns: ['id', 'email'] }) // { type: 'unique', name: 'uq', columns: ['email'] }, …
 */
export function arbTableConstraint(options: ConstraintOptions = {}): fc.Arbitrary<TableConstraint> {
  return memo('arbTableConstraint', options, () => {
    const constraint = fc.tuple(arbConstraintDefinition(options), fc.option(arbName(options), { nil: undefined })).map(([c, name]) =>
      name === undefined ? c : { ...c, name },
    )
    return fc.oneof({ arbitrary: constraint, weight: 4 }, { arbitrary: arbTableIndex(options), weight: 1 })
  })
}
