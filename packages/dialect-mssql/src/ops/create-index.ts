import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type CreateIndexOp } from '@athanor/ir'
import { createIndexSql } from '../constraint-sql.js'

/** `CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] INDEX name ON t (cols) [INCLUDE (…)] [WHERE …]` */
export function compileCreateIndex(op: CreateIndexOp, _ctx: HandlerContext): readonly Statement[] {
  if (op.ifNotExists === true) {
    // Differs from Alembic, which drops the clause silently: the CREATE would then fail.
    throw new UnsupportedOperationError({ kind: op.kind, engine: 'mssql', path: 'ifNotExists', message: 'mssql: CREATE INDEX has no IF NOT EXISTS form' })
  }
  return [statement(createIndexSql(op, op))]
}
