import type { Column, ColumnCheck, ColumnForeignKey } from '../elements/column.js'
import type { TableConstraint } from '../elements/constraint.js'
import type { TableDefinition } from '../elements/table-definition.js'
import { ModelMismatchError } from '../errors.js'
import { addColumn, type AddColumnOp } from '../ops/add-column.js'
import { createTable, type CreateTableOp } from '../ops/create-table.js'
import { dropColumn, type DropColumnOp } from '../ops/drop-column.js'
import { columnIndexName } from './normalize.js'
import type { ColumnModel, IndexModel, TableModel } from './snapshot.js'
import { sqlMentions } from './sql-identifiers.js'

// Alembic's from_table / to_table and from_column / to_column (catalog §1.15), between the
// model's tables and columns and the ops that create and drop them. `tableModelOf` (the other
// way) lives with the normalization in normalize.ts.

function onlyKeys(value: object, allowed: readonly string[]): boolean {
  return Object.keys(value).every((k) => allowed.includes(k))
}

function columnFromModel(col: ColumnModel): Column {
  return { ...col }
}

/**
 * The definition of a model table (Alembic's `CreateTableOp.from_table`), in one regular
 * spelling: the columns as the model keeps them (`nullable` stated, no constraint flags), then as
 * table-level items every constraint (primary key first) and every index, in model order.
 * Feeding it back to `createTable` gives the same model, and a definition already in this
 * spelling comes back unchanged: `tableDefinitionOf(normalizeTable(name, schema, def))` deep-equals
 * `def` (which is what makes `reverse(reverse(batch))` give back a batch's `copyFrom`).
 * @example
 * tableDefinitionOf({ name: 't', columns: [{ name: 'id', type: 'integer', nullable: false }], constraints: [{ type: 'primaryKey', columns: ['id'] }], indexes: [] })
 * // => { columns: [{ name: 'id', type: 'integer', nullable: false }], constraints: [{ type: 'primaryKey', columns: ['id'] }] }
 */
export function tableDefinitionOf(table: TableModel): TableDefinition {
  const constraints: TableConstraint[] = [
    ...table.constraints.map((c) => ({ ...c })),
    ...table.indexes.map((ix): TableConstraint => ({ type: 'index', ...ix })),
  ]
  return {
    columns: table.columns.map(columnFromModel),
    ...(constraints.length === 0 ? {} : { constraints }),
    ...(table.comment === undefined ? {} : { comment: table.comment }),
    ...(table.prefixes === undefined ? {} : { prefixes: table.prefixes }),
    ...table.options,
  }
}

/**
 * The `createTable` that creates a model table (Alembic's `CreateTableOp.from_table`).
 * `tableModelOf(createTableOf(t))` deep-equals `t`.
 * @example
 * const account: TableModel = { name: 'account', columns: [{ name: 'id', type: 'integer', nullable: false }], constraints: [], indexes: [] }
 * createTableOf(account) // => createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer', nullable: false }] })
 */
export function createTableOf(table: TableModel): CreateTableOp {
  return createTable({ tableName: table.name, ...(table.schema === undefined ? {} : { schema: table.schema }), ...tableDefinitionOf(table) })
}

const FK_KEYS = ['type', 'name', 'localCols', 'referentTable', 'remoteCols', 'referentSchema', 'onDelete', 'onUpdate', 'deferrable', 'initially', 'match', 'postgresqlNotValid']

function foreignKeyFlag(table: TableModel, name: string): ColumnForeignKey | undefined {
  for (const c of table.constraints) {
    if (c.type !== 'foreignKey' || c.localCols.length !== 1 || c.localCols[0] !== name || !onlyKeys(c, FK_KEYS)) continue
    const { type: _type, localCols: _local, remoteCols, ...rest } = c
    const remoteCol = remoteCols[0]
    if (remoteCol !== undefined) return { ...rest, remoteCol }
  }
  return undefined
}

function checkFlag(table: TableModel, name: string): ColumnCheck | undefined {
  const others = table.columns.filter((c) => c.name !== name).map((c) => c.name)
  for (const c of table.constraints) {
    if (c.type !== 'check' || !onlyKeys(c, ['type', 'name', 'condition'])) continue
    if (sqlMentions(c.condition, name) && !others.some((o) => sqlMentions(c.condition, o))) {
      return { condition: c.condition, ...(c.name === undefined ? {} : { name: c.name }) }
    }
  }
  return undefined
}

