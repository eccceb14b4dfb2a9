import { columnList, constraintPrefix } from '@athanor/dialect-kit'
import {
  UnsupportedOperationError, type ConstraintDefinition, type Deferrability, type ForeignKeyDefinition, type ForeignKeyOptions, type IndexColumn, type IndexDefinition,
} from '@athanor/ir'
import { mssqlQuote as q } from './quote.js'

function refuse(path: string, message: string): never {
  throw new UnsupportedOperationError({ engine: 'mssql', path, message: `mssql: ${message}` })
}

const keywordOf = (value: string): string => value.trim().replace(/\s+/g, ' ').toUpperCase()

// SQL Server's referential actions; RESTRICT and PostgreSQL's `SET NULL (cols)` are not among them.
const ACTIONS = new Set(['NO ACTION', 'CASCADE', 'SET NULL', 'SET DEFAULT'])

/** Refuses `DEFERRABLE` / `INITIALLY`: SQL Server checks every constraint at once. `path` is empty or ends with `.`. */
export function checkNotDeferrable(c: Deferrability, path: string): void {
  if (c.deferrable !== undefined) refuse(`${path}deferrable`, 'constraints are not deferrable; remove deferrable')
  if (c.initially !== undefined) refuse(`${path}initially`, 'constraints are not deferrable; remove initially')
}

/**
 * ` ON DELETE a ON UPDATE a` of a foreign key, written as given. Refuses `MATCH`, deferrability
 * and the actions SQL Server lacks (`RESTRICT`; use `NO ACTION`).
 */
export function foreignKeyTail(fk: ForeignKeyOptions, path: string): string {
  if (fk.match !== undefined) refuse(`${path}match`, 'foreign keys have no MATCH clause; remove match')
  checkNotDeferrable(fk, path)
  return actionClause(fk.onDelete, 'onDelete', 'ON DELETE', path) + actionClause(fk.onUpdate, 'onUpdate', 'ON UPDATE', path)
}

/** ` ON DELETE a` (or UPDATE) as written, or nothing without an action. */
function actionClause(action: string | undefined, field: string, words: string, path: string): string {
  if (action === undefined) return ''
  // An action already written as its keyword (`CASCADE`) needs no normalizing.
  if (!ACTIONS.has(action) && !ACTIONS.has(keywordOf(action))) refuse(`${path}${field}`, `${words} takes NO ACTION, CASCADE, SET NULL or SET DEFAULT; found ${JSON.stringify(action)}`)
  return ` ${words} ${action}`
}

const clustered = (flag: boolean | undefined): string => (flag === true ? 'CLUSTERED ' : flag === false ? 'NONCLUSTERED ' : '')

/**
 * The body of a table constraint: `[CONSTRAINT n] PRIMARY KEY [CLUSTERED|NONCLUSTERED] (…)`,
 * `UNIQUE [CLUSTERED|NONCLUSTERED] (…)`, `FOREIGN KEY(…) REFERENCES t (…) [ON DELETE …]
 * [ON UPDATE …]`, `CHECK (…)`. Other dialects' options (`postgresqlInclude`, `sqliteOnConflict`,
 * …) are not SQL Server's and are not written. `path` (empty, or ending with `.`) prefixes the
 * field paths of errors.
 */
export function constraintSql(c: ConstraintDefinition, name: string | undefined, path = ''): string {
  if (c.type === 'foreignKey') return foreignKeySql(c, name, path)
  const prefix = constraintPrefix(q, name)
  switch (c.type) {
    case 'primaryKey':
      return `${prefix}PRIMARY KEY ${clustered(c.mssqlClustered)}(${columnList(q, c.columns)})`
    case 'unique':
      checkNotDeferrable(c, path)
      return `${prefix}UNIQUE ${clustered(c.mssqlClustered)}(${columnList(q, c.columns)})`
    case 'check':
      checkNotDeferrable(c, path)
      return `${prefix}CHECK (${c.condition})`
  }
}

/**
 * `[CONSTRAINT n] FOREIGN KEY(…) REFERENCES t (…) [ON DELETE …] [ON UPDATE …]`: takes the fields
 * of a foreign key, so that a `createForeignKey` op is passed as it is. `path` as for {@link constraintSql}.
 */
export function foreignKeySql(fk: Omit<ForeignKeyDefinition, 'type'>, name: string | undefined, path = ''): string {
  return `${constraintPrefix(q, name)}FOREIGN KEY(${columnList(q, fk.localCols)}) REFERENCES ${q.qualified(fk.referentTable, fk.referentSchema)} (${columnList(q, fk.remoteCols)})${foreignKeyTail(fk, path)}`
}

// A column name, bare or in brackets, optionally sorted: what an index key may hold. SQL Server
// indexes no expressions (index a computed column instead).
const SORTED_COLUMN = /^\s*(?:\[(?:[^\]]|\]\])+\]|[A-Za-z_][A-Za-z0-9_@$#]*)(?:\s+(?:ASC|DESC))?\s*$/i

/** Column `i` of an index; `path` is the index's (empty, or ending with `.`). */
function indexColumn(c: IndexColumn, path: string, i: number): string {
  if (typeof c === 'string') return q.ident(c)
  if (!SORTED_COLUMN.test(c.sql)) refuse(`${path}columns[${i}]`, `indexes hold columns, not expressions (${JSON.stringify(c.sql)}); index a computed column instead`)
  return c.sql.trim()
}

// Shared, not built per call: `index.quote` asks for the name to be quoted whatever it is.
const FORCE = { force: true } as const

/**
 * `CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] INDEX name ON [schema.]table (cols) [INCLUDE (…)]
 * [WHERE …]` (catalog §2.5). A `{ sql }` column may only be a column with `ASC`/`DESC`.
 * `path` (empty, or ending with `.`) prefixes the field paths of errors.
 */
export function createIndexSql(
  index: IndexDefinition,
  names: { readonly indexName: string; readonly tableName: string; readonly schema?: string | undefined },
  path = '',
): string {
  let cols = ''
  for (let i = 0; i < index.columns.length; i++) cols += (i === 0 ? '' : ', ') + indexColumn(index.columns[i] as IndexColumn, path, i)
  let out = `CREATE ${index.unique === true ? 'UNIQUE ' : ''}${clustered(index.mssqlClustered)}INDEX ${q.ident(names.indexName, index.quote === true ? FORCE : undefined)}`
  out += ` ON ${q.qualified(names.tableName, names.schema)} (${cols})`
  if (index.mssqlInclude !== undefined) out += ` INCLUDE (${columnList(q, index.mssqlInclude)})`
  if (index.mssqlWhere !== undefined) out += ` WHERE ${index.mssqlWhere}`
  return out
}
