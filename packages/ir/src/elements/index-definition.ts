import {
  arrayOf, boolean, either, integer, isPlainObject, keyword, name, objectOf, recordOf, sqlText, string, finiteNumber,
  type Spec,
} from '../spec.js'

/**
 * An index column: a column name, or an expression written in SQL (`{ sql: "lower(email)" }`).
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const columns: IndexColumn[] = ['tenant_id', { sql: 'lower(email)' }]
 * postgresql.compile(createIndex({ indexName: 'ix_account_email', tableName: 'account', columns }))
 * // => [{ sql: 'CREATE INDEX ix_account_email ON account (tenant_id, lower(email))' }]
 */
export type IndexColumn = string | { readonly sql: string }

/**
 * Validates an {@link IndexColumn}.
 * @example
 * // A plugin field listing index columns, checked as createIndex checks its own
 * const registry = createRegistry({ plugins: [{ kind: 'cluster', fields: { tableName: name, by: arrayOf(indexColumn) }, required: ['tableName', 'by'] }] })
 * parse({ kind: 'cluster', tableName: 't', by: ['a', { sql: 'lower(b)' }] }, { registry }).ok // => true
 * const r = parse({ kind: 'cluster', tableName: 't', by: [{ expression: 'lower(b)' }] }, { registry })
 * r.ok ? [] : r.errors.map((e) => [e.code, e.path]) // => [['UNKNOWN_FIELD', 'by[0].expression'], ['MISSING_FIELD', 'by[0].sql']]
 */
export const indexColumn: Spec<IndexColumn> = either(
  (v) => typeof v === 'string',
  name,
  objectOf<{ readonly sql: string }>({ what: 'a column name or { sql }', fields: { sql: sqlText }, required: ['sql'] }),
)

/**
 * PostgreSQL `WITH (…)` storage parameters and similar option maps.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const storage: OptionMap = { fillfactor: 70, deduplicate_items: false }
 * postgresql.compile(createIndex({ indexName: 'ix_account_email', tableName: 'account', columns: ['email'], postgresqlWith: storage }))
 * // => [{ sql: 'CREATE INDEX ix_account_email ON account (email) WITH (fillfactor = 70, deduplicate_items = false)' }]
 */
export type OptionMap = Readonly<Record<string, string | number | boolean>>

const optionMap: Spec<OptionMap> = recordOf(
  (v, path, ctx) => (typeof v === 'string' ? string(v, path, ctx) : typeof v === 'boolean' ? boolean(v, path, ctx) : finiteNumber(v, path, ctx)),
  'an object of option name → string, number or boolean',
)

/**
 * What an index is, apart from its name and table: the part a `dropIndex` carries so that it can
 * be reversed.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const live: IndexDefinition = { columns: ['email'], unique: true, postgresqlWhere: 'deleted_at IS NULL' }
 * const drop = dropIndex({ indexName: 'ix_account_email', tableName: 'account', index: live })
 * postgresql.compile(reverse(drop)) // => [{ sql: 'CREATE UNIQUE INDEX ix_account_email ON account (email) WHERE deleted_at IS NULL' }]
 */
export interface IndexDefinition {
  readonly columns: readonly IndexColumn[]
  readonly unique?: boolean
  /** Always quote the index name. */
  readonly quote?: boolean
  /** PostgreSQL partial index: `WHERE <sql>`. */
  readonly postgresqlWhere?: string
  /** PostgreSQL index method (`gin`, `gist`, `brin`, `hash`, …). */
  readonly postgresqlUsing?: string
  /** PostgreSQL operator class per column name. */
  readonly postgresqlOps?: Readonly<Record<string, string>>
  /** PostgreSQL covering columns: `INCLUDE (…)`. */
  readonly postgresqlInclude?: readonly string[]
  /** PostgreSQL storage parameters: `WITH (…)`. */
  readonly postgresqlWith?: OptionMap
  readonly postgresqlTablespace?: string
  readonly postgresqlNullsNotDistinct?: boolean
  /** MySQL index prefix length, for every column or per column name. */
  readonly mysqlLength?: number | Readonly<Record<string, number>>
  /** MySQL `FULLTEXT` or `SPATIAL`. */
  readonly mysqlPrefix?: string
  /** MySQL `USING BTREE` / `USING HASH`. */
  readonly mysqlUsing?: string
  /** SQL Server covering columns: `INCLUDE (…)`. */
  readonly mssqlInclude?: readonly string[]
  /** SQL Server `CLUSTERED` (true) or `NONCLUSTERED` (false). */
  readonly mssqlClustered?: boolean
  /** SQL Server filtered index: `WHERE <sql>`. */
  readonly mssqlWhere?: string
  /** SQLite partial index: `WHERE <sql>`. */
  readonly sqliteWhere?: string
}

/** The field specs of an {@link IndexDefinition}. */
export const indexDefinitionFields = {
  columns: arrayOf(indexColumn, { minLength: 1, what: 'a non-empty array of column names or { sql }' }),
  unique: boolean,
  quote: boolean,
  postgresqlWhere: sqlText,
  postgresqlUsing: name,
  postgresqlOps: recordOf(sqlText, 'an object of column name → operator class'),
  postgresqlInclude: arrayOf(name, { minLength: 1 }),
  postgresqlWith: optionMap,
  postgresqlTablespace: name,
  postgresqlNullsNotDistinct: boolean,
  mysqlLength: either<number, Readonly<Record<string, number>>>((v) => !isPlainObject(v), integer(1), recordOf(integer(1))),
  mysqlPrefix: keyword(['FULLTEXT', 'SPATIAL']),
  mysqlUsing: keyword(['BTREE', 'HASH']),
  mssqlInclude: arrayOf(name, { minLength: 1 }),
  mssqlClustered: boolean,
  mssqlWhere: sqlText,
  sqliteWhere: sqlText,
} as const

/**
 * Validates an {@link IndexDefinition}.
 * @example
 * // A plugin kind that carries an index definition, checked as dropIndex checks its own
 * interface ArchiveIndexOp extends OpBase { readonly kind: 'archiveIndex'; readonly indexName: string; readonly index: IndexDefinition }
 * const spec: OpSpec<ArchiveIndexOp> = { kind: 'archiveIndex', fields: { indexName: name, index: indexDefinition }, required: ['indexName', 'index'] }
 * makeOp(spec, { indexName: 'ix', index: { columns: ['a'], unique: true } }) // => { kind: 'archiveIndex', indexName: 'ix', index: { columns: ['a'], unique: true } }
 * makeOp(spec, { indexName: 'ix', index: { columns: [] } }) // throws { code: 'INVALID_VALUE', path: 'index.columns' }
 */
export const indexDefinition: Spec<IndexDefinition> = objectOf<IndexDefinition>({
  what: 'an index definition { columns, unique?, … }',
  fields: indexDefinitionFields,
  required: ['columns'],
})

export { optionMap }
