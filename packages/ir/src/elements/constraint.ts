import { arrayOf, boolean, fail, literal, name, objectOf, pathKey, sqlText, tagged, type Spec } from '../spec.js'
import {
  deferrabilityFields, foreignKeyOptionFields, type Deferrability, type ForeignKeyOptions,
} from './constraint-options.js'
import { indexDefinitionFields, type IndexDefinition } from './index-definition.js'

/**
 * A primary key, apart from its name and table.
 * @example
 * const pk: PrimaryKeyDefinition = { type: 'primaryKey', columns: ['tenant_id', 'id'] }
 * reverse(dropConstraint({ constraintName: 'pk_account', tableName: 'account', type: 'primaryKey', constraint: pk }))
 * // => { kind: 'createPrimaryKey', constraintName: 'pk_account', tableName: 'account', columns: ['tenant_id', 'id'] }
 */
export interface PrimaryKeyDefinition {
  readonly type: 'primaryKey'
  readonly columns: readonly string[]
  /** SQL Server `CLUSTERED` (true) or `NONCLUSTERED` (false). */
  readonly mssqlClustered?: boolean
}

/**
 * A UNIQUE constraint, apart from its name and table.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const unique: UniqueDefinition = { type: 'unique', columns: ['email'], postgresqlNullsNotDistinct: true }
 * const drop = dropConstraint({ constraintName: 'uq_account_email', tableName: 'account', type: 'unique', constraint: unique })
 * postgresql.compile(reverse(drop)) // => [{ sql: 'ALTER TABLE account ADD CONSTRAINT uq_account_email UNIQUE NULLS NOT DISTINCT (email)' }]
 */
export interface UniqueDefinition extends Deferrability {
  readonly type: 'unique'
  readonly columns: readonly string[]
  readonly postgresqlNullsNotDistinct?: boolean
  readonly postgresqlInclude?: readonly string[]
  /** SQLite `ON CONFLICT` clause: `ROLLBACK`, `ABORT`, `FAIL`, `IGNORE` or `REPLACE`. */
  readonly sqliteOnConflict?: string
  readonly mssqlClustered?: boolean
}

/**
 * A FOREIGN KEY constraint, apart from its name and source table.
 * @example
 * const fk: ForeignKeyDefinition = { type: 'foreignKey', localCols: ['author_id'], referentTable: 'account', remoteCols: ['id'], onDelete: 'CASCADE' }
 * reverse(dropConstraint({ constraintName: 'fk_post_author', tableName: 'post', type: 'foreignKey', constraint: fk }))
 * // => { kind: 'createForeignKey', constraintName: 'fk_post_author', sourceTable: 'post', localCols: ['author_id'], referentTable: 'account', remoteCols: ['id'], onDelete: 'CASCADE' }
 */
export interface ForeignKeyDefinition extends ForeignKeyOptions {
  readonly type: 'foreignKey'
  readonly localCols: readonly string[]
  readonly referentTable: string
  readonly remoteCols: readonly string[]
  readonly referentSchema?: string
  /** Create the key with a separate ALTER after the table (cycles between tables). */
  readonly useAlter?: boolean
}

/**
 * A CHECK constraint, apart from its name and table.
 * @example
 * const check: CheckDefinition = { type: 'check', condition: 'price >= 0' }
 * reverse(dropConstraint({ constraintName: 'ck_price', tableName: 'product', type: 'check', constraint: check }))
 * // => { kind: 'createCheckConstraint', constraintName: 'ck_price', tableName: 'product', condition: 'price >= 0' }
 */
export interface CheckDefinition extends Deferrability {
  readonly type: 'check'
  /** The condition, SQL emitted verbatim. */
  readonly condition: string
  readonly postgresqlNotValid?: boolean
}

/**
 * What a `dropConstraint` carries so that it can be reversed.
 * @example
 * // The columns a constraint uses, whatever its type
 * const columnsOf = (c: ConstraintDefinition): readonly string[] => (c.type === 'check' ? [] : c.type === 'foreignKey' ? c.localCols : c.columns)
 * columnsOf({ type: 'foreignKey', localCols: ['author_id'], referentTable: 'account', remoteCols: ['id'] }) // => ['author_id']
 */
