import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { MissingExistingStateError, UnsupportedOperationError, findTable, type DropConstraintOp, type TableModel } from '@athanor/ir'
import { impliedAutoincrement, isFirstKeyColumn } from '../autoincrement.js'
import { dropCheckClause, dropImplicitIndexClause, implicitForeignKeyIndex } from '../constraint-drops.js'
import { supports, type MysqlTarget } from '../target.js'

/**
 * By constraint type (catalog §2.3), which comes from the op or else from the schema snapshot:
 * `ALTER TABLE t DROP FOREIGN KEY [IF EXISTS] n` (then, with a snapshot, `ALTER TABLE t DROP INDEX
 * n` for the index InnoDB made for the key, when nothing else needs it), `ALTER TABLE t DROP
 * PRIMARY KEY`, `ALTER TABLE t DROP INDEX [IF EXISTS] n` for a unique constraint, and for a check
 * `ALTER TABLE t DROP CHECK n` (MySQL) or `ALTER TABLE t DROP CONSTRAINT [IF EXISTS] n` (MariaDB).
 * IF EXISTS is MariaDB's only; the reference drops it silently.
 */
export function compileDropConstraint(op: DropConstraintOp, ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const q = target.quote
  const table = ctx.snapshot === undefined ? undefined : findTable(ctx.snapshot, op.tableName, op.schema)
  const type = op.type ?? table?.constraints.find((c) => c.name === op.constraintName)?.type
  if (type === undefined) {
    // The reference raises NotImplementedError: MySQL has no DROP CONSTRAINT for every kind.
    throw new MissingExistingStateError({
      kind: op.kind,
      path: 'type',
      message: `${target.name}: the DROP statement depends on the constraint type, and ${JSON.stringify(op.constraintName)} is ${table === undefined ? 'not in a schema snapshot (none was given, or its table is missing)' : 'not in the schema snapshot'}; give type`,
    })
  }
  const ifExists = op.ifExists === true
  if (ifExists && (type === 'primaryKey' || !supports(target, 'constraintIfExists'))) {
    throw new UnsupportedOperationError({ kind: op.kind, engine: target.name, path: 'ifExists', message: `${target.name}: ${type === 'primaryKey' ? 'DROP PRIMARY KEY has' : 'MySQL has'} no IF EXISTS form here` })
  }
  const alter = alterTable(q, op.tableName, op.schema)
  const name = q.ident(op.constraintName)
  switch (type) {
    case 'foreignKey': {
      const out = [statement(`${alter} DROP FOREIGN KEY ${ifExists ? 'IF EXISTS ' : ''}${name}`)]
      // Differs from Alembic, which leaves InnoDB's index behind, so that the table is as the model says.
      const index = table === undefined ? undefined : implicitForeignKeyIndex(table, op.constraintName)
      if (index !== undefined) out.push(statement(`${alter} ${dropImplicitIndexClause(index, target)}`))
      return out
    }
    case 'primaryKey':
      if (table !== undefined) checkAutoincrementKept(op, table, target)
      return [statement(`${alter} DROP PRIMARY KEY`)]
    case 'unique':
      return [statement(`${alter} DROP INDEX ${ifExists ? 'IF EXISTS ' : ''}${name}`)]
    case 'check':
      return [statement(`${alter} ${dropCheckClause(op.constraintName, ifExists, target)}`)]
  }
}

/** Refuses to drop the key an AUTO_INCREMENT column needs (MySQL: "there can be only one auto column and it must be defined as a key"). */
function checkAutoincrementKept(op: DropConstraintOp, table: TableModel, target: MysqlTarget): void {
  const pk = table.constraints.find((c) => c.type === 'primaryKey')
  if (pk === undefined || pk.type !== 'primaryKey') return
  const rest = { ...table, constraints: table.constraints.filter((c) => c !== pk) }
  for (const column of table.columns) {
    if (pk.columns.includes(column.name) && impliedAutoincrement(table, column, target.flavour) && !isFirstKeyColumn(rest, column.name)) {
      throw new UnsupportedOperationError({
        kind: op.kind,
        engine: target.name,
        path: 'constraintName',
        message: `${target.name}: column ${JSON.stringify(column.name)} is AUTO_INCREMENT and must stay a key; alter it with autoincrement: false first`,
      })
    }
  }
}
