import { appendColumnList, columnList, constraintPrefix } from '@athanor/dialect-kit'
import {
  UnsupportedOperationError, type ConstraintDefinition, type Deferrability, type ForeignKeyDefinition, type ForeignKeyOptions, type IndexColumn, type IndexDefinition,
} from '@athanor/ir'
import { supports, type MysqlTarget } from './target.js'

/** A keyword as compared and written: trimmed, inner whitespace as one space, in upper case. */
function keywordOf(value: string): string {
  return isKeywordSpelling(value) ? value : value.trim().replace(/\s+/g, ' ').toUpperCase()
}

/**
 * True when `value` is spelled as {@link keywordOf} would spell it, as nearly every action is
 * (`CASCADE`, `SET NULL`): upper-case letters and single inner spaces. One scan, where the
 * regular expression's replace costs a fifth of compiling a foreign key.
 */
function isKeywordSpelling(value: string): boolean {
  const n = value.length
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i)
    if (c >= 65 && c <= 90) continue
    // A space that neither starts nor ends the value, nor follows another.
    if (c !== 32 || i === 0 || i === n - 1 || value.charCodeAt(i - 1) === 32) return false
  }
  return true
}

function refuse(target: MysqlTarget, path: string, message: string): never {
  throw new UnsupportedOperationError({ engine: target.name, path, message: `${target.name}: ${message}` })
}

/**
 * Refuses deferrability MySQL cannot give: every constraint is checked immediately, so
 * `deferrable: false` and `initially: 'IMMEDIATE'` are accepted (and not written) while
 * `deferrable: true` and `INITIALLY DEFERRED` are refused. `path` is empty or ends with `.`.
 */
export function checkDeferrability(c: Deferrability, target: MysqlTarget, path: string): void {
  if (c.deferrable === true) refuse(target, `${path}deferrable`, 'constraints cannot be deferrable')
  if (c.initially !== undefined && keywordOf(c.initially) !== 'IMMEDIATE') refuse(target, `${path}initially`, 'constraints cannot be INITIALLY DEFERRED')
}

/**
 * ` ON DELETE a ON UPDATE a`, after refusing what InnoDB rejects: `MATCH` (catalog §2.3: the
 * reference refuses it too), `SET DEFAULT`, PostgreSQL's `SET NULL (cols)`, and deferrability.
 */
export function foreignKeyActionsSql(fk: ForeignKeyOptions, target: MysqlTarget, path: string): string {
  if (fk.match !== undefined) refuse(target, `${path}match`, 'foreign keys take no MATCH clause')
  checkDeferrability(fk, target, path)
  return actionSql(fk.onDelete, 'onDelete', 'ON DELETE', target, path) + actionSql(fk.onUpdate, 'onUpdate', 'ON UPDATE', target, path)
}

/** ` ON DELETE a` (`words`, then the action as given), or nothing without an action. */
function actionSql(action: string | undefined, field: 'onDelete' | 'onUpdate', words: string, target: MysqlTarget, path: string): string {
  if (action === undefined) return ''
  // The actions InnoDB takes, spelled as keywordOf spells them: nothing to check.
  if (action === 'CASCADE' || action === 'SET NULL' || action === 'RESTRICT' || action === 'NO ACTION') return ` ${words} ${action}`
  const word = keywordOf(action)
  if (word.includes('(')) refuse(target, `${path}${field}`, `${word} names columns only on PostgreSQL`)
  if (word === 'SET DEFAULT') refuse(target, `${path}${field}`, 'InnoDB rejects SET DEFAULT actions')
  return ` ${words} ${action}`
}

/** Refuses CHECK constraints on servers that parse and ignore them (MySQL before 8.0.16, MariaDB before 10.2.1). */
export function checkCheckConstraints(target: MysqlTarget, path: string): void {
  if (!supports(target, 'checkConstraints')) refuse(target, path, 'this server version parses CHECK constraints but does not enforce them')
}

