import { statement, type Statement } from '@athanor/dialect-kit'
import { mssqlQuote as q, mssqlUnicodeLiteral } from './quote.js'

/**
 * Which stored procedure: add, update or drop the `MS_Description` property.
 * @example
 * const action: PropertyAction = 'drop'
 * extendedProperty('exec', action, { schema: 'dbo', tableName: 'account' }).sql
 * // => "exec sp_dropextendedproperty 'MS_Description', 'schema', dbo, 'table', account"
 */
export type PropertyAction = 'add' | 'update' | 'drop'

/**
 * Where a comment lives: a table, or a column of it.
 * @example
 * const target: CommentTarget = { schema: 'sales', tableName: 'order', columnName: 'total' }
 * extendedProperty('execute', 'update', target, 'Total, tax included').sql
 * // => "execute sp_updateextendedproperty 'MS_Description', N'Total, tax included', 'schema', sales, 'table', [order], 'column', total"
 */
export interface CommentTarget {
  /** The schema to name: the op's, else the dialect's `defaultSchema`. */
  readonly schema: string
  readonly tableName: string
  readonly columnName?: string
}

/**
 * A comment as an extended property (catalog §2.5):
 * `exec sp_addextendedproperty 'MS_Description', N'c', 'schema', dbo, 'table', t[, 'column', c]`,
 * `sp_updateextendedproperty` likewise, `sp_dropextendedproperty` without the value. The names are
 * passed as identifiers (`[user]` when quoting is needed), the comment as an `N'…'` literal.
 * `verb` is `exec` (Alembic's own alter_column statements) or `execute` (what SQLAlchemy writes
 * for table comments and the comments of new columns): the reference uses both, and so do we.
 * @example
 * extendedProperty('exec', 'add', { schema: 'dbo', tableName: 't1', columnName: 'c1' }, 'c1 comment').sql
 * // => "exec sp_addextendedproperty 'MS_Description', N'c1 comment', 'schema', dbo, 'table', t1, 'column', c1"
 */
export function extendedProperty(verb: 'exec' | 'execute', action: PropertyAction, target: CommentTarget, comment?: string): Statement {
  const value = action === 'drop' || comment === undefined ? '' : `, ${mssqlUnicodeLiteral(comment)}`
  const column = target.columnName === undefined ? '' : `, 'column', ${q.ident(target.columnName)}`
  return statement(
    `${verb} sp_${action}extendedproperty 'MS_Description'${value}, 'schema', ${q.ident(target.schema)}, 'table', ${q.ident(target.tableName)}${column}`,
  )
}
