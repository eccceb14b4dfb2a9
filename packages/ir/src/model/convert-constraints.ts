import { AthanorError } from '../errors.js'
import type { ConstraintDefinition } from '../elements/constraint.js'
import type { IndexDefinition } from '../elements/index-definition.js'
import { createCheckConstraint, type CreateCheckConstraintOp } from '../ops/create-check-constraint.js'
import { createForeignKey, type CreateForeignKeyOp } from '../ops/create-foreign-key.js'
import { createIndex, type CreateIndexOp } from '../ops/create-index.js'
import { createPrimaryKey, type CreatePrimaryKeyOp } from '../ops/create-primary-key.js'
import { createUniqueConstraint, type CreateUniqueConstraintOp } from '../ops/create-unique-constraint.js'
import { dropConstraint, type DropConstraintOp } from '../ops/drop-constraint.js'
import { dropIndex, type DropIndexOp } from '../ops/drop-index.js'
import type { ConstraintModel, IndexModel } from './snapshot.js'

// Alembic's from_index / to_index and from_constraint / to_constraint (catalog §1.15), between
// the model's indexes and constraints and the ops that create and drop them.

/**
 * The four ops that create a constraint.
 * @example
 * const op: CreateConstraintOp = createConstraintOf('t', { type: 'check', name: 'ck', condition: 'a > 0' })
 */
export type CreateConstraintOp = CreatePrimaryKeyOp | CreateUniqueConstraintOp | CreateForeignKeyOp | CreateCheckConstraintOp

const schemaField = (schema: string | undefined): { readonly schema?: string } => (schema === undefined ? {} : { schema })

/**
 * The index a `createIndex` creates (Alembic's `CreateIndexOp.to_index`): everything but the
 * op's table, `ifNotExists`, `postgresqlConcurrently` (how, not what) and `info`.
 * @example
 * indexModelOf(createIndex({ indexName: 'ix_a', tableName: 't', columns: ['a'] })) // => { name: 'ix_a', columns: ['a'] }
 */
export function indexModelOf(op: CreateIndexOp): IndexModel {
  const { kind: _kind, indexName, tableName: _tableName, schema: _schema, ifNotExists: _ine, postgresqlConcurrently: _pc, info: _info, ...def } = op
  return { name: indexName, ...def }
}

/**
 * An index without its name: what a `dropIndex` carries.
 * @example
 * indexDefinitionOf({ name: 'ix_a', columns: ['a'] }) // => { columns: ['a'] }
 */
export function indexDefinitionOf(index: IndexModel): IndexDefinition {
  const { name: _name, ...def } = index
  return def
}

/**
 * The op that creates `index` on a table (Alembic's `CreateIndexOp.from_index`).
 * @example
 * createIndexOf('t', { name: 'ix_a', columns: ['a'] }) // => createIndex({ indexName: 'ix_a', tableName: 't', columns: ['a'] })
 */
export function createIndexOf(tableName: string, index: IndexModel, schema?: string): CreateIndexOp {
  const { name, ...def } = index
  return createIndex({ indexName: name, tableName, ...schemaField(schema), ...def })
}

/**
 * The op that drops `index`, carrying its definition so that it can be reversed (Alembic's
 * `DropIndexOp.from_index`).
 * @example
 * dropIndexOf('t', { name: 'ix_a', columns: ['a'] }) // => dropIndex({ indexName: 'ix_a', tableName: 't', index: { columns: ['a'] } })
 */
export function dropIndexOf(tableName: string, index: IndexModel, schema?: string): DropIndexOp {
  return dropIndex({ indexName: index.name, tableName, ...schemaField(schema), index: indexDefinitionOf(index) })
}

/**
 * The constraint a create op adds (Alembic's `to_constraint`): its definition, named.
 * @example
 * constraintModelOf(createUniqueConstraint({ constraintName: 'uq_a', tableName: 't', columns: ['a'] }))
 * // => { type: 'unique', name: 'uq_a', columns: ['a'] }
 */
export function constraintModelOf(op: CreateConstraintOp): ConstraintModel {
  switch (op.kind) {
    case 'createPrimaryKey': {
      const { kind: _k, constraintName, tableName: _t, schema: _s, ifNotExists: _i, info: _n, ...def } = op
      return { type: 'primaryKey', name: constraintName, ...def }
    }
    case 'createUniqueConstraint': {
      const { kind: _k, constraintName, tableName: _t, schema: _s, ifNotExists: _i, info: _n, ...def } = op
      return { type: 'unique', name: constraintName, ...def }
    }
    case 'createForeignKey': {
      const { kind: _k, constraintName, sourceTable: _t, sourceSchema: _s, ifNotExists: _i, info: _n, ...def } = op
      return { type: 'foreignKey', name: constraintName, ...def }
    }
    case 'createCheckConstraint': {
      const { kind: _k, constraintName, tableName: _t, schema: _s, ifNotExists: _i, info: _n, ...def } = op
      return { type: 'check', name: constraintName, ...def }
    }
  }
}

