import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateTableCommentOp } from '@athanor/ir'

/**
 * Nothing: SQLite stores no comments, as it drops those of CREATE TABLE.
 * Differs from Alembic, which writes a `COMMENT ON TABLE` that SQLite rejects (catalog §2.4).
 */
export function compileCreateTableComment(_op: CreateTableCommentOp, _ctx: HandlerContext): readonly Statement[] {
  return []
}
