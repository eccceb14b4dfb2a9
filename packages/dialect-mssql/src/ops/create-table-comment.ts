import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { CreateTableCommentOp } from '@athanor/ir'
import type { MssqlSettings } from '../existing.js'
import { extendedProperty } from '../extended-property.js'

/**
 * `execute sp_addextendedproperty 'MS_Description', N'c', 'schema', s, 'table', t`, or
 * `sp_updateextendedproperty` when the op says the table has a comment (`existingComment`).
 */
export function compileCreateTableComment(op: CreateTableCommentOp, _ctx: HandlerContext, settings: MssqlSettings): readonly Statement[] {
  // Differs from Alembic, which always adds (and fails on a table that has a comment).
  const action = typeof op.existingComment === 'string' ? 'update' : 'add'
  return [extendedProperty('execute', action, { schema: op.schema ?? settings.defaultSchema, tableName: op.tableName }, op.comment)]
}
