import type { ConstraintModel, IndexColumn, IndexModel, TableModel } from '@athanor/ir'
import { intOf, requiredText, textOf, type Row } from './introspect-rows.js'

/** One index as information_schema.STATISTICS lists it, its parts in order. */
export interface CatalogIndex {
  readonly name: string
  readonly unique: boolean
  /** `BTREE`, `HASH`, `FULLTEXT`, `SPATIAL`. */
  readonly type: string
  readonly parts: readonly { readonly column?: string; readonly subPart?: number; readonly descending: boolean; readonly expression?: string }[]
}

/** Groups STATISTICS rows (and MySQL's functional key part expressions) into indexes, in index-name order. */
export function indexesOfRows(rows: readonly Row[], expressions: readonly Row[]): CatalogIndex[] {
  const out = new Map<string, { name: string; unique: boolean; type: string; parts: CatalogIndex['parts'][number][] }>()
  for (const row of rows) {
    const name = requiredText(row, 'index_name')
    const entry = out.get(name) ?? { name, unique: intOf(row, 'non_unique') === 0, type: (textOf(row, 'index_type') ?? 'BTREE').toUpperCase(), parts: [] }
    const column = textOf(row, 'column_name')
    const subPart = intOf(row, 'sub_part')
    const seq = intOf(row, 'seq')
    const expression = column === undefined ? expressions.find((e) => textOf(e, 'index_name') === name && intOf(e, 'seq') === seq) : undefined
    const text = expression === undefined ? undefined : textOf(expression, 'expression')
    entry.parts.push({
      ...(column === undefined ? {} : { column }),
      ...(subPart === undefined ? {} : { subPart }),
      descending: textOf(row, 'direction') === 'D',
      ...(text === undefined ? {} : { expression: text }),
    })
    out.set(name, entry)
  }
  return [...out.values()]
}

const quoteName = (name: string): string => `\`${name.replaceAll('`', '``')}\``

/**
 * True when the index is what a UNIQUE constraint makes: unique, whole named columns in ascending
 * order, a B-tree (or MariaDB's hash for a unique key on TEXT or BLOB columns).
 */
function isPlainUnique(ix: CatalogIndex): boolean {
  return ix.unique && (ix.type === 'BTREE' || ix.type === 'HASH') && ix.parts.every((p) => p.column !== undefined && p.subPart === undefined && !p.descending)
}

/** The index as the schema model keeps it: columns (expressions and descending parts as `{ sql }`), `mysqlLength`, `mysqlPrefix`, `mysqlUsing`. */
export function indexModelOf(ix: CatalogIndex): IndexModel {
  const columns: IndexColumn[] = ix.parts.map((p) =>
    p.column === undefined ? { sql: p.expression ?? '' } : p.descending ? { sql: `${quoteName(p.column)} DESC` } : p.column,
  )
  const lengths = ix.parts.filter((p) => p.column !== undefined && p.subPart !== undefined)
  const named = ix.parts.filter((p) => p.column !== undefined)
  const same = lengths.length === named.length && lengths.every((p) => p.subPart === lengths[0]?.subPart)
  const mysqlLength = lengths.length === 0 ? undefined : same && lengths[0]?.subPart !== undefined ? lengths[0].subPart : Object.fromEntries(lengths.map((p) => [p.column ?? '', p.subPart ?? 0]))
  const prefix = ix.type === 'FULLTEXT' || ix.type === 'SPATIAL' ? ix.type : undefined
  return {
    name: ix.name,
    columns,
    ...(ix.unique ? { unique: true } : {}),
    ...(mysqlLength === undefined ? {} : { mysqlLength }),
    ...(prefix === undefined ? {} : { mysqlPrefix: prefix }),
    // A unique HASH index is MariaDB's key on TEXT or BLOB columns, made as a plain UNIQUE.
    ...(ix.type === 'HASH' && !ix.unique ? { mysqlUsing: 'HASH' } : {}),
  }
}

/**
 * Foreign keys from KEY_COLUMN_USAGE rows joined with their rules; RESTRICT and NO ACTION
 * (InnoDB's same default) are omitted, and so is a referent's database when it is the current one.
 */
