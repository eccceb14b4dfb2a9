import { constraintFields, refineForeignKeyColumns, type ForeignKeyDefinition } from '../elements/constraint.js'
import type { JsonObject } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, name } from '../spec.js'

/**
 * Add a FOREIGN KEY constraint (Alembic's `op.create_foreign_key`).
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = createForeignKey({
 *   constraintName: 'fk_post_author', sourceTable: 'post', referentTable: 'account',
 *   localCols: ['author_id'], remoteCols: ['id'], onDelete: 'CASCADE',
 * })
 * postgresql.compile(op) // => [{ sql: 'ALTER TABLE post ADD CONSTRAINT fk_post_author FOREIGN KEY(author_id) REFERENCES account (id) ON DELETE CASCADE' }]
 */
export interface CreateForeignKeyOp extends Omit<ForeignKeyDefinition, 'type'> {
  readonly kind: 'createForeignKey'
  readonly constraintName: string
  readonly sourceTable: string
  readonly sourceSchema?: string
  readonly ifNotExists?: boolean
  readonly info?: JsonObject
}

/**
 * `createForeignKey` inside a batch: the batch's table is the source table.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const child: BatchCreateForeignKeyOp = { kind: 'createForeignKey', constraintName: 'fk_post_author', referentTable: 'account', localCols: ['author_id'], remoteCols: ['id'] }
 * postgresql.compile(batch({ tableName: 'post', ops: [child] }))
 * // => [{ sql: 'ALTER TABLE post ADD CONSTRAINT fk_post_author FOREIGN KEY(author_id) REFERENCES account (id)' }]
 */
export type BatchCreateForeignKeyOp = Omit<CreateForeignKeyOp, 'sourceTable' | 'sourceSchema'>

/** Validation rules of `createForeignKey`. */
export const createForeignKeySpec: OpSpec<CreateForeignKeyOp> = {
  kind: 'createForeignKey',
  fields: { constraintName: name, sourceTable: name, sourceSchema: name, ifNotExists: boolean, ...constraintFields.foreignKey },
  required: ['constraintName', 'sourceTable', 'referentTable', 'localCols', 'remoteCols'],
  batch: { tableFields: ['sourceTable', 'sourceSchema'] },
  refine: refineForeignKeyColumns,
}

/**
 * Builds a frozen {@link CreateForeignKeyOp}.
 * @example
 * const fk = createForeignKey({ constraintName: 'fk_post_author', sourceTable: 'post', referentTable: 'account', localCols: ['author_id'], remoteCols: ['id'] })
 * fk.kind // => 'createForeignKey'
 */
export function createForeignKey(fields: OpFields<CreateForeignKeyOp>): CreateForeignKeyOp {
  return makeOp(createForeignKeySpec, fields)
}
