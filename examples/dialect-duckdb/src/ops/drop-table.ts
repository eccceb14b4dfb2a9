import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import type { DropTableOp } from '@athanor/ir'
import { duckdbQuote as q } from '../quote.js'
import { refuseReferencedTable } from '../references.js'

/**
 * `DROP TABLE [IF EXISTS] [schema.]t`. A table other tables' foreign keys point at is refused
 * when the snapshot shows one: DuckDB will not drop it, and has no CASCADE.
 */
export function compileDropTable(op: DropTableOp, ctx: HandlerContext): readonly Statement[] {
  refuseReferencedTable(ctx.snapshot, op.tableName, op.schema, { kind: op.kind, path: 'tableName', doing: 'drop' })
  return [statement(`DROP TABLE ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.qualified(op.tableName, op.schema)}`)]
}
