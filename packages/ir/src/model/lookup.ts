import { current, isDraft, type Draft } from 'immer'
import { ModelMismatchError } from '../errors.js'
import type { SchemaSnapshot, TableModel } from './snapshot.js'

/**
 * The table named `tableName` in `schema` (absent: the default schema), or undefined. A table
 * without a schema and one in an explicit schema are different tables, even when the engine's
 * default schema has that name.
 * @example
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }, { name: 'email', type: 'text' }] })])
 * findTable(snapshot, 'account')?.columns.map((c) => c.name) // => ['id', 'email']
 */
export function findTable(snapshot: SchemaSnapshot, tableName: string, schema?: string): TableModel | undefined {
  return snapshot.tables.find((t) => t.name === tableName && t.schema === schema)
}

/** @internal The position of a table in a list of tables (or drafts of them), -1 when absent. */
export function tablePosition(tables: readonly { readonly name: string; readonly schema?: string }[], tableName: string, schema: string | undefined): number {
  return tables.findIndex((t) => t.name === tableName && t.schema === schema)
}

/** @internal `"schema.table"` or `"table"`, for messages. */
export function tableLabel(tableName: string, schema: string | undefined): string {
  return JSON.stringify(schema === undefined ? tableName : `${schema}.${tableName}`)
}

/** @internal Throws the {@link ModelMismatchError} of an op that does not fit the model. */
export function refuse(kind: string, path: string, message: string): never {
  throw new ModelMismatchError({ kind, path, message: `${kind}: ${message}` })
}

/**
 * @internal The tables of a draft as plain values, for searching. Reading `draft.tables` item by
 * item makes a draft (a proxy) of every table it passes, and finishing the change then visits
 * each of them: a lookup in a 1,000-table schema cost milliseconds. Search here, then take the
 * draft of the one table to change (`draft.tables[i]`).
 */
export function readTables(draft: Draft<SchemaSnapshot>): readonly TableModel[] {
  const tables = draft.tables
  return isDraft(tables) ? (current(tables) as readonly TableModel[]) : (tables as readonly TableModel[])
}

/** @internal The draft of an existing table; refuses with `path` when it is missing. */
export function requireTable(draft: Draft<SchemaSnapshot>, kind: string, tableName: string, schema: string | undefined, path: string): Draft<TableModel> {
  const table = draft.tables[tablePosition(readTables(draft), tableName, schema)]
  if (table === undefined) refuse(kind, path, `table ${tableLabel(tableName, schema)} not found; expected an existing table`)
  return table
}

/** @internal The position of a column in its table, -1 when absent. */
export function columnPosition(table: { readonly columns: readonly { readonly name: string }[] }, columnName: string): number {
  return table.columns.findIndex((c) => c.name === columnName)
}

/**
 * @internal Runs `fn`; a {@link ModelMismatchError} it throws is thrown again with `prefix` in
 * front of its path (`[3]` + `columnName` → `[3].columnName`), the original as `cause`.
 */
export function withPathPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (!(e instanceof ModelMismatchError)) throw e
    const inner = e.path ?? ''
    const path = inner === '' ? prefix : inner.startsWith('[') ? `${prefix}${inner}` : `${prefix}.${inner}`
    throw new ModelMismatchError({ ...(e.kind === undefined ? {} : { kind: e.kind }), path, message: e.message, cause: e })
  }
}

/**
 * @internal Types a value for a draft. Values put into a draft are fresh objects at the table,
 * column, constraint and index levels; what they hold (types, column lists) is never mutated in
 * place but replaced, so frozen parts from ops are safe there.
 */
export function draftOf<T>(value: T): Draft<T> {
  return value as Draft<T>
}

/** @internal Removes, in place, the items of `list` that match `test`. */
export function removeWhere<T>(list: T[], test: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i]
    if (item !== undefined && test(item)) list.splice(i, 1)
  }
}
