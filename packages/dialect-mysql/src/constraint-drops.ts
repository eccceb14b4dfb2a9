import type { ConstraintModel, TableModel } from '@athanor/ir'
import { supports, type MysqlTarget } from './target.js'

/**
 * `DROP CHECK n` on MySQL, `DROP CONSTRAINT [IF EXISTS] n` on MariaDB, which has no DROP CHECK
 * (catalog §2.3).
 * @example
 * dropCheckClause('ck_a', false, mariadbTarget) // 'DROP CONSTRAINT ck_a'
 */
export function dropCheckClause(name: string, ifExists: boolean, target: MysqlTarget): string {
  const n = target.quote.ident(name)
  return target.flavour === 'mariadb' ? `DROP CONSTRAINT ${ifExists ? 'IF EXISTS ' : ''}${n}` : `DROP CHECK ${n}`
}

const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/** True when a key or index of the model starts with `columns`, in order: InnoDB uses it for a foreign key on them. */
export function coversColumns(table: Pick<TableModel, 'constraints' | 'indexes'>, columns: readonly string[]): boolean {
  const leads = (list: readonly unknown[]): boolean => sameList(list.slice(0, columns.length), columns)
  return (
    table.constraints.some((c) => (c.type === 'primaryKey' || c.type === 'unique') && leads(c.columns)) ||
    table.indexes.some((ix) => leads(ix.columns))
  )
}

/**
 * The index InnoDB made for a foreign key, which stays when the key is dropped, if the model says
 * there is one: InnoDB adds an index named after the key when no key or index of the table starts
 * with its columns, and drops it by itself once one does. When other foreign keys on the same
 * columns still use the index it stays (undefined here).
 *
 * MariaDB renames that index after the last foreign key added on those columns; so once such a
 * key was dropped before the others, the name is no longer known and may differ (MariaDB: the
 * drop then uses IF EXISTS and leaves the index).
 * @example
 * implicitForeignKeyIndex(table, 'fk_post_author') // 'fk_post_author'
 */
export function implicitForeignKeyIndex(table: TableModel, name: string): string | undefined {
  const fk = table.constraints.find((c): c is Extract<ConstraintModel, { type: 'foreignKey' }> => c.type === 'foreignKey' && c.name === name)
  if (fk === undefined || coversColumns(table, fk.localCols)) return undefined
  const sharing = table.constraints.filter((c) => c !== fk && c.type === 'foreignKey' && sameList(c.localCols, fk.localCols))
  return sharing.length === 0 ? name : undefined
}

/** `DROP INDEX [IF EXISTS] n` of the index a dropped foreign key leaves (see {@link implicitForeignKeyIndex}). */
export function dropImplicitIndexClause(index: string, target: MysqlTarget): string {
  return `DROP INDEX ${supports(target, 'indexIfExists') ? 'IF EXISTS ' : ''}${target.quote.ident(index)}`
}
