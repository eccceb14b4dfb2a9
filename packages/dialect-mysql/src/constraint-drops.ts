import type { ConstraintModel, TableModel } from '@athanor/ir'
import { supports, type MysqlTarget } from './target.js'

/**
 * `DROP CHECK n` on MySQL, `DROP CONSTRAINT [IF EXISTS] n` on MariaDB, which has no DROP CHECK
 * (catalog §2.3).
 * @example
 * dropCheckClause('ck_a', false, mysqlTarget({ flavour: 'mariadb' }, mariadbQuote)) // => 'DROP CONSTRAINT ck_a'
 * dropCheckClause('ck_a', false, mysqlTarget({ flavour: 'mysql' }, mysqlQuote)) // => 'DROP CHECK ck_a'
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

type ForeignKey = Extract<ConstraintModel, { type: 'foreignKey' }>

const isForeignKey = (c: ConstraintModel): c is ForeignKey => c.type === 'foreignKey'

/**
 * What to do with the index InnoDB made for a foreign key when the key is dropped, as a clause,
 * if the model says there may be one. InnoDB adds an index named after the key when no key or
 * index of the table starts with its columns, and drops it by itself once one does; this dialect
 * also adds one in place of an index a foreign key still needs (see {@link indexesForForeignKeys}),
 * which stays. So:
 * - `DROP INDEX n` when nothing covers the key's columns, and on MariaDB `DROP INDEX IF EXISTS n`
 *   when something does (the index may or may not be there);
 * - nothing while another foreign key still needs the index, or when the model has an index or
 *   unique constraint of that name; except that MariaDB names InnoDB's index after the last key
 *   added on the same columns, so dropping that key while older ones remain gives
 *   `RENAME INDEX n TO m`, m the newest remaining one, which later drops find by its name.
 * @example
 * import type { TableModel } from '@athanor/ir'
 * const post: TableModel = {
 *   name: 'post', columns: [{ name: 'author_id', type: 'integer', nullable: true }], indexes: [],
 *   constraints: [{ type: 'foreignKey', name: 'fk_post_author', localCols: ['author_id'], referentTable: 'account', remoteCols: ['id'], onDelete: 'CASCADE' }],
 * }
 * implicitIndexClause(post, 'fk_post_author', mysqlTarget({ flavour: 'mariadb' }, mariadbQuote)) // => 'DROP INDEX IF EXISTS fk_post_author'
 */
export function implicitIndexClause(table: TableModel, name: string, target: MysqlTarget): string | undefined {
  const fk = table.constraints.find((c): c is ForeignKey => isForeignKey(c) && c.name === name)
  if (fk === undefined) return undefined
  if (table.indexes.some((ix) => ix.name === name) || table.constraints.some((c) => c !== fk && c.name === name)) return undefined
  const keys = table.constraints.filter(isForeignKey)
  const needing = keys.filter((c) => c !== fk && sameList(fk.localCols.slice(0, c.localCols.length), c.localCols) && !coversColumns(table, c.localCols))
  if (needing.length > 0) {
    const same = keys.filter((c) => sameList(c.localCols, fk.localCols))
    const newest = same[same.length - 1]
    const next = same[same.length - 2]
    if (target.flavour !== 'mariadb' || newest !== fk || next?.name === undefined || coversColumns(table, fk.localCols)) return undefined
    return `RENAME INDEX ${target.quote.ident(name)} TO ${target.quote.ident(next.name)}`
  }
  if (!coversColumns(table, fk.localCols)) return dropImplicitIndexClause(name, target)
  return supports(target, 'indexIfExists') ? dropImplicitIndexClause(name, target) : undefined
}

/** `DROP INDEX [IF EXISTS] n` of the index a dropped foreign key leaves (see {@link implicitIndexClause}). */
export function dropImplicitIndexClause(index: string, target: MysqlTarget): string {
  return `DROP INDEX ${supports(target, 'indexIfExists') ? 'IF EXISTS ' : ''}${target.quote.ident(index)}`
}

/**
 * `ADD INDEX fk (cols)` clauses that keep the table's foreign keys indexed when an index or key
 * is dropped (`before` the table with it, `after` without it): InnoDB refuses to drop the last
 * index a foreign key can use ("needed in a foreign key constraint"). Each key the dropped item
 * covered and nothing else does gets an index named after it (unnamed for an unnamed key), as
 * the one InnoDB makes, so that introspection and a later drop of the key treat it the same way.
 * @example
 * import type { TableModel } from '@athanor/ir'
 * const post: TableModel = {
 *   name: 'post', columns: [{ name: 'author_id', type: 'integer', nullable: true }], indexes: [],
 *   constraints: [{ type: 'foreignKey', name: 'fk_post_author', localCols: ['author_id'], referentTable: 'account', remoteCols: ['id'], onDelete: 'CASCADE' }],
 * }
 * const withIndex: TableModel = { ...post, indexes: [{ name: 'ix_post_author_id', columns: ['author_id'] }] }
 * indexesForForeignKeys(withIndex, post, mysqlTarget({ flavour: 'mysql' }, mysqlQuote)) // => ['ADD INDEX fk_post_author (author_id)']
 */
export function indexesForForeignKeys(before: TableModel, after: TableModel, target: MysqlTarget): string[] {
  const q = target.quote
  const out: string[] = []
  const done: string[][] = []
  for (const fk of after.constraints.filter(isForeignKey)) {
    if (!coversColumns(before, fk.localCols) || coversColumns(after, fk.localCols)) continue
    if (done.some((cols) => sameList(cols.slice(0, fk.localCols.length), fk.localCols))) continue
    done.push([...fk.localCols])
    out.push(`ADD INDEX ${fk.name === undefined ? '' : `${q.ident(fk.name)} `}(${fk.localCols.map((c) => q.ident(c)).join(', ')})`)
  }
  return out
}
