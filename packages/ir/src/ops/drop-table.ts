import { tableDefinition, type TableDefinition } from '../elements/table-definition.js'
import type { JsonObject } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, name } from '../spec.js'

/**
 * Drop a table (Alembic's `op.drop_table`). Carry `table` (the definition being dropped) to make
 * it reversible; unlike Alembic, a drop without it is not reversed to an empty table but refused.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = dropTable({ tableName: 'account' })
 * postgresql.compile(op) // => [{ sql: 'DROP TABLE account' }]
 */
export interface DropTableOp {
  readonly kind: 'dropTable'
  readonly tableName: string
  readonly schema?: string
  readonly ifExists?: boolean
  /** What is dropped, so that `reverse` can create it again. */
  readonly table?: TableDefinition
  readonly info?: JsonObject
}

/** Validation rules of `dropTable`. */
export const dropTableSpec: OpSpec<DropTableOp> = {
  kind: 'dropTable',
  fields: { tableName: name, schema: name, ifExists: boolean, table: tableDefinition },
  required: ['tableName'],
}

/**
 * Builds a frozen {@link DropTableOp}.
 * @example
 * dropTable({ tableName: 'legacy' }) // => { kind: 'dropTable', tableName: 'legacy' }
 * dropTable({ tableName: '' }) // throws { code: 'INVALID_VALUE', path: 'tableName' }
 */
export function dropTable(fields: OpFields<DropTableOp>): DropTableOp {
  return makeOp(dropTableSpec, fields)
}
