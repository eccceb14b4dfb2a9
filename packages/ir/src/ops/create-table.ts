import { refineTable, tableDefinitionFields, type TableDefinition } from '../elements/table-definition.js'
import type { JsonObject } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, name } from '../spec.js'

/**
 * Create a table (Alembic's `op.create_table`) with its columns, then its table-level
 * constraints and indexes in `constraints`. Reverses to a `dropTable` carrying the whole
 * definition.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = createTable({
 *   tableName: 'account',
 *   columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'email', type: 'text', nullable: false }],
 *   constraints: [{ type: 'unique', name: 'uq_account_email', columns: ['email'] }],
 * })
 * for (const s of postgresql.compile(op)) console.log(s.sql)
 * // prints: CREATE TABLE account (
 * // prints:     id SERIAL NOT NULL,
 * // prints:     email TEXT NOT NULL,
 * // prints:     PRIMARY KEY (id),
 * // prints:     CONSTRAINT uq_account_email UNIQUE (email)
 * // prints: )
 */
export interface CreateTableOp extends TableDefinition {
  readonly kind: 'createTable'
  readonly tableName: string
  readonly schema?: string
  readonly ifNotExists?: boolean
  readonly info?: JsonObject
}

/** Validation rules of `createTable`. */
export const createTableSpec: OpSpec<CreateTableOp> = {
  kind: 'createTable',
  fields: { tableName: name, schema: name, ifNotExists: boolean, ...tableDefinitionFields },
  required: ['tableName', 'columns'],
  refine: refineTable,
}

/**
 * Builds a frozen {@link CreateTableOp}.
 * @example
 * createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }] })
 * // => { kind: 'createTable', tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }
 */
export function createTable(fields: OpFields<CreateTableOp>): CreateTableOp {
  return makeOp(createTableSpec, fields)
}