export function foreignKeysOfRows(rows: readonly Row[], currentDatabase: string | undefined): ConstraintModel[] {
  const out = new Map<string, { name: string; localCols: string[]; remoteCols: string[]; referentTable: string; referentSchema: string | undefined; onDelete: string; onUpdate: string }>()
  for (const row of rows) {
    const name = requiredText(row, 'name')
    const schema = textOf(row, 'referent_schema')
    const entry = out.get(name) ?? {
      name,
      localCols: [],
      remoteCols: [],
      referentTable: requiredText(row, 'referent_table'),
      referentSchema: schema === undefined || schema === currentDatabase ? undefined : schema,
      onDelete: (textOf(row, 'on_delete') ?? '').toUpperCase(),
      onUpdate: (textOf(row, 'on_update') ?? '').toUpperCase(),
    }
    entry.localCols.push(requiredText(row, 'column_name'))
    entry.remoteCols.push(requiredText(row, 'remote_column'))
    out.set(name, entry)
  }
  const action = (a: string): string | undefined => (a === '' || a === 'RESTRICT' || a === 'NO ACTION' ? undefined : a)
  return [...out.values()].map((fk) => {
    const onDelete = action(fk.onDelete)
    const onUpdate = action(fk.onUpdate)
    return {
      type: 'foreignKey',
      name: fk.name,
      localCols: fk.localCols,
      referentTable: fk.referentTable,
      remoteCols: fk.remoteCols,
      ...(fk.referentSchema === undefined ? {} : { referentSchema: fk.referentSchema }),
      ...(onDelete === undefined ? {} : { onDelete }),
      ...(onUpdate === undefined ? {} : { onUpdate }),
    }
  })
}

/**
 * The condition without the parentheses MySQL 8 puts around a whole check clause: `(a > 0)` →
 * `a > 0`, while `(a) AND (b)` stays.
 * @example
 * unwrapParens('((`a` > 0))') // => '`a` > 0'
 */
export function unwrapParens(sql: string): string {
  let s = sql.trim()
  while (s.startsWith('(') && closingParen(s) === s.length - 1) s = s.slice(1, -1).trim()
  return s
}

function closingParen(s: string): number {
  let depth = 0
  let quote: string | undefined
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (quote !== undefined) {
      if (ch === '\\') i++
      else if (ch === quote) quote = undefined
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch
    else if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return i
  }
  return -1
}

/** `json_valid(`c`)`: MariaDB's own check on a JSON column `c`. */
export function isJsonCheck(clause: string, column: string): boolean {
  return unwrapParens(clause).replace(/\s+/g, '').toLowerCase() === `json_valid(${quoteName(column)})`.toLowerCase()
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * True when the index is one InnoDB made for a foreign key (MySQL shows no flag for it): not
 * unique, plain, on exactly the columns of one of the table's foreign keys, and either not in
 * `like` (the model the caller expects) or, without one, named like such an index (after a
 * foreign key of the table, or after its first column, as InnoDB names one for an unnamed key).
 */
export function isForeignKeyIndex(ix: CatalogIndex, foreignKeys: readonly ConstraintModel[], like: TableModel | undefined): boolean {
  if (ix.unique || ix.type !== 'BTREE' || ix.parts.some((p) => p.column === undefined || p.subPart !== undefined || p.descending)) return false
  const columns = ix.parts.map((p) => p.column ?? '')
  const fks = foreignKeys.filter((c) => c.type === 'foreignKey' && sameList(c.localCols, columns))
  if (fks.length === 0) return false
  if (like !== undefined) return !like.indexes.some((i) => i.name === ix.name)
  return fks.some((c) => c.name === ix.name) || new RegExp(`^${(columns[0] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(_\\d+)?$`).test(ix.name) ||
    foreignKeys.some((c) => c.name === ix.name)
}

/**
 * Splits a table's indexes into the model's constraints and indexes: `PRIMARY` is the primary key
 * (named as in `like`, else unnamed: MySQL names every primary key PRIMARY); a plain unique index
 * is a UNIQUE constraint unless `like` lists it as an index (MySQL keeps no difference between the
 * two); InnoDB's indexes for foreign keys are left out (see {@link isForeignKeyIndex}).
 */
export function keysOf(indexes: readonly CatalogIndex[], foreignKeys: readonly ConstraintModel[], like: TableModel | undefined): { readonly constraints: ConstraintModel[]; readonly indexes: IndexModel[] } {
  const constraints: ConstraintModel[] = []
  const out: IndexModel[] = []
  for (const ix of indexes) {
    if (ix.name === 'PRIMARY') {
      const name = like?.constraints.find((c) => c.type === 'primaryKey')?.name
      constraints.unshift({ type: 'primaryKey', ...(name === undefined ? {} : { name }), columns: ix.parts.map((p) => p.column ?? '') })
    } else if (isPlainUnique(ix) && !(like?.indexes.some((i) => i.name === ix.name) ?? false)) {
      constraints.push({ type: 'unique', name: ix.name, columns: ix.parts.map((p) => p.column ?? '') })
    } else if (!isForeignKeyIndex(ix, foreignKeys, like)) {
      out.push(indexModelOf(ix))
    }
  }
  return { constraints, indexes: out }
}
