import { alterTable, statement, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type ConstraintDefinition } from '@athanor/ir'
import { constraintSql } from '../constraint-sql.js'
import { mssqlQuote as q } from '../quote.js'

/** `ALTER TABLE t ADD CONSTRAINT n <body>`, shared by the four create-constraint handlers. */
export function addConstraint(
  kind: string,
  names: { readonly tableName: string; readonly schema?: string | undefined; readonly constraintName: string; readonly ifNotExists?: boolean | undefined },
  def: ConstraintDefinition,
): readonly Statement[] {
  if (names.ifNotExists === true) {
    throw new UnsupportedOperationError({ kind, engine: 'mssql', path: 'ifNotExists', message: 'mssql: ADD CONSTRAINT has no IF NOT EXISTS form' })
  }
  try {
    return [statement(`${alterTable(q, names.tableName, names.schema)} ADD ${constraintSql(def, names.constraintName)}`)]
  } catch (e) {
    if (e instanceof UnsupportedOperationError && e.kind === undefined) {
      throw new UnsupportedOperationError({ kind, engine: e.engine, path: e.path ?? '', message: e.message })
    }
    throw e
  }
}
