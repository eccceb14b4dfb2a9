import { arrayOf, boolean, fail, integer, keyword, name, objectOf, pathIndex, pathKey, sqlText, string, type Spec, type SpecContext } from '../spec.js'
import { column, type Column } from './column.js'
import { tableConstraint, type TableConstraint } from './constraint.js'
import { optionMap, type OptionMap } from './index-definition.js'

/**
 * Table options of the dialects, as `createTable` takes them.
 * @example
 * import { mysql } from '@athanor/dialect-mysql'
 * const options: TableOptions = { mysqlEngine: 'InnoDB', mysqlCharset: 'utf8mb4' }
 * const op = createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }], ...options })
 * console.log(mysql.compile(op)[0]?.sql)
 * // prints: CREATE TABLE account (
 * // prints:     id INTEGER NOT NULL AUTO_INCREMENT,
 * // prints:     PRIMARY KEY (id)
 * // prints: )ENGINE=InnoDB CHARSET=utf8mb4
 */
export interface TableOptions {
  readonly mysqlEngine?: string
  readonly mysqlCharset?: string
  readonly mysqlCollate?: string
  readonly mysqlRowFormat?: string
  /** MySQL `AUTO_INCREMENT=<n>`: the first value. */
  readonly mysqlAutoIncrement?: number
  /** PostgreSQL `PARTITION BY <sql>`. */
  readonly postgresqlPartitionBy?: string
  readonly postgresqlWith?: OptionMap
  readonly postgresqlTablespace?: string
  readonly postgresqlInherits?: readonly string[]
  /** PostgreSQL `ON COMMIT` of a temporary table: `PRESERVE ROWS`, `DELETE ROWS` or `DROP`. */
  readonly postgresqlOnCommit?: string
  /** SQLite `AUTOINCREMENT` on the integer primary key. */
  readonly sqliteAutoincrement?: boolean
  readonly sqliteWithoutRowid?: boolean
  readonly sqliteStrict?: boolean
}

/**
 * Everything about a table but its name and schema: what `createTable` holds, what a
 * `dropTable` carries to be reversible, and a batch's `copyFrom`.
 * @example
 * const account: TableDefinition = { columns: [{ name: 'id', type: 'integer', primaryKey: true }], comment: 'People who sign in' }
 * reverse(dropTable({ tableName: 'account', table: account }))
 * // => { kind: 'createTable', tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }], comment: 'People who sign in' }
 */
export interface TableDefinition extends TableOptions {
  readonly columns: readonly Column[]
  /** Table-level constraints and indexes, in creation order. */
  readonly constraints?: readonly TableConstraint[]
  readonly comment?: string
  /** Words between CREATE and TABLE (`TEMPORARY`). */
  readonly prefixes?: readonly string[]
}

/** The field specs of {@link TableOptions}. */
export const tableOptionFields = {
  mysqlEngine: name,
  mysqlCharset: name,
  mysqlCollate: name,
  mysqlRowFormat: name,
  mysqlAutoIncrement: integer(1),
  postgresqlPartitionBy: sqlText,
  postgresqlWith: optionMap,
  postgresqlTablespace: name,
  postgresqlInherits: arrayOf(name, { minLength: 1 }),
  postgresqlOnCommit: keyword(['PRESERVE ROWS', 'DELETE ROWS', 'DROP']),
  sqliteAutoincrement: boolean,
  sqliteWithoutRowid: boolean,
  sqliteStrict: boolean,
} as const

/** The field specs of a {@link TableDefinition}. */
export const tableDefinitionFields = {
  columns: arrayOf(column, { minLength: 1, what: 'a non-empty array of columns' }),
  constraints: arrayOf(tableConstraint),
  comment: string,
  prefixes: arrayOf(name),
  ...tableOptionFields,
} as const

/**
 * Cross-checks of a table: distinct column names, one primary key, constraint and index columns
 * that exist, distinct constraint and index names.
 */
export function refineTable(value: Readonly<Record<string, unknown>>, path: string, ctx: SpecContext): void {
  const columns = value['columns'] as readonly Column[] | undefined
  if (columns === undefined) return
  const names = new Set<string>()
  columns.forEach((c, i) => {
    if (names.has(c.name)) fail(ctx, 'INVALID_VALUE', pathKey(pathIndex(pathKey(path, 'columns'), i), 'name'), 'a column name not used before in this table', c.name)
    names.add(c.name)
  })
  const constraints = (value['constraints'] as readonly TableConstraint[] | undefined) ?? []
  const pkColumns = columns.some((c) => c.primaryKey === true)
  const seenNames = new Set<string>()
  let pkCount = pkColumns ? 1 : 0
  constraints.forEach((c, i) => {
    const at = pathIndex(pathKey(path, 'constraints'), i)
    if (c.type === 'primaryKey' && ++pkCount > 1) {
      fail(ctx, 'INVALID_VALUE', at, 'one primary key per table (columns with primaryKey: true count as one)', 'a second primary key')
    }
    if (c.name !== undefined) {
      if (seenNames.has(c.name)) fail(ctx, 'INVALID_VALUE', pathKey(at, 'name'), 'a constraint or index name not used before in this table', c.name)
      seenNames.add(c.name)
    }
    const cols: readonly unknown[] = c.type === 'foreignKey' ? c.localCols : c.type === 'check' ? [] : c.columns
    const field = c.type === 'foreignKey' ? 'localCols' : 'columns'
    cols.forEach((col, j) => {
      if (typeof col === 'string' && !names.has(col)) {
        fail(ctx, 'INVALID_VALUE', pathIndex(pathKey(at, field), j), 'a column of this table', col)
      }
    })
  })
}

/**
 * Validates a {@link TableDefinition}.
 * @example
 * // A plugin kind that carries a table definition, checked as createTable checks its own
 * interface CreateShadowTableOp extends OpBase { readonly kind: 'createShadowTable'; readonly tableName: string; readonly definition: TableDefinition }
 * const spec: OpSpec<CreateShadowTableOp> = { kind: 'createShadowTable', fields: { tableName: name, definition: tableDefinition }, required: ['tableName', 'definition'] }
 * makeOp(spec, { tableName: 't', definition: { columns: [{ name: 'a', type: 'text' }, { name: 'a', type: 'integer' }] } })
 * // throws { code: 'INVALID_VALUE', path: 'definition.columns[1].name' }
 */
export const tableDefinition: Spec<TableDefinition> = objectOf<TableDefinition>({
  what: 'a table definition { columns, constraints?, … }',
  fields: tableDefinitionFields,
  required: ['columns'],
  refine: refineTable,
})