export type ConstraintDefinition = PrimaryKeyDefinition | UniqueDefinition | ForeignKeyDefinition | CheckDefinition

/**
 * The `type` of a constraint.
 * @example
 * // MySQL drops each type with its own statement, so a dropConstraint for it says which
 * const type: ConstraintType = 'foreignKey'
 * dropConstraint({ constraintName: 'fk_post_author', tableName: 'post', type }).type // => 'foreignKey'
 */
export type ConstraintType = ConstraintDefinition['type']

/**
 * Every constraint type.
 * @example
 * CONSTRAINT_TYPES // => ['primaryKey', 'unique', 'foreignKey', 'check']
 */
export const CONSTRAINT_TYPES: readonly ConstraintType[] = Object.freeze(['primaryKey', 'unique', 'foreignKey', 'check'])

/**
 * An index listed among a table's constraints in `createTable`.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const byEmail: TableIndex = { type: 'index', name: 'ix_account_email', columns: ['email'], unique: true }
 * const op = createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'email', type: 'text' }], constraints: [byEmail] })
 * postgresql.compile(op).at(-1) // => { sql: 'CREATE UNIQUE INDEX ix_account_email ON account (email)' }
 */
export interface TableIndex extends IndexDefinition {
  readonly type: 'index'
  readonly name: string
}

/**
 * A table-level item of `createTable`: a constraint (name optional) or an index.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const constraints: TableConstraint[] = [{ type: 'primaryKey', columns: ['id'] }, { type: 'check', name: 'ck_person_age', condition: 'age >= 0' }]
 * const op = createTable({ tableName: 'person', columns: [{ name: 'id', type: 'integer' }, { name: 'age', type: 'integer' }], constraints })
 * console.log(postgresql.compile(op)[0]?.sql)
 * // prints: CREATE TABLE person (
 * // prints:     id INTEGER,
 * // prints:     age INTEGER,
 * // prints:     PRIMARY KEY (id),
 * // prints:     CONSTRAINT ck_person_age CHECK (age >= 0)
 * // prints: )
 */
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

/**
 * Validates a {@link ConstraintDefinition} (no name).
 * @example
 * // A plugin kind that carries a constraint definition, checked as dropConstraint checks its own
 * interface ArchiveConstraintOp extends OpBase { readonly kind: 'archiveConstraint'; readonly constraint: ConstraintDefinition }
 * const spec: OpSpec<ArchiveConstraintOp> = { kind: 'archiveConstraint', fields: { constraint: constraintDefinition }, required: ['constraint'] }
 * makeOp(spec, { constraint: { type: 'unique', columns: ['email'] } }) // => { kind: 'archiveConstraint', constraint: { type: 'unique', columns: ['email'] } }
 * makeOp(spec, { constraint: { type: 'foreignKey', localCols: ['a', 'b'], referentTable: 't', remoteCols: ['id'] } })
 * // throws { code: 'INVALID_VALUE', path: 'constraint.remoteCols' }
 */
export const constraintDefinition: Spec<ConstraintDefinition> = tagged(
  'type',
  { primaryKey: variant('primaryKey', false), unique: variant('unique', false), foreignKey: variant('foreignKey', false), check: variant('check', false) },
  'a constraint definition { type, … }',
)

/**
 * Validates a {@link TableConstraint}.
 * @example
 * // A plugin field holding a table-level constraint or index, as createTable lists them
 * const registry = createRegistry({ plugins: [{ kind: 'addTableItem', fields: { tableName: name, item: tableConstraint }, required: ['tableName', 'item'] }] })
 * parse({ kind: 'addTableItem', tableName: 't', item: { type: 'index', name: 'ix_t_a', columns: ['a'] } }, { registry }).ok // => true
 * const r = parse({ kind: 'addTableItem', tableName: 't', item: { type: 'exclude', columns: ['a'] } }, { registry })
 * r.ok ? [] : r.errors.map((e) => [e.code, e.path]) // => [['INVALID_VALUE', 'item.type']]
 */
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
