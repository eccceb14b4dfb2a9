import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { DropTableCommentOp } from '@athanor/ir'

/**
 * Nothing: SQLite stores no comments.
 * Differs from Alembic, which writes a `COMMENT ON TABLE … IS NULL` that SQLite rejects (catalog §2.4).
 */
export function compileDropTableComment(_op: DropTableCommentOp, _ctx: HandlerContext): readonly Statement[] {
  return []
}
