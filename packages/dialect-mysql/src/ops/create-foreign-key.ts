import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, findTable, sqlMentions, type CreateForeignKeyOp } from '@athanor/ir'
import { hasReferentialAction } from '../check-rules.js'
import { appendForeignKey } from '../constraint-sql.js'
import type { MysqlTarget } from '../target.js'
import { constraintIfNotExists } from './add-constraint.js'

/**
 * `ALTER TABLE s ADD CONSTRAINT n FOREIGN KEY [IF NOT EXISTS] (a) REFERENCES r (b) [ON DELETE …]
 * [ON UPDATE …]`. InnoDB adds an index named n on the columns when no key or index starts with
 * them (dropConstraint removes it again). With a schema snapshot, a referential action on a
 * column a check names is refused: the server would reject it.
 */
export function compileCreateForeignKey(op: CreateForeignKeyOp, ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const table = ctx.snapshot === undefined ? undefined : findTable(ctx.snapshot, op.sourceTable, op.sourceSchema)
  if (table !== undefined && hasReferentialAction(op, target.flavour)) {
    const checked = op.localCols.find((col) => table.constraints.some((c) => c.type === 'check' && sqlMentions(c.condition, col)))
    if (checked !== undefined) {
      throw new UnsupportedOperationError({
        kind: op.kind,
        engine: target.name,
        path: hasReferentialAction({ onDelete: op.onDelete ?? 'NO ACTION' }, target.flavour) ? 'onDelete' : 'onUpdate',
        message: `${target.name}: a foreign key cannot change ${JSON.stringify(checked)} (ON DELETE / ON UPDATE), which a CHECK names`,
      })
    }
  }
  const alter = alterTable(target.quote, op.sourceTable, op.sourceSchema)
  const ifNotExists = constraintIfNotExists(op.kind, op.ifNotExists, 'foreignKey', target)
  // The op has the key's fields itself: no definition to copy them into.
  return [statement(appendForeignKey(`${alter} ADD `, op, op.constraintName, target, { schema: op.sourceSchema, ifNotExists }))]
}
