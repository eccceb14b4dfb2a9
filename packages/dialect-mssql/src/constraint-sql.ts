import { columnList, constraintPrefix } from '@athanor/dialect-kit'
import {
  UnsupportedOperationError, type ConstraintDefinition, type Deferrability, type ForeignKeyOptions, type IndexColumn, type IndexDefinition,
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
  let out = ''
  for (const [field, words] of [['onDelete', 'ON DELETE'], ['onUpdate', 'ON UPDATE']] as const) {
    const action = fk[field]
    if (action === undefined) continue
    if (!ACTIONS.has(keywordOf(action))) refuse(`${path}${field}`, `${words} takes NO ACTION, CASCADE, SET NULL or SET DEFAULT; found ${JSON.stringify(action)}`)
    out += ` ${words} ${action}`
  }
  return out
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
  const prefix = constraintPrefix(q, name)
  switch (c.type) {
    case 'primaryKey':
      return `${prefix}PRIMARY KEY ${clustered(c.mssqlClustered)}(${columnList(q, c.columns)})`
    case 'unique':
      checkNotDeferrable(c, path)
      return `${prefix}UNIQUE ${clustered(c.mssqlClustered)}(${columnList(q, c.columns)})`
    case 'foreignKey':
      return `${prefix}FOREIGN KEY(${columnList(q, c.localCols)}) REFERENCES ${q.qualified(c.referentTable, c.referentSchema)} (${columnList(q, c.remoteCols)})${foreignKeyTail(c, path)}`
    case 'check':
      checkNotDeferrable(c, path)
      return `${prefix}CHECK (${c.condition})`
  }
}

// A column name, bare or in brackets, optionally sorted: what an index key may hold. SQL Server
// indexes no expressions (index a computed column instead).
const SORTED_COLUMN = /^\s*(?:\[(?:[^\]]|\]\])+\]|[A-Za-z_][A-Za-z0-9_@$#]*)(?:\s+(?:ASC|DESC))?\s*$/i

function indexColumn(c: IndexColumn, path: string): string {
  if (typeof c === 'string') return q.ident(c)
  if (!SORTED_COLUMN.test(c.sql)) refuse(path, `indexes hold columns, not expressions (${JSON.stringify(c.sql)}); index a computed column instead`)
  return c.sql.trim()
}

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
  const cols = index.columns.map((c, i) => indexColumn(c, `${path}columns[${i}]`)).join(', ')
  let out = `CREATE ${index.unique === true ? 'UNIQUE ' : ''}${clustered(index.mssqlClustered)}INDEX ${q.ident(names.indexName, { force: index.quote === true })}`
  out += ` ON ${q.qualified(names.tableName, names.schema)} (${cols})`
  if (index.mssqlInclude !== undefined) out += ` INCLUDE (${columnList(q, index.mssqlInclude)})`
  if (index.mssqlWhere !== undefined) out += ` WHERE ${index.mssqlWhere}`
  return out
}
