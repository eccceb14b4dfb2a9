import type { ConstraintModel, IndexColumn, IndexModel } from '@athanor/ir'
import { postgresQuote as q } from './quote.js'
import { flagOf, intOf, jsonOf, namesOf, optionsOf, requiredText, textOf, type Row } from './introspect-rows.js'

const ACTIONS: Readonly<Record<string, string>> = { r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' }
const MATCHES: Readonly<Record<string, string>> = { f: 'FULL', p: 'PARTIAL' }

/**
 * The expression without the parentheses PostgreSQL puts around a whole condition:
 * `(a >= 0)` → `a >= 0`, while `(a) AND (b)` stays as it is.
 * @example
 * unwrapParens('((a > 0))') // => 'a > 0'
 */
export function unwrapParens(sql: string): string {
  let s = sql.trim()
  while (s.startsWith('(') && closingParen(s, 0) === s.length - 1) s = s.slice(1, -1).trim()
  return s
}

/** The position of the parenthesis closing the one at `open`, skipping quoted text; -1 if none. */
function closingParen(s: string, open: number): number {
  let depth = 0
  let quote: string | undefined
  for (let i = open; i < s.length; i++) {
    const ch = s[i]
    if (quote !== undefined) {
      if (ch === quote) quote = undefined
    } else if (ch === "'" || ch === '"') {
      quote = ch
    } else if (ch === '(') {
      depth++
    } else if (ch === ')' && --depth === 0) {
      return i
    }
  }
  return -1
}

/** ` DEFERRABLE`, `INITIALLY DEFERRED`: only what differs from PostgreSQL's default. */
function deferrability(row: Row): { readonly deferrable?: true; readonly initially?: string } {
  if (!flagOf(row, 'deferrable')) return {}
  return { deferrable: true, ...(flagOf(row, 'deferred') ? { initially: 'DEFERRED' } : {}) }
}

function action(row: Row, key: string, setColumns: readonly string[]): string | undefined {
  const a = ACTIONS[textOf(row, key) ?? '']
  if (a === undefined) return undefined // 'a': NO ACTION, the default
  return setColumns.length > 0 && (a === 'SET NULL' || a === 'SET DEFAULT') ? `${a} (${setColumns.map((c) => q.ident(c)).join(', ')})` : a
}

/**
 * A constraint of the catalog as the schema model keeps it. Options equal to PostgreSQL's
 * defaults (`NO ACTION`, `MATCH SIMPLE`, `NOT DEFERRABLE`, `INITIALLY IMMEDIATE`) are omitted;
 * a foreign key to a table outside `currentSchema` names its schema.
 * @example
 * constraintOfRow({ name: 't_pkey', type: 'p', columns: '["id"]' }, 'public') // => { type: 'primaryKey', name: 't_pkey', columns: ['id'] }
 */
export function constraintOfRow(row: Row, currentSchema: string | undefined): ConstraintModel {
  const name = requiredText(row, 'name')
  const columns = namesOf(row, 'columns')
  const notValid = flagOf(row, 'validated') ? {} : { postgresqlNotValid: true }
  switch (requiredText(row, 'type')) {
    case 'p':
      return { type: 'primaryKey', name, columns }
    case 'u': {
      const include = namesOf(row, 'include')
      return {
        type: 'unique',
        name,
        columns,
        ...deferrability(row),
        ...(flagOf(row, 'nulls_not_distinct') ? { postgresqlNullsNotDistinct: true } : {}),
        ...(include.length === 0 ? {} : { postgresqlInclude: include }),
      }
    }
    case 'f': {
      const referentSchema = textOf(row, 'referent_schema')
      const onDelete = action(row, 'on_delete', namesOf(row, 'delete_set_columns'))
      const onUpdate = action(row, 'on_update', [])
      const match = MATCHES[textOf(row, 'match') ?? '']
      return {
        type: 'foreignKey',
        name,
        localCols: columns,
        referentTable: requiredText(row, 'referent_table'),
        remoteCols: namesOf(row, 'remote_columns'),
        ...(referentSchema === undefined || referentSchema === currentSchema ? {} : { referentSchema }),
        ...(onDelete === undefined ? {} : { onDelete }),
        ...(onUpdate === undefined ? {} : { onUpdate }),
        ...(match === undefined ? {} : { match }),
        ...deferrability(row),
        ...notValid,
      }
    }
    default:
      return { type: 'check', name, condition: unwrapParens(requiredText(row, 'condition')), ...deferrability(row), ...notValid }
  }
}

interface IndexColumnRow {
  readonly attnum: number
  readonly name: string | null
  readonly definition: string
  readonly option: number
  readonly opclass: string | null
  readonly opclass_default: boolean | null
}

function isIndexColumnRow(v: unknown): v is IndexColumnRow {
  return typeof v === 'object' && v !== null && 'attnum' in v && 'definition' in v
}

// indoption bits (pg_index.h): 1 = DESC, 2 = NULLS FIRST.
function ordering(option: number): string {
  const desc = (option & 1) !== 0
  const nullsFirst = (option & 2) !== 0
  return `${desc ? ' DESC' : ''}${nullsFirst !== desc ? (nullsFirst ? ' NULLS FIRST' : ' NULLS LAST') : ''}`
}

/**
 * An index of the catalog as the schema model keeps it: named columns as names, expressions
 * (and columns sorted other than ascending) as `{ sql }`, the PostgreSQL options that differ
 * from the defaults (`USING btree`, default operator classes) as `postgresql*` fields.
 * @example
 * indexOfRow({ name: 'ix_a', is_unique: false, method: 'btree', key_count: 1, columns: '[{"attnum":1,"name":"a","definition":"a","option":0}]' })
 * // => { name: 'ix_a', columns: ['a'] }
 */
export function indexOfRow(row: Row): IndexModel {
  const listed = jsonOf(row, 'columns')
  const items = Array.isArray(listed) ? listed.filter(isIndexColumnRow) : []
  const keyCount = intOf(row, 'key_count')
  const columns: IndexColumn[] = []
  const include: string[] = []
  const ops: Record<string, string> = {}
  items.forEach((c, i) => {
    if (i >= keyCount) {
      if (c.name !== null) include.push(c.name)
      return
    }
    const order = ordering(c.option)
    if (c.attnum !== 0 && c.name !== null && order === '') columns.push(c.name)
    else columns.push({ sql: `${c.attnum !== 0 && c.name !== null ? q.ident(c.name) : c.definition}${order}` })
    if (c.name !== null && c.opclass !== null && c.opclass_default === false) ops[c.name] = c.opclass
  })
  const method = textOf(row, 'method')
  const where = textOf(row, 'predicate')
  const withOptions = optionsOf(row, 'reloptions')
  const tablespace = textOf(row, 'tablespace')
  return {
    name: requiredText(row, 'name'),
    columns,
    ...(flagOf(row, 'is_unique') ? { unique: true } : {}),
    ...(where === undefined ? {} : { postgresqlWhere: where }),
    ...(method === undefined || method === 'btree' ? {} : { postgresqlUsing: method }),
    ...(Object.keys(ops).length === 0 ? {} : { postgresqlOps: ops }),
    ...(include.length === 0 ? {} : { postgresqlInclude: include }),
    ...(withOptions === undefined ? {} : { postgresqlWith: withOptions }),
    ...(tablespace === undefined ? {} : { postgresqlTablespace: tablespace }),
    ...(flagOf(row, 'nulls_not_distinct') ? { postgresqlNullsNotDistinct: true } : {}),
  }
}
