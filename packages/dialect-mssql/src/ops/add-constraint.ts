import { alterTable, statement, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError } from '@athanor/ir'
import { mssqlQuote as q } from '../quote.js'

/**
 * `ALTER TABLE t ADD CONSTRAINT n <body>`, shared by the four create-constraint handlers; `render`
 * writes the body of `def` (a foreign key passes its op as it is, see `foreignKeySql`).
 */
export function addConstraint<D>(
  kind: string,
  names: { readonly tableName: string; readonly schema?: string | undefined; readonly constraintName: string; readonly ifNotExists?: boolean | undefined },
  def: D,
  render: (def: D, name: string) => string,
): readonly Statement[] {
  if (names.ifNotExists === true) {
    throw new UnsupportedOperationError({ kind, engine: 'mssql', path: 'ifNotExists', message: 'mssql: ADD CONSTRAINT has no IF NOT EXISTS form' })
  }
  try {
    return [statement(`${alterTable(q, names.tableName, names.schema)} ADD ${render(def, names.constraintName)}`)]
  } catch (e) {
    if (e instanceof UnsupportedOperationError && e.kind === undefined) {
      throw new UnsupportedOperationError({ kind, engine: e.engine, path: e.path ?? '', message: e.message })
    }
    throw e
  }
}
