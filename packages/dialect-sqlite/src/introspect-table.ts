import { closingParen, isWord, listItems, namesIn, parenthesised, textOf, tokenize, type Token } from './introspect-sql.js'

/**
 * What a `CREATE TABLE` says about one constraint (column-level ones get their column as `columns`).
 * @example
 * const { constraints } = parseCreateTable('CREATE TABLE post (id INTEGER PRIMARY KEY AUTOINCREMENT, author_id INTEGER REFERENCES account (id))')
 * const keys: readonly ParsedConstraint[] = constraints
 * keys // => [{ type: 'primaryKey', autoincrement: true, columns: ['id'] }, { type: 'foreignKey', referentTable: 'account', remoteCols: ['id'], columns: ['author_id'] }]
 */
export interface ParsedConstraint {
  readonly type: 'primaryKey' | 'unique' | 'check' | 'foreignKey'
  readonly name?: string
  readonly columns: readonly string[]
  readonly condition?: string
  readonly onConflict?: string
  readonly referentTable?: string
  readonly remoteCols?: readonly string[]
  readonly deferrable?: boolean
  readonly initially?: string
  readonly autoincrement?: boolean
}

/**
 * What a `CREATE TABLE` says about one column that its pragmas do not.
 * @example
 * const columns: readonly ParsedColumn[] = parseCreateTable('CREATE TABLE t (a INT, b TEXT COLLATE NOCASE, total INT GENERATED ALWAYS AS (a * 2))').columns
 * columns // => [{ name: 'a' }, { name: 'b', collation: 'NOCASE' }, { name: 'total', generated: 'a * 2' }]
 */
export interface ParsedColumn {
  readonly name: string
  readonly collation?: string
  /** The expression of a generated column. */
  readonly generated?: string
}

/**
 * The parts of a `CREATE TABLE` statement the introspector reads.
 * @example
 * const table: ParsedTable = parseCreateTable('CREATE TABLE t (a INT, b INT, UNIQUE (a, b) ON CONFLICT IGNORE) WITHOUT ROWID')
 * table // => { columns: [{ name: 'a' }, { name: 'b' }], constraints: [{ type: 'unique', columns: ['a', 'b'], onConflict: 'IGNORE' }], withoutRowid: true, strict: false }
 */
export interface ParsedTable {
  readonly columns: readonly ParsedColumn[]
  /** Column-level constraints in column order interleaved as written, then table-level ones. */
  readonly constraints: readonly ParsedConstraint[]
  readonly withoutRowid: boolean
  readonly strict: boolean
}

const COLUMN_CONSTRAINT = new Set(['CONSTRAINT', 'PRIMARY', 'NOT', 'NULL', 'UNIQUE', 'CHECK', 'DEFAULT', 'COLLATE', 'REFERENCES', 'GENERATED', 'AS'])
const TABLE_CONSTRAINT = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN'])

/** Reads `ON CONFLICT x` at `i`; returns the action and the next position. */
function onConflict(tokens: readonly Token[], i: number): { readonly action?: string; readonly next: number } {
  if (isWord(tokens[i], 'ON') && isWord(tokens[i + 1], 'CONFLICT')) return { action: tokens[i + 2]?.value.toUpperCase() ?? '', next: i + 3 }
  return { next: i }
}