/** Where a constraint is written: the path of its fields (empty, or ending with `.`), its table's schema, MariaDB's IF NOT EXISTS. */
export interface ConstraintPlace {
  readonly path?: string
  /** The schema of the table the constraint is on (a foreign key to a table without a schema then names the default database). */
  readonly schema?: string | undefined
  readonly ifNotExists?: boolean
}

const NOWHERE: ConstraintPlace = Object.freeze({})

/**
 * The referent of a foreign key: `[schema.]table`. MySQL looks an unqualified referent up in the
 * database of the table holding the key, not in the connection's; so a key from a table in
 * another schema to one without a schema names the default database (the dialect's `database`
 * option), and is refused without it.
 */
function referentSql(c: Omit<ForeignKeyDefinition, 'type'>, target: MysqlTarget, place: ConstraintPlace): string {
  const schema = c.referentSchema ?? (place.schema === undefined ? undefined : target.database)
  if (c.referentSchema === undefined && place.schema !== undefined && schema === undefined) {
    refuse(target, `${place.path ?? ''}referentSchema`, `a foreign key from a table in database ${JSON.stringify(place.schema)} to one in the default database needs its name; give referentSchema, or create the dialect with the database option`)
  }
  return target.quote.qualified(c.referentTable, schema)
}

/**
 * The body of a table constraint: `[CONSTRAINT n] PRIMARY KEY (…)`, `[CONSTRAINT n] UNIQUE (…)`,
 * `[CONSTRAINT n] FOREIGN KEY(…) REFERENCES t (…) [ON DELETE a] [ON UPDATE a]`,
 * `[CONSTRAINT n] CHECK (…)`. With `ifNotExists`, MariaDB's IF NOT EXISTS goes where its grammar
 * has it for the kind: `CONSTRAINT IF NOT EXISTS n CHECK`, `UNIQUE IF NOT EXISTS (…)`,
 * `FOREIGN KEY IF NOT EXISTS (…)`.
 */
export function constraintSql(c: ConstraintDefinition, name: string | undefined, target: MysqlTarget, place: ConstraintPlace = NOWHERE): string {
  const q = target.quote
  const path = place.path ?? ''
  const ine = place.ifNotExists === true ? 'IF NOT EXISTS ' : ''
  const prefix = constraintPrefix(q, name)
  switch (c.type) {
    case 'primaryKey':
      return `${prefix}PRIMARY KEY (${columnList(q, c.columns)})`
    case 'unique':
      checkDeferrability(c, target, path)
      return `${prefix}UNIQUE ${ine}(${columnList(q, c.columns)})`
    case 'foreignKey':
      return foreignKeySql(c, name, target, place)
    case 'check':
      checkCheckConstraints(target, `${path}condition`)
      checkDeferrability(c, target, path)
      return `${ine !== '' && name !== undefined ? `CONSTRAINT ${ine}${q.ident(name)} ` : prefix}CHECK (${c.condition})`
  }
}

/**
 * `[CONSTRAINT n] FOREIGN KEY [IF NOT EXISTS] (…) REFERENCES t (…) [ON DELETE a] [ON UPDATE a]`:
 * {@link constraintSql} for a foreign key, which takes any object with a key's fields (a
 * createForeignKey op as it is).
 */
export function foreignKeySql(c: Omit<ForeignKeyDefinition, 'type'>, name: string | undefined, target: MysqlTarget, place: ConstraintPlace = NOWHERE): string {
  return appendForeignKey('', c, name, target, place)
}

/** {@link foreignKeySql} appended to `sql` (the statement so far: one string grown piece by piece). */
export function appendForeignKey(sql: string, c: Omit<ForeignKeyDefinition, 'type'>, name: string | undefined, target: MysqlTarget, place: ConstraintPlace = NOWHERE): string {
  const q = target.quote
  // The actions' refusals come before the referent's.
  const actions = foreignKeyActionsSql(c, target, place.path ?? '')
  let out = name === undefined ? sql : sql + constraintPrefix(q, name)
  out += place.ifNotExists === true ? 'FOREIGN KEY IF NOT EXISTS (' : 'FOREIGN KEY('
  out = appendColumnList(out, q, c.localCols)
  out += ') REFERENCES '
  out += referentSql(c, target, place)
  out += ' ('
  out = appendColumnList(out, q, c.remoteCols)
  out += ')'
  return actions === '' ? out : out + actions
}

