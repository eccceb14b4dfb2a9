import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { MissingExistingStateError, UnsupportedOperationError, findTable, type ConstraintModel, type DropConstraintOp, type TableModel } from '@athanor/ir'
import { impliedAutoincrement, isFirstKeyColumn } from '../autoincrement.js'
import { dropCheckClause, implicitIndexClause, indexesForForeignKeys } from '../constraint-drops.js'
import { supports, type MysqlTarget } from '../target.js'

/**
 * By constraint type (catalog §2.3), which comes from the op or else from the schema snapshot:
 * `ALTER TABLE t DROP FOREIGN KEY [IF EXISTS] n` (then, with a snapshot, `ALTER TABLE t DROP INDEX
 * n` for the index InnoDB made for the key: see `implicitIndexClause`), `ALTER TABLE t DROP PRIMARY
 * KEY`, `ALTER TABLE t DROP INDEX [IF EXISTS] n` for a unique constraint (with a snapshot, `, ADD
 * INDEX fk (cols)` for a foreign key that needs an index in its place: see
 * `indexesForForeignKeys`), and for a check `ALTER TABLE t DROP CHECK n` (MySQL) or `ALTER TABLE t
 * DROP CONSTRAINT [IF EXISTS] n` (MariaDB). IF EXISTS is MariaDB's only; the reference drops it
 * silently.
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
      const index = table === undefined ? undefined : implicitIndexClause(table, op.constraintName, target)
      if (index !== undefined) out.push(statement(`${alter} ${index}`))
      return out
    }
    case 'primaryKey':
      if (table !== undefined) checkAutoincrementKept(op, table, target)
      return [statement([`${alter} DROP PRIMARY KEY`, ...keepIndexed(table, (c) => c.type === 'primaryKey', target)].join(', '))]
    case 'unique':
      return [statement([`${alter} DROP INDEX ${ifExists ? 'IF EXISTS ' : ''}${name}`, ...keepIndexed(table, (c) => c.name === op.constraintName, target)].join(', '))]
    case 'check':
      return [statement(`${alter} ${dropCheckClause(op.constraintName, ifExists, target)}`)]
  }
}

/** The `ADD INDEX` clauses that keep foreign keys indexed without the constraint `dropped` picks (see `indexesForForeignKeys`). */
function keepIndexed(table: TableModel | undefined, dropped: (c: ConstraintModel) => boolean, target: MysqlTarget): string[] {
  return table === undefined ? [] : indexesForForeignKeys(table, { ...table, constraints: table.constraints.filter((c) => !dropped(c)) }, target)
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