/** Reads `REFERENCES t [(cols)] [actions…] [[NOT] DEFERRABLE [INITIALLY x]]` starting at the REFERENCES token. */
function references(tokens: readonly Token[], i: number, end: number): { readonly fk: Omit<ParsedConstraint, 'type' | 'columns'>; readonly next: number } {
  const referentTable = tokens[i + 1]?.value ?? ''
  let j = i + 2
  let remoteCols: string[] = []
  if (tokens[j]?.value === '(' && tokens[j]?.kind === 'punct') {
    const list = namesIn(tokens, j)
    remoteCols = list.names
    j = list.close + 1
  }
  let deferrable: boolean | undefined
  let initially: string | undefined
  while (j < end) {
    const t = tokens[j]
    if (isWord(t, 'ON') || isWord(t, 'MATCH')) {
      j++
      while (j < end && !isWord(tokens[j], 'ON') && !isWord(tokens[j], 'MATCH') && !isWord(tokens[j], 'NOT') && !isWord(tokens[j], 'DEFERRABLE') && !COLUMN_CONSTRAINT.has((tokens[j]?.value ?? '').toUpperCase())) j++
      if (isWord(tokens[j], 'NOT') && !isWord(tokens[j + 1], 'DEFERRABLE')) break
    } else if (isWord(t, 'NOT') && isWord(tokens[j + 1], 'DEFERRABLE')) {
      deferrable = false
      j += 2
    } else if (isWord(t, 'DEFERRABLE')) {
      deferrable = true
      j++
    } else if (isWord(t, 'INITIALLY')) {
      initially = tokens[j + 1]?.value.toUpperCase()
      j += 2
    } else break
  }
  return { fk: { referentTable, remoteCols, ...(deferrable === undefined ? {} : { deferrable }), ...(initially === undefined ? {} : { initially }) }, next: j }
}

function parseColumn(sql: string, tokens: readonly Token[], from: number, to: number, constraints: ParsedConstraint[]): ParsedColumn {
  const name = tokens[from]?.value ?? ''
  let i = from + 1
  while (i < to && !(tokens[i]?.kind === 'name' && !tokens[i]?.quoted && COLUMN_CONSTRAINT.has((tokens[i]?.value ?? '').toUpperCase()))) {
    i = tokens[i]?.value === '(' && tokens[i]?.kind === 'punct' ? closingParen(tokens, i) + 1 : i + 1
  }
  let collation: string | undefined
  let generated: string | undefined
  let pending: string | undefined
  const push = (c: Omit<ParsedConstraint, 'name' | 'columns'>): void => {
    constraints.push({ ...c, columns: [name], ...(pending === undefined ? {} : { name: pending }) })
    pending = undefined
  }
  while (i < to) {
    const t = tokens[i]
    if (isWord(t, 'CONSTRAINT')) {
      pending = tokens[i + 1]?.value
      i += 2
    } else if (isWord(t, 'PRIMARY')) {
      i += 2
      if (isWord(tokens[i], 'ASC') || isWord(tokens[i], 'DESC')) i++
      const oc = onConflict(tokens, i)
      i = oc.next
      const autoincrement = isWord(tokens[i], 'AUTOINCREMENT')
      if (autoincrement) i++
      push({ type: 'primaryKey', ...(oc.action === undefined ? {} : { onConflict: oc.action }), ...(autoincrement ? { autoincrement } : {}) })
    } else if (isWord(t, 'UNIQUE')) {
      const oc = onConflict(tokens, i + 1)
      i = oc.next
      push({ type: 'unique', ...(oc.action === undefined ? {} : { onConflict: oc.action }) })
    } else if (isWord(t, 'CHECK')) {
      const p = parenthesised(sql, tokens, i + 1)
      i = p.close + 1
      push({ type: 'check', condition: p.text })
    } else if (isWord(t, 'REFERENCES')) {
      const r = references(tokens, i, to)
      i = r.next
      push({ type: 'foreignKey', ...r.fk })
    } else if (isWord(t, 'COLLATE')) {
      collation = tokens[i + 1]?.value
      i += 2
    } else if (isWord(t, 'GENERATED') || isWord(t, 'AS')) {
      while (i < to && !(tokens[i]?.kind === 'punct' && tokens[i]?.value === '(')) i++
      const p = parenthesised(sql, tokens, i)
      generated = p.text
      i = p.close + 1
    } else if (t?.kind === 'punct' && t.value === '(') {
      i = closingParen(tokens, i) + 1
    } else {
      // NOT NULL, NULL, DEFAULT x, STORED/VIRTUAL, conflict clauses: read from the pragmas.
      pending = isWord(t, 'NOT') || isWord(t, 'NULL') || isWord(t, 'DEFAULT') ? undefined : pending
      i++
    }
  }
  return { name, ...(collation === undefined ? {} : { collation }), ...(generated === undefined ? {} : { generated }) }
}

