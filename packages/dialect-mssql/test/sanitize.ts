/**
 * Random ops carry random SQL text where the IR takes SQL verbatim (check conditions, computed
 * expressions, `{ sql }` defaults, filters, raw types, `executeSql`). That text is the user's, not
 * ours: a parser refusing `'; DROP TABLE x; --` as a CHECK condition says nothing about the
 * compiler. For the parse properties each such field is replaced by a small valid T-SQL snippet,
 * so that what the parsers judge is the SQL the dialect writes around it.
 */
import { parseOp, type Op } from '@athanor/ir'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const SNIPPETS: Readonly<Record<string, string>> = {
  condition: 'a > 0',
  mssqlWhere: 'a > 0',
  postgresqlWhere: 'a > 0',
  sqliteWhere: 'a > 0',
}

const isSqlItem = (v: Json): boolean => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof v['sql'] === 'string'

function clean(value: Json, key: string | undefined): Json {
  // Index columns given as SQL: a sorted column, the one form SQL Server indexes.
  if (Array.isArray(value) && key === 'columns') return value.map((v) => (isSqlItem(v) ? { sql: 'a DESC' } : clean(v, undefined)))
  if (Array.isArray(value)) return value.map((v) => clean(v, undefined))
  if (value === null || typeof value !== 'object') {
    if (key !== undefined && typeof value === 'string' && Object.hasOwn(SNIPPETS, key)) return SNIPPETS[key] ?? value
    return value
  }
  const out: { [key: string]: Json } = {}
  // defineProperty: a key named __proto__ (random `info`) stays an own key.
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: k === 'info' ? v : clean(v, k), enumerable: true, writable: true, configurable: true })
  if (out['name'] === 'raw' && typeof out['sql'] === 'string') return { name: 'raw', sql: 'INT' }
  if (typeof out['sqltext'] === 'string' && out['kind'] === undefined) out['sqltext'] = 'a + 1' // computed
  if (out['kind'] === 'executeSql') {
    out['sqltext'] = 'SELECT 1'
    if (out['reverseSqltext'] !== undefined) out['reverseSqltext'] = 'SELECT 2'
  }
  // A `{ sql }` default.
  if (isSqlItem(out)) out['sql'] = '0'
  return out
}

/** The op with every verbatim SQL field replaced by a valid snippet, validated again. */
export function withValidUserSql<O extends Op>(op: O): O {
  const result = parseOp(clean(JSON.parse(JSON.stringify(op)) as Json, undefined))
  if (!result.ok) throw new Error(`sanitised op does not parse: ${JSON.stringify(result.errors[0])}`)
  return result.value as O
}
