import { renderLiteral, statement, type HandlerContext, type LiteralRules, type Statement } from '@athanor/dialect-kit'
import type { BulkInsertOp } from '@athanor/ir'
import { sqliteQuote as q } from '../quote.js'

const rules: LiteralRules = {
  dialect: 'sqlite',
  quote: q,
  boolean: (b) => (b ? '1' : '0'),
  binary: (hex) => `X'${hex}'`,
}

/**
 * One `INSERT INTO t (cols) VALUES (literals)` per row, with the row's keys in column order and
 * values written as inline literals of their column's type (catalog §2.6): booleans `1`/`0`,
 * binary `X'…'`, dates and times as ISO text.
 */
export function compileBulkInsert(op: BulkInsertOp, _ctx: HandlerContext): readonly Statement[] {
  const table = q.qualified(op.tableName, op.schema)
  return op.rows.map((row, i) => {
    const cols = op.columns.filter((c) => Object.hasOwn(row, c.name))
    if (cols.length === 0) return statement(`INSERT INTO ${table} DEFAULT VALUES`)
    const names = cols.map((c) => q.ident(c.name)).join(', ')
    const values = cols.map((c) => renderLiteral(row[c.name] ?? null, c.type, rules, `rows[${i}].${c.name}`)).join(', ')
    return statement(`INSERT INTO ${table} (${names}) VALUES (${values})`)
  })
}
