import type { Column } from '../elements/column.js'
import type { TableIndex } from '../elements/constraint.js'
import type { TableDefinition, TableOptions } from '../elements/table-definition.js'
import type { CreateTableOp } from '../ops/create-table.js'
import type { ColumnModel, ConstraintModel, IndexModel, TableModel } from './snapshot.js'

/**
 * The name of the index a column's `index: true` flag creates: SQLAlchemy's default naming
 * convention, `ix_<table>_<column>`, with the schema in front when there is one
 * (`ix_<schema>_<table>_<column>`, catalog §1.9). Dialects use it to name the index they emit.
 * @example
 * columnIndexName('account', 'email') // => 'ix_account_email'
 */
export function columnIndexName(tableName: string, columnName: string, schema?: string): string {
  return schema === undefined ? `ix_${tableName}_${columnName}` : `ix_${schema}_${tableName}_${columnName}`
}

/**
 * The column itself, without the table-level items its flags imply. `nullable` is stated: a
 * column is nullable unless it says otherwise, has `primaryKey`, or is an identity column
 * (PostgreSQL makes identity columns NOT NULL); a column in the table's primary key
 * (`inPrimaryKey`) is NOT NULL whatever it says.
 * @example
 * columnModelOf({ name: 'id', type: 'integer', primaryKey: true }, true) // => { name: 'id', type: 'integer', nullable: false }
 */
export function columnModelOf(column: Column, inPrimaryKey: boolean): ColumnModel {
  const nullable = column.nullable
  // Differs by engine: PostgreSQL makes primary-key and identity columns NOT NULL whatever the
  // column says; the model follows it.
  // A `primaryKey` column outside the key (an added column without `inlinePrimaryKey`) is still
  // NOT NULL, as in Alembic (catalog §1.1).
  const notNull = inPrimaryKey || (nullable === undefined && (column.primaryKey === true || column.identity !== undefined))
  // Copied key by key, not as `{ ...rest, nullable }`: in Node 20 an object made by a spread
  // followed by a property gets a hidden class of its own once frozen, and every read from a
  // model of a thousand such columns then misses V8's inline caches.
  const model: Record<string, unknown> = {}
  for (const key of Object.keys(column)) {
    if (!COLUMN_CONSTRAINT_FLAGS.has(key)) model[key] = (column as unknown as Record<string, unknown>)[key]
  }
  model['nullable'] = notNull ? false : (nullable ?? true)
  return model as unknown as ColumnModel
}

// The column fields the model keeps as constraints and indexes, and `nullable`, which it restates last.
const COLUMN_CONSTRAINT_FLAGS: ReadonlySet<string> = new Set(['primaryKey', 'unique', 'index', 'foreignKey', 'check', 'nullable'])

/**
 * What one column brings to its table.
 * @example
 * const n: NormalizedColumn = normalizeColumn('t', { name: 'a', type: 'text', unique: true }, undefined)
 * n.constraints // => [{ type: 'unique', columns: ['a'] }]
 */
export interface NormalizedColumn {
  readonly column: ColumnModel
  /** The column has `primaryKey: true`. */
  readonly primaryKey: boolean
  /** Implied by its flags, in this order: `unique`, `foreignKey`, `check`. */
  readonly constraints: readonly ConstraintModel[]
  /** Implied by `index: true`. */
  readonly index?: IndexModel
}

/**
 * Splits a column into its {@link ColumnModel} and the table-level items its flags imply:
 * `unique` → an unnamed UNIQUE constraint, `foreignKey` → a FOREIGN KEY constraint (named by
 * `foreignKey.name`), `check` → a CHECK constraint, `index` → the index
 * {@link columnIndexName}. As in SQLAlchemy, `unique` together with `index` gives one unique
 * index and no UNIQUE constraint (catalog §1.1). `primaryKey` is reported, not turned into a
 * constraint: the table merges every primary-key column into one key.
 * @example
 * normalizeColumn('post', { name: 'author_id', type: 'integer', index: true, foreignKey: { referentTable: 'account', remoteCol: 'id' } }, undefined)
 * // => {
 * //   column: { name: 'author_id', type: 'integer', nullable: true },
 * //   primaryKey: false,
 * //   constraints: [{ type: 'foreignKey', localCols: ['author_id'], referentTable: 'account', remoteCols: ['id'] }],
 * //   index: { name: 'ix_post_author_id', columns: ['author_id'] },
 * // }
 */
