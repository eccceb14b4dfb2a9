import { arrayOf, boolean, fail, literal, name, objectOf, pathKey, sqlText, tagged, type Spec } from '../spec.js'
import {
  deferrabilityFields, foreignKeyOptionFields, type Deferrability, type ForeignKeyOptions,
} from './constraint-options.js'
import { indexDefinitionFields, type IndexDefinition } from './index-definition.js'

/** A primary key, apart from its name and table. */
export interface PrimaryKeyDefinition {
  readonly type: 'primaryKey'
  readonly columns: readonly string[]
  /** SQL Server `CLUSTERED` (true) or `NONCLUSTERED` (false). */
  readonly mssqlClustered?: boolean
}

/** A UNIQUE constraint, apart from its name and table. */
export interface UniqueDefinition extends Deferrability {
  readonly type: 'unique'
  readonly columns: readonly string[]
  readonly postgresqlNullsNotDistinct?: boolean
  readonly postgresqlInclude?: readonly string[]
  /** SQLite `ON CONFLICT` clause: `ROLLBACK`, `ABORT`, `FAIL`, `IGNORE` or `REPLACE`. */
  readonly sqliteOnConflict?: string
  readonly mssqlClustered?: boolean
}

/** A FOREIGN KEY constraint, apart from its name and source table. */
export interface ForeignKeyDefinition extends ForeignKeyOptions {
  readonly type: 'foreignKey'
  readonly localCols: readonly string[]
  readonly referentTable: string
  readonly remoteCols: readonly string[]
  readonly referentSchema?: string
  /** Create the key with a separate ALTER after the table (cycles between tables). */
  readonly useAlter?: boolean
}

/** A CHECK constraint, apart from its name and table. */
export interface CheckDefinition extends Deferrability {
  readonly type: 'check'
  /** The condition, SQL emitted verbatim. */
  readonly condition: string
  readonly postgresqlNotValid?: boolean
}

/** What a `dropConstraint` carries so that it can be reversed. */
export type ConstraintDefinition = PrimaryKeyDefinition | UniqueDefinition | ForeignKeyDefinition | CheckDefinition

/** The `type` of a constraint. */
export type ConstraintType = ConstraintDefinition['type']

/** Every constraint type. */
export const CONSTRAINT_TYPES: readonly ConstraintType[] = Object.freeze(['primaryKey', 'unique', 'foreignKey', 'check'])

/** An index listed among a table's constraints in `createTable`. */
export interface TableIndex extends IndexDefinition {
  readonly type: 'index'
  readonly name: string
}

/** A table-level item of `createTable`: a constraint (name optional) or an index. */
export type TableConstraint = (ConstraintDefinition & { readonly name?: string }) | TableIndex

const columnList = arrayOf(name, { minLength: 1, what: 'a non-empty array of column names' })
const onConflict = literal(['ROLLBACK', 'ABORT', 'FAIL', 'IGNORE', 'REPLACE'])

/** Field specs of each constraint type (without `type` and `name`). */
export const constraintFields = {
  primaryKey: { columns: columnList, mssqlClustered: boolean },
  unique: {
    columns: columnList,
    ...deferrabilityFields,
    postgresqlNullsNotDistinct: boolean,
    postgresqlInclude: columnList,
    sqliteOnConflict: onConflict,
    mssqlClustered: boolean,
  },
  foreignKey: {
    localCols: columnList,
    referentTable: name,
    remoteCols: columnList,
    referentSchema: name,
    useAlter: boolean,
    ...foreignKeyOptionFields,
  },
  check: { condition: sqlText, ...deferrabilityFields, postgresqlNotValid: boolean },
} as const

/** Required fields of each constraint type. */
export const constraintRequired = {
  primaryKey: ['columns'],
  unique: ['columns'],
  foreignKey: ['localCols', 'referentTable', 'remoteCols'],
  check: ['condition'],
} as const

/** Checks that a foreign key's two column lists have the same length. */
export function refineForeignKeyColumns(value: Readonly<Record<string, unknown>>, path: string, ctx: Parameters<Spec<unknown>>[2]): void {
  const local = value['localCols'] as readonly string[] | undefined
  const remote = value['remoteCols'] as readonly string[] | undefined
  if (local !== undefined && remote !== undefined && local.length !== remote.length) {
    fail(ctx, 'INVALID_VALUE', pathKey(path, 'remoteCols'), `${local.length} remote column${local.length === 1 ? '' : 's'} (one per local column)`, remote)
  }
}

function variant(type: ConstraintType, withName: boolean): Spec<ConstraintDefinition> {
  return objectOf({
    what: `a ${type} constraint`,
    tag: { field: 'type', value: type },
    fields: withName ? { ...constraintFields[type], name } : constraintFields[type],
    required: constraintRequired[type],
    ...(type === 'foreignKey' ? { refine: refineForeignKeyColumns } : {}),
  })
}

/** Validates a {@link ConstraintDefinition} (no name). */
export const constraintDefinition: Spec<ConstraintDefinition> = tagged(
  'type',
  { primaryKey: variant('primaryKey', false), unique: variant('unique', false), foreignKey: variant('foreignKey', false), check: variant('check', false) },
  'a constraint definition { type, … }',
)

/** Validates a {@link TableConstraint}. */
export const tableConstraint: Spec<TableConstraint> = tagged<TableConstraint>(
  'type',
  {
    primaryKey: variant('primaryKey', true),
    unique: variant('unique', true),
    foreignKey: variant('foreignKey', true),
    check: variant('check', true),
    index: objectOf<TableIndex>({
      what: 'an index',
      tag: { field: 'type', value: 'index' },
      fields: { ...indexDefinitionFields, name },
      required: ['name', 'columns'],
    }),
  },
  'a table constraint { type: "primaryKey" | "unique" | "foreignKey" | "check" | "index", … }',
)
