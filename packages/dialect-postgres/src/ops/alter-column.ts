import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type AlterColumnOp, type Identity } from '@athanor/ir'
import { defaultSql, identityOptions, identitySql } from '../column-spec.js'
import { postgresQuote as q } from '../quote.js'
import { postgresType } from '../types.js'

/**
 * In PostgreSQL's order (catalog §2.2): `ALTER TABLE t ALTER COLUMN c TYPE x [USING …]`,
 * `… SET NOT NULL` / `… DROP NOT NULL`, `… SET DEFAULT d` / `… DROP DEFAULT`, identity
 * (`ADD GENERATED …`, `SET …`, `DROP IDENTITY`), `COMMENT ON COLUMN t.c IS …`, then
 * `ALTER TABLE t RENAME c TO x`.
 */
export function compileAlterColumn(op: AlterColumnOp, _ctx: HandlerContext): readonly Statement[] {
  if (op.autoincrement !== undefined) {
    throw new UnsupportedOperationError({
      kind: op.kind,
      engine: 'postgresql',
      path: 'autoincrement',
      message: 'postgresql: autoincrement cannot be changed in place; use identity (ADD/DROP IDENTITY) instead',
    })
  }
  const table = alterTable(q, op.tableName, op.schema)
  const column = `${table} ALTER COLUMN ${q.ident(op.columnName)}`
  const out: Statement[] = []
  if (op.type !== undefined) {
    out.push(statement(`${column} TYPE ${postgresType(op.type, 'type', op.schema)}${op.postgresqlUsing === undefined ? '' : ` USING ${op.postgresqlUsing}`}`))
  }
  if (op.nullable !== undefined) out.push(statement(`${column} ${op.nullable ? 'DROP' : 'SET'} NOT NULL`))
  if (op.serverDefault !== undefined) {
    out.push(statement(op.serverDefault === null ? `${column} DROP DEFAULT` : `${column} SET DEFAULT ${defaultSql(op.serverDefault)}`))
  }
  if (op.identity !== undefined) {
    const sql = identityChange(column, op.identity, op.existingIdentity)
    if (sql !== undefined) out.push(statement(sql))
  }
  if (op.comment !== undefined) {
    out.push(statement(`COMMENT ON COLUMN ${q.qualified(op.tableName, op.schema)}.${q.ident(op.columnName)} IS ${op.comment === null ? 'NULL' : q.literal(op.comment)}`))
  }
  if (op.newColumnName !== undefined) out.push(statement(`${table} RENAME ${q.ident(op.columnName)} TO ${q.ident(op.newColumnName)}`))
  return out
}

// The reference emits one SET per changed attribute in alphabetical order of SQLAlchemy's names
// (always, cache, cycle, increment, maxvalue, minvalue, start): catalog §2.2.
const IDENTITY_ATTRS = ['cache', 'cycle', 'increment', 'maxValue', 'minValue', 'start'] as const

function identityChange(column: string, next: Identity | null, before: Identity | null | undefined): string | undefined {
  if (next === null) return `${column} DROP IDENTITY`
  if (before === undefined || before === null) return `${column} ADD ${identitySql(next)}`
  const sets: string[] = []
  if ((next.always === true) !== (before.always === true)) sets.push(`SET GENERATED ${next.always === true ? 'ALWAYS' : 'BY DEFAULT'}`)
  for (const attr of IDENTITY_ATTRS) {
    if (next[attr] !== before[attr] && next[attr] !== undefined) sets.push(`SET ${identityOptions({ [attr]: next[attr] })}`)
  }
  // Differs from Alembic, which emits a bare, invalid `ALTER TABLE t ALTER COLUMN c` when nothing changes.
  return sets.length === 0 ? undefined : `${column} ${sets.join(' ')}`
}
