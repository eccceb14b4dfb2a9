import type { HandlerContext, Statement } from '@athanor/dialect-kit'
import type { DropTableCommentOp } from '@athanor/ir'
import type { MssqlSettings } from '../existing.js'
import { extendedProperty } from '../extended-property.js'

/** `execute sp_dropextendedproperty 'MS_Description', 'schema', s, 'table', t` */
export function compileDropTableComment(op: DropTableCommentOp, _ctx: HandlerContext, settings: MssqlSettings): readonly Statement[] {
  return [extendedProperty('execute', 'drop', { schema: op.schema ?? settings.defaultSchema, tableName: op.tableName })]
}