/**
 * A constraint without its name: what a `dropConstraint` carries.
 * @example
 * constraintDefinitionOf({ type: 'unique', name: 'uq_a', columns: ['a'] }) // => { type: 'unique', columns: ['a'] }
 */
export function constraintDefinitionOf(c: ConstraintModel): ConstraintDefinition {
  switch (c.type) {
    case 'primaryKey': {
      const { name: _name, ...def } = c
      return def
    }
    case 'unique': {
      const { name: _name, ...def } = c
      return def
    }
    case 'foreignKey': {
      const { name: _name, ...def } = c
      return def
    }
    case 'check': {
      const { name: _name, ...def } = c
      return def
    }
  }
}

function nameOf(c: ConstraintModel, kind: string): string {
  if (c.name === undefined) {
    throw new AthanorError('MISSING_FIELD', {
      kind,
      path: 'name',
      message: `${kind}: the ${c.type} constraint has no name (the engine named it); expected a named constraint`,
    })
  }
  return c.name
}

/**
 * The op that adds constraint `c` to a table (Alembic's `AddConstraintOp.from_constraint`),
 * chosen by its type. An unnamed constraint cannot be added by an op: throws an `AthanorError`
 * with code `MISSING_FIELD` and path `name`.
 * @example
 * createConstraintOf('t', { type: 'check', name: 'ck_a', condition: 'a > 0' })
 * // => createCheckConstraint({ constraintName: 'ck_a', tableName: 't', condition: 'a > 0' })
 */
export function createConstraintOf(tableName: string, c: ConstraintModel & { readonly type: 'primaryKey' }, schema?: string): CreatePrimaryKeyOp
export function createConstraintOf(tableName: string, c: ConstraintModel & { readonly type: 'unique' }, schema?: string): CreateUniqueConstraintOp
export function createConstraintOf(tableName: string, c: ConstraintModel & { readonly type: 'foreignKey' }, schema?: string): CreateForeignKeyOp
export function createConstraintOf(tableName: string, c: ConstraintModel & { readonly type: 'check' }, schema?: string): CreateCheckConstraintOp
export function createConstraintOf(tableName: string, c: ConstraintModel, schema?: string): CreateConstraintOp
export function createConstraintOf(tableName: string, c: ConstraintModel, schema?: string): CreateConstraintOp {
  switch (c.type) {
    case 'primaryKey': {
      const { type: _type, name: _name, ...def } = c
      return createPrimaryKey({ constraintName: nameOf(c, 'createPrimaryKey'), tableName, ...schemaField(schema), ...def })
    }
    case 'unique': {
      const { type: _type, name: _name, ...def } = c
      return createUniqueConstraint({ constraintName: nameOf(c, 'createUniqueConstraint'), tableName, ...schemaField(schema), ...def })
    }
    case 'foreignKey': {
      const { type: _type, name: _name, ...def } = c
      return createForeignKey({ constraintName: nameOf(c, 'createForeignKey'), sourceTable: tableName, ...(schema === undefined ? {} : { sourceSchema: schema }), ...def })
    }
    case 'check': {
      const { type: _type, name: _name, ...def } = c
      return createCheckConstraint({ constraintName: nameOf(c, 'createCheckConstraint'), tableName, ...schemaField(schema), ...def })
    }
  }
}

/**
 * The op that drops constraint `c`, carrying its type and definition so that it can be reversed
 * (Alembic's `DropConstraintOp.from_constraint`). An unnamed constraint cannot be dropped by
 * name: throws an `AthanorError` with code `MISSING_FIELD` and path `name`.
 * @example
 * dropConstraintOf('t', { type: 'unique', name: 'uq_a', columns: ['a'] })
 * // => dropConstraint({ constraintName: 'uq_a', tableName: 't', type: 'unique', constraint: { type: 'unique', columns: ['a'] } })
 */
export function dropConstraintOf(tableName: string, c: ConstraintModel, schema?: string): DropConstraintOp {
  return dropConstraint({
    constraintName: nameOf(c, 'dropConstraint'),
    tableName,
    ...schemaField(schema),
    type: c.type,
    constraint: constraintDefinitionOf(c),
  })
}