const FORCE = Object.freeze({ force: true })

// A named column, optionally quoted, with an optional prefix length and direction: written as is.
// Anything else is an expression, which MySQL wants in its own parentheses (catalog §2.3).
const PLAIN_KEY_PART = /^\s*(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)(\s*\(\s*\d+\s*\))?(\s+(ASC|DESC))?\s*$/i

/**
 * One key part of an index, appended to `sql`: a named column with its `mysqlLength` prefix
 * (`a(10)`), or an expression in parentheses (`(lower(a))`, MySQL 8.0.13+; refused on MariaDB,
 * which has no functional indexes). A `{ sql }` that is just a column and a direction (`b DESC`)
 * is written as is. It is the index's `columns[i]`, `path` the index's (empty, or ending with `.`).
 */
function appendIndexColumn(sql: string, column: IndexColumn, length: IndexDefinition['mysqlLength'], target: MysqlTarget, path: string, i: number): string {
  if (typeof column === 'string') {
    const n = typeof length === 'number' ? length : length !== undefined && Object.hasOwn(length, column) ? length[column] : undefined
    const out = sql + target.quote.ident(column)
    return n === undefined ? out : `${out}(${n})`
  }
  if (PLAIN_KEY_PART.test(column.sql)) return sql + column.sql.trim()
  if (!supports(target, 'functionalIndexes')) refuse(target, `${path}columns[${i}]`, `${target.flavour === 'mariadb' ? 'MariaDB has' : 'this server version has'} no indexes on expressions; index a generated column instead`)
  return `${sql}(${column.sql})`
}

/**
 * `CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX [IF NOT EXISTS] name ON [schema.]table (parts)
 * [USING BTREE | HASH]` (catalog §2.3). `IF NOT EXISTS` exists on MariaDB only.
 */
export function createIndexSql(
  index: IndexDefinition,
  names: { readonly indexName: string; readonly tableName: string; readonly schema?: string | undefined },
  target: MysqlTarget,
  options: { readonly ifNotExists?: boolean | undefined; readonly path?: string } = NOWHERE,
): string {
  const q = target.quote
  const path = options.path ?? ''
  const { unique, mysqlPrefix, columns, mysqlLength } = index
  const ifNotExists = options.ifNotExists === true
  if (unique === true && mysqlPrefix !== undefined) refuse(target, `${path}mysqlPrefix`, `a ${keywordOf(mysqlPrefix)} index cannot be UNIQUE`)
  if (ifNotExists && !supports(target, 'indexIfExists')) refuse(target, `${path}ifNotExists`, 'CREATE INDEX has no IF NOT EXISTS form on MySQL')
  // The names are written before the key parts, whose refusals then come after a refusal of a
  // name by the quoter; every caller's handler refuses a bad name first anyway (see mysqlHandlers).
  let out = unique === true ? 'CREATE UNIQUE INDEX ' : mysqlPrefix === undefined ? 'CREATE INDEX ' : `CREATE ${keywordOf(mysqlPrefix)} INDEX `
  if (ifNotExists) out += 'IF NOT EXISTS '
  out += q.ident(names.indexName, index.quote === true ? FORCE : undefined)
  out += ' ON '
  out += q.qualified(names.tableName, names.schema)
  out += ' ('
  for (let i = 0; i < columns.length; i++) {
    if (i !== 0) out += ', '
    out = appendIndexColumn(out, columns[i] as IndexColumn, mysqlLength, target, path, i)
  }
  out += ')'
  if (index.mysqlUsing !== undefined) {
    out += ' USING '
    out += keywordOf(index.mysqlUsing)
  }
  return out
}
