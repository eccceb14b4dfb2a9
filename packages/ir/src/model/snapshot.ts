import type { Column } from '../elements/column.js'
import type { ConstraintDefinition } from '../elements/constraint.js'
import type { IndexDefinition } from '../elements/index-definition.js'
import type { TableOptions } from '../elements/table-definition.js'

/**
 * A column as the schema model keeps it: what the database stores about the column itself.
 * Column-level constraints (`primaryKey`, `unique`, `index`, `foreignKey`, `check`) are moved to
 * the table, as an engine would report them, and `nullable` is always stated.
 * @example
 * const id: ColumnModel = { name: 'id', type: 'integer', nullable: false }
 */
export type ColumnModel = Omit<Column, 'primaryKey' | 'unique' | 'index' | 'foreignKey' | 'check' | 'nullable'> & {
  readonly nullable: boolean
}

/**
 * A constraint of a table in the model; unnamed ones are named by the engine (and so cannot be
 * dropped by name through the model).
 * @example
 * const pk: ConstraintModel = { type: 'primaryKey', columns: ['id'] }
 */
export type ConstraintModel = ConstraintDefinition & { readonly name?: string }

/**
 * An index of a table in the model.
 * @example
 * const ix: IndexModel = { name: 'ix_account_email', columns: ['email'], unique: true }
 */
export type IndexModel = IndexDefinition & { readonly name: string }

/**
 * One table of the model.
 * @example
 * const account: TableModel = {
 *   name: 'account',
 *   columns: [{ name: 'id', type: 'integer', nullable: false }],
 *   constraints: [{ type: 'primaryKey', columns: ['id'] }],
 *   indexes: [],
 * }
 */
export interface TableModel {
  readonly name: string
  readonly schema?: string
  /** In table order. */
  readonly columns: readonly ColumnModel[]
  /**
   * Primary key, unique, foreign key and check constraints: the primary key first, then the
   * others in creation order (see `tableModelOf` for the order within one `createTable`).
   */
  readonly constraints: readonly ConstraintModel[]
  /** In creation order. */
  readonly indexes: readonly IndexModel[]
  readonly comment?: string
  /** Words between CREATE and TABLE (`TEMPORARY`), kept so a table converts back to the same `createTable`. */
  readonly prefixes?: readonly string[]
  /** Dialect table options (`mysqlEngine`, `sqliteStrict`, …); absent when there are none. */
  readonly options?: TableOptions
}

/**
 * A trigger as an engine stores it: its name, the table it fires on, and the full
 * `CREATE TRIGGER` text. Triggers are not created by ops (use `executeSql`); introspectors read
 * them so that a table rebuild can re-create the ones the rebuilt table loses.
 * @example
 * const t: TriggerModel = { name: 'trg_audit', tableName: 'account', sql: 'CREATE TRIGGER trg_audit AFTER INSERT ON account BEGIN SELECT 1; END' }
 */
export interface TriggerModel {
  readonly name: string
  /** The table it fires on. */
  readonly tableName: string
  readonly schema?: string
  /** The whole `CREATE TRIGGER` statement, as stored by the engine. */
  readonly sql: string
}

/**
 * A view as an engine stores it: its name and the full `CREATE VIEW` text. Like triggers, views
 * are not created by ops; introspectors read them so that a table rebuild can re-create them.
 * @example
 * const v: ViewModel = { name: 'active_account', sql: 'CREATE VIEW active_account AS SELECT * FROM account' }
 */
export interface ViewModel {
  readonly name: string
  readonly schema?: string
  /** The whole `CREATE VIEW` statement, as stored by the engine. */
  readonly sql: string
}

/**
 * What a database looks like: its tables. Build one with `emptySnapshot()` and `applyOps`, or
 * read one from a live database with a dialect's introspector.
 * @example
 * const s: SchemaSnapshot = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer' }] })])
 * s.tables.map((t) => t.name) // => ['t']
 */
export interface SchemaSnapshot {
  /** In creation order (engines report tables in no particular order; see `sameSchema`). */
  readonly tables: readonly TableModel[]
  /**
   * Triggers, when known (an introspector fills them; ops never create any). `applyOps` keeps
   * them: `renameTable` moves a table's triggers along, `dropTable` drops them.
   */
  readonly triggers?: readonly TriggerModel[]
  /** Views, when known (an introspector fills them; ops never create any). `applyOps` keeps them as they are. */
  readonly views?: readonly ViewModel[]
}
