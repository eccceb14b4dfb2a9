import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropTableOp } from '@athanor/ir'
import { postgresQuote as q } from '../quote.js'
import { enumTypeSql } from '../types.js'

/**
 * `DROP TABLE [IF EXISTS] t`, then `DROP TYPE IF EXISTS e` for each named enum of the table's
 * columns when the op carries the table (so that creating it again can create the type).
 */
export function compileDropTable(op: DropTableOp, _ctx: HandlerContext): readonly Statement[] {
  const out: Statement[] = [statement(`DROP TABLE ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.qualified(op.tableName, op.schema)}`)]
  const seen = new Set<string>()
  for (const c of op.table?.columns ?? []) {
    if (typeof c.type !== 'string' && c.type.name === 'enum' && c.type.enumName !== undefined && !seen.has(c.type.enumName)) {
      seen.add(c.type.enumName)
      out.push(statement(`DROP TYPE IF EXISTS ${enumTypeSql(c.type.enumName, op.schema)}`))
    }
  }
  return out
}
