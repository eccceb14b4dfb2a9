import { alterTable, statement, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError } from '@athanor/ir'
import { postgresQuote as q } from '../quote.js'

/**
 * `ALTER TABLE t ADD CONSTRAINT n <body>`, shared by the four create-constraint handlers; `body`
 * renders the constraint itself (it may refuse an option, naming the field).
 */
export function addConstraint(
  kind: string,
  names: { readonly tableName: string; readonly schema?: string | undefined; readonly constraintName: string; readonly ifNotExists?: boolean | undefined },
  body: () => string,
): readonly Statement[] {
  refuseIfNotExists(kind, names.ifNotExists)
  try {
    return [statement(`${alterTable(q, names.tableName, names.schema)} ADD CONSTRAINT ${q.ident(names.constraintName)} ${body()}`)]
  } catch (e) {
    if (e instanceof UnsupportedOperationError && e.kind === undefined) {
      throw new UnsupportedOperationError({ kind, engine: e.engine, path: e.path ?? '', message: e.message })
    }
    throw e
  }
}

/**
 * Refuses `ifNotExists: true` on an op that adds a constraint: PostgreSQL's ADD CONSTRAINT has no
 * IF NOT EXISTS form.
 * @example
 * refuseIfNotExists('createForeignKey', true) // throws { code: 'UNSUPPORTED_OPERATION', path: 'ifNotExists' }
 */
export function refuseIfNotExists(kind: string, ifNotExists: boolean | undefined): void {
  if (ifNotExists === true) {
    throw new UnsupportedOperationError({ kind, engine: 'postgresql', path: 'ifNotExists', message: 'postgresql: ADD CONSTRAINT has no IF NOT EXISTS form' })
  }
}
