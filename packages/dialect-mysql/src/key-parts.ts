import { UnsupportedOperationError, type ColumnType, type IndexDefinition, type TableModel } from '@athanor/ir'
import type { MysqlTarget } from './target.js'

// MySQL indexes a TEXT, BLOB or JSON column only by a prefix (`mysqlLength`) and refuses a key on
// the whole column. MariaDB instead makes a UNIQUE one a hash ("long unique", fine) and silently
// cuts an index to a prefix of its own choosing (768 characters), which the schema model would
// not know. So such a key part is refused unless it has a length (a unique one on MariaDB aside).

const UNBOUNDED_RAW = /^\s*((TINY|MEDIUM|LONG)?(TEXT|BLOB)|JSON)\b/i

/** True for a type MySQL indexes only by a prefix: TEXT, JSON, BLOB (binary without a length), raw TEXT/BLOB types. */
export function needsPrefix(type: ColumnType, flavour = 'mysql'): boolean {
  if (typeof type === 'string') return type === 'text' || type === 'json' || type === 'binary'
  if (type.name === 'text' || type.name === 'json') return true
  if (type.name === 'binary') return type.length === undefined
  if (type.name === 'raw') return UNBOUNDED_RAW.test(type.dialects?.[flavour] ?? type.dialects?.['mysql'] ?? type.sql)
  return false
}

/** True when `column` has a prefix length in `lengths` (`mysqlLength`). */
function hasLength(lengths: IndexDefinition['mysqlLength'], column: string): boolean {
  return typeof lengths === 'number' || (lengths !== undefined && Object.hasOwn(lengths, column))
}

/**
 * True when a key part on `column` of `type` needs a `mysqlLength` it does not have (see
 * {@link checkKeyPart}), so that a caller builds the error path only when it refuses.
 * @example
 * keyPartRefused('body', 'text', undefined, 'index', 'mysql') // => true
 */
export function keyPartRefused(column: string, type: ColumnType | undefined, lengths: IndexDefinition['mysqlLength'], key: 'primaryKey' | 'unique' | 'index', flavour: string): boolean {
  if (type === undefined || !needsPrefix(type, flavour) || hasLength(lengths, column)) return false
  return key !== 'unique' || flavour !== 'mariadb'
}

/**
 * The refusal of a key part that {@link keyPartRefused}, with `UNSUPPORTED_OPERATION` at `path`.
 * @example
 * refuseKeyPart('body', mysqlTarget({ flavour: 'mysql' }, mysqlQuote), 'createIndex', 'columns[0]') // throws { code: 'UNSUPPORTED_OPERATION', path: 'columns[0]' }
 */
export function refuseKeyPart(column: string, target: MysqlTarget, kind: string, path: string): never {
  const what = target.flavour === 'mariadb' ? 'MariaDB would index only a prefix of its own choosing' : 'MySQL indexes it only by a prefix'
  throw new UnsupportedOperationError({ kind, engine: target.name, path, message: `${target.name}: column ${JSON.stringify(column)} is TEXT, BLOB or JSON and ${what}; give mysqlLength, or use a VARCHAR` })
}

/**
 * Refuses a key part on a column of a type MySQL indexes only by a prefix, when it has no
 * `mysqlLength` (a unique one on MariaDB aside), with `UNSUPPORTED_OPERATION` at `path`.
 * @example
 * const target = mysqlTarget({ flavour: 'mysql' }, mysqlQuote)
 * checkKeyPart('body', 'text', undefined, 'index', target, 'createIndex', 'columns[0]') // throws { code: 'UNSUPPORTED_OPERATION', path: 'columns[0]' }
 */
export function checkKeyPart(
  column: string, type: ColumnType | undefined, lengths: IndexDefinition['mysqlLength'], key: 'primaryKey' | 'unique' | 'index', target: MysqlTarget, kind: string, path: string,
): void {
  if (keyPartRefused(column, type, lengths, key, target.flavour)) refuseKeyPart(column, target, kind, path)
}

/**
 * Refuses the keys and indexes of `table` that a type change of `column` to `type` would leave on
 * a column MySQL indexes only by a prefix (see {@link checkKeyPart}); `path` is the op's `type`.
 */
export function checkKeysOfColumn(table: TableModel, column: string, type: ColumnType, target: MysqlTarget, kind: string, path: string): void {
  for (const c of table.constraints) {
    if ((c.type === 'primaryKey' || c.type === 'unique') && c.columns.includes(column)) checkKeyPart(column, type, undefined, c.type, target, kind, path)
  }
  for (const ix of table.indexes) {
    if (ix.columns.includes(column)) checkKeyPart(column, type, ix.mysqlLength, ix.unique === true ? 'unique' : 'index', target, kind, path)
  }
}