export function normalizeColumn(tableName: string, column: Column, schema: string | undefined, inPrimaryKey = column.primaryKey === true): NormalizedColumn {
  const constraints: ConstraintModel[] = []
  const withIndex = column.index === true
  if (column.unique === true && !withIndex) constraints.push({ type: 'unique', columns: [column.name] })
  const fk = column.foreignKey
  if (fk !== undefined) {
    const { referentTable, remoteCol, name, ...options } = fk
    constraints.push({
      type: 'foreignKey',
      ...(name === undefined ? {} : { name }),
      localCols: [column.name],
      referentTable,
      remoteCols: [remoteCol],
      ...options,
    })
  }
  const check = column.check
  if (check !== undefined) {
    constraints.push({ type: 'check', ...(check.name === undefined ? {} : { name: check.name }), condition: check.condition })
  }
  const index: IndexModel | undefined = withIndex
    ? { name: columnIndexName(tableName, column.name, schema), columns: [column.name], ...(column.unique === true ? { unique: true } : {}) }
    : undefined
  return {
    column: columnModelOf(column, inPrimaryKey),
    primaryKey: column.primaryKey === true,
    constraints,
    ...(index === undefined ? {} : { index }),
  }
}

function indexModelOfItem(item: TableIndex): IndexModel {
  const { type: _type, ...index } = item
  return index
}

/** @internal The dialect table options of a definition, or undefined when it has none. */
export function tableOptionsOf(def: TableDefinition): TableOptions | undefined {
  const { columns: _columns, constraints: _constraints, comment: _comment, prefixes: _prefixes, ...options } = def
  return Object.keys(options).length === 0 ? undefined : options
}

/**
 * The model of a table created from `def`. Order, deterministic:
 * - constraints: the primary key first (the explicit one, or the `primaryKey` columns merged in
 *   column order), then the other explicit constraints in the order given, then the ones implied
 *   by column flags, column by column (for one column: unique, foreign key, check) — SQLAlchemy's
 *   creation order (catalog §0.8), with the key first as CREATE TABLE writes it;
 * - indexes: the explicit `{ type: 'index' }` items in the order given, then the column `index`
 *   flags column by column.
 * @example
 * normalizeTable('account', undefined, { columns: [{ name: 'id', type: 'integer', primaryKey: true }] })
 * // => { name: 'account', columns: [{ name: 'id', type: 'integer', nullable: false }], constraints: [{ type: 'primaryKey', columns: ['id'] }], indexes: [] }
 */
export function normalizeTable(tableName: string, schema: string | undefined, def: TableDefinition): TableModel {
  const items = def.constraints ?? []
  const explicitPk = items.find((c) => c.type === 'primaryKey')
  const pkColumns = explicitPk?.type === 'primaryKey' ? explicitPk.columns : def.columns.filter((c) => c.primaryKey === true).map((c) => c.name)
  const normalized = def.columns.map((c) => normalizeColumn(tableName, c, schema, pkColumns.includes(c.name)))
  const constraints: ConstraintModel[] = []
  if (explicitPk?.type === 'primaryKey') constraints.push({ ...explicitPk })
  else if (pkColumns.length > 0) constraints.push({ type: 'primaryKey', columns: pkColumns })
  const indexes: IndexModel[] = []
  for (const item of items) {
    if (item.type === 'index') indexes.push(indexModelOfItem(item))
    else if (item.type !== 'primaryKey') constraints.push({ ...item })
  }
  for (const n of normalized) {
    constraints.push(...n.constraints)
    if (n.index !== undefined) indexes.push(n.index)
  }
  const options = tableOptionsOf(def)
  return {
    name: tableName,
    ...(schema === undefined ? {} : { schema }),
    columns: normalized.map((n) => n.column),
    constraints,
    indexes,
    ...(def.comment === undefined ? {} : { comment: def.comment }),
    ...(def.prefixes === undefined ? {} : { prefixes: def.prefixes }),
    ...(options === undefined ? {} : { options }),
  }
}

/**
 * The table a `createTable` creates, as the model keeps it (Alembic's `CreateTableOp.to_table`).
 * Order as in {@link normalizeTable}.
 * @example
 * tableModelOf(createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }))
 * // => { name: 'account', columns: [{ name: 'id', type: 'integer', nullable: false }], constraints: [{ type: 'primaryKey', columns: ['id'] }], indexes: [] }
 */
export function tableModelOf(op: CreateTableOp): TableModel {
  const { kind: _kind, tableName, schema, ifNotExists: _ifNotExists, info: _info, ...def } = op
  return normalizeTable(tableName, schema, def)
}
