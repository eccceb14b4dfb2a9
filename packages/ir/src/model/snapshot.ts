import type { Column } from '../elements/column.js'
import type { ConstraintDefinition } from '../elements/constraint.js'
import type { IndexDefinition } from '../elements/index-definition.js'
import type { TableOptions } from '../elements/table-definition.js'

/**
 * A column as the schema model keeps it: what the database stores about the column itself.
 * Column-level constraints (`primaryKey`, `unique`, `index`, `foreignKey`, `check`) are moved to
 * the table, as an engine would report them, and `nullable` is always stated.
 */
export type ColumnModel = Omit<Column, 'primaryKey' | 'unique' | 'index' | 'foreignKey' | 'check' | 'nullable'> & {
  readonly nullable: boolean
}

/** A constraint of a table in the model; unnamed ones are named by the engine. */
export type ConstraintModel = ConstraintDefinition & { readonly name?: string }

/** An index of a table in the model. */
export type IndexModel = IndexDefinition & { readonly name: string }

/** One table of the model. */
export interface TableModel {
  readonly name: string
  readonly schema?: string
  /** In table order. */
  readonly columns: readonly ColumnModel[]
  /** Primary key, unique, foreign key and check constraints, in creation order. */
  readonly constraints: readonly ConstraintModel[]
  readonly indexes: readonly IndexModel[]
  readonly comment?: string
  readonly options?: TableOptions
}

/**
 * What a database looks like: its tables. Build one with `emptySnapshot()` and `applyOps`, or
 * read one from a live database with a dialect's introspector.
 */
export interface SchemaSnapshot {
  readonly tables: readonly TableModel[]
}
