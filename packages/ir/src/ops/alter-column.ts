import { columnType, type ColumnType } from '../elements/column-type.js'
import { identity, type Identity } from '../elements/column.js'
import { serverDefault, type ServerDefault } from '../elements/server-default.js'
import type { JsonObject } from '../json.js'
import { columnBatchRules, makeOp, refinePosition, type ColumnPosition, type OpFields, type OpSpec } from '../op-spec.js'
import { boolean, fail, name, nullable, pathKey, sqlText, string } from '../spec.js'

/**
 * Change a column (Alembic's `op.alter_column`): its type, nullability, default, comment,
 * auto-increment or name. Absent means unchanged; `null` removes a default or comment.
 *
 * The `existing*` fields say what the column is now. MySQL and SQL Server need them to restate
 * the column, and `reverse` needs them: the reverse swaps each change with its `existing*` value,
 * and renames back.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const op = alterColumn({ tableName: 'account', columnName: 'email', nullable: false, existingType: 'text' })
 * postgresql.compile(op) // => [{ sql: 'ALTER TABLE account ALTER COLUMN email SET NOT NULL' }]
 */
export interface AlterColumnOp {
  readonly kind: 'alterColumn'
  readonly tableName: string
  readonly columnName: string
  readonly schema?: string
  readonly nullable?: boolean
  /** `null` removes the comment. */
  readonly comment?: string | null
  /** `null` drops the default. */
  readonly serverDefault?: ServerDefault | null
  readonly newColumnName?: string
  readonly type?: ColumnType
  readonly autoincrement?: boolean
  /** Make the column an identity column, change its identity options, or (`null`) drop the identity. */
  readonly identity?: Identity | null
  readonly existingType?: ColumnType
  /** `null`: the column has no default now. */
  readonly existingServerDefault?: ServerDefault | null
  readonly existingNullable?: boolean
  /** `null`: the column has no comment now. */
  readonly existingComment?: string | null
  readonly existingAutoincrement?: boolean
  /** `null`: the column is not an identity column now. */
  readonly existingIdentity?: Identity | null
  /** PostgreSQL `USING <sql>` for the type change. */
  readonly postgresqlUsing?: string
  /** PostgreSQL `USING <sql>` for the reverse type change; becomes `postgresqlUsing` of the reverse. */
  readonly postgresqlReverseUsing?: string
  readonly info?: JsonObject
}

/**
 * `alterColumn` inside a batch: no table fields; may move the column when the table is rebuilt.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const child: BatchAlterColumnOp = { kind: 'alterColumn', columnName: 'email', newColumnName: 'email_address' }
 * postgresql.compile(batch({ tableName: 'account', ops: [child] })) // => [{ sql: 'ALTER TABLE account RENAME email TO email_address' }]
 */
export type BatchAlterColumnOp = Omit<AlterColumnOp, 'tableName' | 'schema'> & ColumnPosition

/** Validation rules of `alterColumn`. */
export const alterColumnSpec: OpSpec<AlterColumnOp> = {
  kind: 'alterColumn',
  fields: {
    tableName: name,
    columnName: name,
    schema: name,
    nullable: boolean,
    comment: nullable(string),
    serverDefault: nullable(serverDefault),
    newColumnName: name,
    type: columnType,
    autoincrement: boolean,
    identity: nullable(identity),
    existingType: columnType,
    existingServerDefault: nullable(serverDefault),
    existingNullable: boolean,
    existingComment: nullable(string),
    existingAutoincrement: boolean,
    existingIdentity: nullable(identity),
    postgresqlUsing: sqlText,
    postgresqlReverseUsing: sqlText,
  },
  required: ['tableName', 'columnName'],
  batch: columnBatchRules,
  refine: (op, path, ctx) => {
    refinePosition(op, path, ctx)
    if (op['postgresqlUsing'] !== undefined && op['type'] === undefined) {
      fail(ctx, 'MISSING_FIELD', pathKey(path, 'type'), 'type (postgresqlUsing applies to a type change)', undefined)
    }
    if (op['postgresqlReverseUsing'] !== undefined && op['type'] === undefined) {
      fail(ctx, 'MISSING_FIELD', pathKey(path, 'type'), 'type (postgresqlReverseUsing applies to the reverse of a type change)', undefined)
    }
  },
}

/**
 * Builds a frozen {@link AlterColumnOp}.
 * @example
 * alterColumn({ tableName: 'account', columnName: 'email', newColumnName: 'mail' })
 * // => { kind: 'alterColumn', tableName: 'account', columnName: 'email', newColumnName: 'mail' }
 */
export function alterColumn(fields: OpFields<AlterColumnOp>): AlterColumnOp {
  return makeOp(alterColumnSpec, fields)
}

/**
 * The changes an `alterColumn` can make, in the order compilers apply them.
 * @example
 * ALTER_COLUMN_CHANGES[0] // => 'type'
 */
export const ALTER_COLUMN_CHANGES = ['type', 'nullable', 'serverDefault', 'identity', 'comment', 'autoincrement'] as const

/**
 * True when the op changes anything, a rename included (unlike Alembic's `has_changes`).
 * @example
 * alterColumnHasChanges({ nullable: false }) // => true
 * alterColumnHasChanges({}) // => false
 */
export function alterColumnHasChanges(op: Pick<AlterColumnOp, (typeof ALTER_COLUMN_CHANGES)[number] | 'newColumnName'>): boolean {
  return op.newColumnName !== undefined || ALTER_COLUMN_CHANGES.some((c) => op[c] !== undefined)
}