function parseTableConstraint(sql: string, tokens: readonly Token[], from: number, to: number): ParsedConstraint | undefined {
  let i = from
  let name: string | undefined
  if (isWord(tokens[i], 'CONSTRAINT')) {
    name = tokens[i + 1]?.value
    i += 2
  }
  const named = name === undefined ? {} : { name }
  const t = tokens[i]
  if (isWord(t, 'PRIMARY') || isWord(t, 'UNIQUE')) {
    const open = isWord(t, 'PRIMARY') ? i + 2 : i + 1
    const { names, close } = namesIn(tokens, open)
    const oc = onConflict(tokens, close + 1)
    return { type: isWord(t, 'PRIMARY') ? 'primaryKey' : 'unique', ...named, columns: names, ...(oc.action === undefined ? {} : { onConflict: oc.action }) }
  }
  if (isWord(t, 'CHECK')) return { type: 'check', ...named, columns: [], condition: parenthesised(sql, tokens, i + 1).text }
  if (isWord(t, 'FOREIGN')) {
    const { names, close } = namesIn(tokens, i + 2)
    return { type: 'foreignKey', ...named, columns: names, ...references(tokens, close + 1, to).fk }
  }
  return undefined
}

/**
 * Reads a `CREATE TABLE` statement as stored in `sqlite_master`: each column's collation and
 * generated expression, every constraint with its name (column-level ones too), and the table
 * options `WITHOUT ROWID` and `STRICT`.
 * @example
 * parseCreateTable('CREATE TABLE t (a INTEGER CONSTRAINT ck_a CHECK (a > 0))').constraints
 * // => [{ type: 'check', name: 'ck_a', columns: ['a'], condition: 'a > 0' }]
 */
export function parseCreateTable(sql: string): ParsedTable {
  const tokens = tokenize(sql)
  const open = tokens.findIndex((t) => t.kind === 'punct' && t.value === '(')
  const columns: ParsedColumn[] = []
  const constraints: ParsedConstraint[] = []
  const tableLevel: ParsedConstraint[] = []
  if (open === -1) return { columns, constraints, withoutRowid: false, strict: false }
  const { items, close } = listItems(tokens, open)
  for (const [from, to] of items) {
    const first = tokens[from]
    if (first !== undefined && first.kind === 'name' && !first.quoted && TABLE_CONSTRAINT.has(first.value.toUpperCase())) {
      const c = parseTableConstraint(sql, tokens, from, to)
      if (c !== undefined) tableLevel.push(c)
    } else {
      columns.push(parseColumn(sql, tokens, from, to, constraints))
    }
  }
  const tail = tokens.slice(close + 1)
  return {
    columns,
    constraints: [...constraints, ...tableLevel],
    withoutRowid: tail.some((t, k) => isWord(t, 'WITHOUT') && isWord(tail[k + 1], 'ROWID')),
    strict: tail.some((t) => isWord(t, 'STRICT')),
  }
}

/**
 * Reads a `CREATE INDEX` statement: each key column as a name or `{ sql }` expression, and the
 * `WHERE` predicate of a partial index.
 * @example
 * parseCreateIndex('CREATE INDEX ix ON t (lower(a), b) WHERE b > 0') // => { columns: [{ sql: 'lower(a)' }, 'b'], where: 'b > 0' }
 */
export function parseCreateIndex(sql: string): { readonly columns: readonly (string | { readonly sql: string })[]; readonly where?: string } {
  const tokens = tokenize(sql)
  const on = tokens.findIndex((t) => isWord(t, 'ON'))
  const open = tokens.findIndex((t, k) => k > on && t.kind === 'punct' && t.value === '(')
  if (open === -1) return { columns: [] }
  const { items, close } = listItems(tokens, open)
  const columns = items.map(([from, to]) => {
    const first = tokens[from]
    return to - from === 1 && first?.kind === 'name' ? first.value : { sql: textOf(sql, tokens, from, to) }
  })
  const where = tokens.findIndex((t, k) => k > close && isWord(t, 'WHERE'))
  return { columns, ...(where === -1 ? {} : { where: textOf(sql, tokens, where + 1, tokens.length) }) }
}
