import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { MissingExistingStateError, UnsupportedOperationError, type AlterColumnOp, type ColumnType, type ServerDefault } from '@athanor/ir'
import { defaultSql } from '../column-spec.js'
import { dropLookup } from '../drop-lookup.js'
import { knownColumn, type MssqlSettings } from '../existing.js'
import { extendedProperty } from '../extended-property.js'
import { mssqlQuote as q } from '../quote.js'
import { mssqlType } from '../types.js'

function missing(op: AlterColumnOp, path: string, why: string): never {
  throw new MissingExistingStateError({ kind: op.kind, path, message: `mssql: ${why}; give ${path} or compile with a schema snapshot` })
}

/**
 * In SQL Server's order (catalog §2.5, Appendix C.3): the default-constraint lookup block
 * (`declare @const_name … exec(N'alter table t drop constraint ' + @const_name)`), then
 * `ALTER TABLE t ALTER COLUMN c TYPE [NOT] NULL`, then the comment
 * (`exec sp_add|update|dropextendedproperty …`), then `ALTER TABLE t ADD DEFAULT d FOR c`, then
 * `EXEC sp_rename 't.c', x, 'COLUMN'`.
 *
 * What the column is now comes from the op's `existing*` fields, else from the snapshot.
 */
export function compileAlterColumn(op: AlterColumnOp, ctx: HandlerContext, settings: MssqlSettings): readonly Statement[] {
  const identityChange = op.identity !== undefined ? 'identity' : op.autoincrement !== undefined ? 'autoincrement' : undefined
  if (identityChange !== undefined) {
    throw new UnsupportedOperationError({
      kind: op.kind,
      engine: 'mssql',
      path: identityChange,
      message: 'mssql: an IDENTITY cannot be added, changed or removed in place; add a new column (or rebuild the table) instead',
    })
  }
  const known = knownColumn(ctx.snapshot, op.tableName, op.schema, op.columnName)?.column
  const table = alterTable(q, op.tableName, op.schema)
  const col = q.ident(op.columnName)
  const out: Statement[] = []

  // undefined: unknown; null: the column has no default.
  const currentDefault: ServerDefault | null | undefined = op.existingServerDefault !== undefined ? op.existingServerDefault : known === undefined ? undefined : (known.serverDefault ?? null)
  // SQL Server refuses to change the type of a column bound to a default: drop it, add it back after.
  const rebind = op.type !== undefined && op.serverDefault === undefined && currentDefault !== undefined && currentDefault !== null
  // Differs from Alembic, which looks up the old default only when existing_server_default is
  // given (or the default is dropped): when it is unknown, an ADD DEFAULT alone fails on a column
  // that has one, while the lookup does nothing on a column that has none.
  if ((op.serverDefault !== undefined && currentDefault !== null) || rebind) out.push(dropLookup('default', op.tableName, op.schema, op.columnName))

  if (op.type !== undefined || op.nullable !== undefined) {
    const type: ColumnType = op.type ?? op.existingType ?? known?.type ?? missing(op, 'existingType', 'ALTER COLUMN restates the type; the column\'s type is unknown')
    // Differs from Alembic, which (with a warning) writes no NULL / NOT NULL, making the column nullable.
    const nullable = op.nullable ?? op.existingNullable ?? known?.nullable ?? missing(op, 'existingNullable', 'ALTER COLUMN restates NULL or NOT NULL; whether the column is nullable is unknown')
    out.push(statement(`${table} ALTER COLUMN ${col} ${mssqlType(type, op.type === undefined ? 'existingType' : 'type')} ${nullable ? 'NULL' : 'NOT NULL'}`))
  }

  if (op.comment !== undefined) {
    const existing = op.existingComment !== undefined ? op.existingComment : known === undefined ? undefined : (known.comment ?? null)
    const target = { schema: op.schema ?? settings.defaultSchema, tableName: op.tableName, columnName: op.columnName }
    if (op.comment === null) {
      // Known to have none: nothing to drop (sp_dropextendedproperty fails on a missing property).
      if (existing !== null) out.push(extendedProperty('exec', 'drop', target))
    } else {
      out.push(extendedProperty('exec', typeof existing === 'string' ? 'update' : 'add', target, op.comment))
    }
  }

  const newDefault = op.serverDefault === undefined ? (rebind ? currentDefault : undefined) : op.serverDefault
  if (newDefault !== undefined && newDefault !== null) out.push(statement(`${table} ADD DEFAULT ${defaultSql(newDefault)} FOR ${col}`))

  if (op.newColumnName !== undefined) {
    out.push(statement(`EXEC sp_rename ${q.literal(`${q.qualified(op.tableName, op.schema)}.${col}`)}, ${q.ident(op.newColumnName)}, 'COLUMN'`))
  }
  return out
}