function indexFlag(table: TableModel, name: string): IndexModel | undefined {
  const ixName = columnIndexName(table.name, name, table.schema)
  return table.indexes.find((ix) => ix.name === ixName && ix.columns.length === 1 && ix.columns[0] === name && onlyKeys(ix, ['name', 'columns', 'unique']))
}

/**
 * A column of a model table as `addColumn` takes it, with back on it what belongs to it alone:
 * `primaryKey` when the primary key is this column alone (named or not); `unique` for an
 * unnamed UNIQUE on it alone; `index` for its `ix_<table>_<column>` index; `foreignKey` for a
 * foreign key from it alone to one column; `check` for a CHECK that mentions it and no other
 * column. These are what PostgreSQL drops with the column, so a `dropColumn` carrying this column
 * reverses to an `addColumn` that brings them back. A constraint name, or an option a column
 * flag cannot say, is not carried. Throws `ModelMismatchError` (path `columnName`) when the
 * table has no such column.
 * @example
 * const s = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }] })])
 * columnOf(s.tables[0]!, 'id') // => { name: 'id', type: 'integer', nullable: false, primaryKey: true }
 */
export function columnOf(table: TableModel, columnName: string): Column {
  const col = table.columns.find((c) => c.name === columnName)
  if (col === undefined) {
    throw new ModelMismatchError({ path: 'columnName', message: `column ${JSON.stringify(columnName)} not found in table ${JSON.stringify(table.name)}; expected an existing column` })
  }
  const pk = table.constraints.find((c) => c.type === 'primaryKey')
  const primaryKey = pk?.type === 'primaryKey' && pk.columns.length === 1 && pk.columns[0] === columnName
  const unique = table.constraints.some((c) => c.type === 'unique' && c.name === undefined && c.columns.length === 1 && c.columns[0] === columnName && onlyKeys(c, ['type', 'columns']))
  const ix = indexFlag(table, columnName)
  // `unique` with `index` means one unique index (and no UNIQUE constraint): a plain index flag
  // does not fit next to a UNIQUE constraint.
  const index = ix !== undefined && !(unique && ix.unique !== true)
  const foreignKey = foreignKeyFlag(table, columnName)
  const check = checkFlag(table, columnName)
  // Spread from the frozen model column itself, not from a fresh copy of it: V8 gives a copy of a
  // fresh object a map of its own once frozen, and compilers reading columns of a thousand maps
  // miss their inline caches (dropColumn on SQL Server compiled 3× slower).
  return {
    ...col,
    ...(primaryKey ? { primaryKey: true } : {}),
    ...(unique || (index && ix?.unique === true) ? { unique: true } : {}),
    ...(index ? { index: true } : {}),
    ...(foreignKey === undefined ? {} : { foreignKey }),
    ...(check === undefined ? {} : { check }),
  }
}

/**
 * The `addColumn` that adds `column` (Alembic's `AddColumnOp.from_column_and_tablename`). A
 * `primaryKey` column gets `inlinePrimaryKey`, so that it becomes the table's key.
 * @example
 * addColumnOf('account', { name: 'nickname', type: 'text' }) // => addColumn({ tableName: 'account', column: { name: 'nickname', type: 'text' } })
 */
export function addColumnOf(tableName: string, column: Column, schema?: string): AddColumnOp {
  return addColumn({
    tableName,
    column,
    ...(schema === undefined ? {} : { schema }),
    ...(column.primaryKey === true ? { inlinePrimaryKey: true } : {}),
  })
}

/**
 * The `dropColumn` that drops `column`, carrying it so that it can be reversed (Alembic's
 * `DropColumnOp.from_column_and_tablename`); a `primaryKey` column also gets `inlinePrimaryKey`
 * so that the reverse makes it the key again.
 * @example
 * dropColumnOf('account', { name: 'nickname', type: 'text' })
 * // => dropColumn({ tableName: 'account', columnName: 'nickname', column: { name: 'nickname', type: 'text' } })
 */
export function dropColumnOf(tableName: string, column: Column, schema?: string): DropColumnOp {
  return dropColumn({
    tableName,
    columnName: column.name,
    ...(schema === undefined ? {} : { schema }),
    column,
    ...(column.primaryKey === true ? { inlinePrimaryKey: true } : {}),
  })
}
