import { renderLiteral, statement, type HandlerContext, type LiteralRules, type Statement } from '@athanor/dialect-kit'
import type { BulkInsertOp, JsonObject } from '@athanor/ir'
import { duckdbQuote as q } from '../quote.js'

const rules: LiteralRules = {
  dialect: 'duckdb',
  quote: q,
  boolean: (b) => (b ? 'true' : 'false'),
  binary: (hex) => `from_hex('${hex}')`,
}

/**
 * `INSERT INTO t (cols) VALUES (…), (…)`: rows that give the same columns share one statement
 * (one statement per row with `multiinsert: false`); a row that gives none is `DEFAULT VALUES`.
 * Values are inline literals of their column's type (`renderLiteral`): booleans `true`/`false`,
 * binary `from_hex('…')`, dates and times as ISO text DuckDB casts on insert.
 */
export function compileBulkInsert(op: BulkInsertOp, _ctx: HandlerContext): readonly Statement[] {
  const table = q.qualified(op.tableName, op.schema)
  const out: Statement[] = []
  let group: { readonly key: string; readonly head: string; readonly values: string[] } | undefined
  const flush = (): void => {
    if (group !== undefined) out.push(statement(`${group.head} VALUES ${group.values.join(', ')}`))
    group = undefined
  }
  op.rows.forEach((row: JsonObject, i) => {
    const cols = op.columns.filter((c) => Object.hasOwn(row, c.name))
    const key = cols.map((c) => c.name).join('\u0000')
    if (op.multiinsert === false || group?.key !== key) flush()
    if (cols.length === 0) {
      out.push(statement(`INSERT INTO ${table} DEFAULT VALUES`))
      return
    }
    const values = `(${cols.map((c) => renderLiteral(row[c.name] ?? null, c.type, rules, `rows[${i}].${c.name}`)).join(', ')})`
    group ??= { key, head: `INSERT INTO ${table} (${cols.map((c) => q.ident(c.name)).join(', ')})`, values: [] }
    group.values.push(values)
  })
  flush()
  return out
}
