import { alterTable, statement, type Statement } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type ConstraintDefinition, type TableModel } from '@athanor/ir'
import { constraintSql } from '../constraint-sql.js'
import { checkKeyPart } from '../key-parts.js'
import { supports, type MysqlTarget } from '../target.js'

/**
 * `ALTER TABLE t ADD <constraint>`, shared by the four create-constraint handlers. `ifNotExists`
 * exists on MariaDB only, in a different place per kind: `ADD CONSTRAINT IF NOT EXISTS n CHECK …`,
 * `ADD CONSTRAINT n UNIQUE IF NOT EXISTS (…)`, `ADD CONSTRAINT n FOREIGN KEY IF NOT EXISTS (…)`;
 * a primary key has none. With the table's `model`, a key on a TEXT, BLOB or JSON column is
 * refused (see `checkKeyPart`).
 */
export function addConstraint(
  kind: string,
  names: { readonly tableName: string; readonly schema?: string | undefined; readonly constraintName: string; readonly ifNotExists?: boolean | undefined },
  def: ConstraintDefinition,
  target: MysqlTarget,
  model?: TableModel,
): readonly Statement[] {
  if (model !== undefined && (def.type === 'primaryKey' || def.type === 'unique')) {
    def.columns.forEach((c, i) => checkKeyPart(c, model.columns.find((col) => col.name === c)?.type, undefined, def.type === 'unique' ? 'unique' : 'primaryKey', target, kind, `columns[${i}]`))
  }
  const table = alterTable(target.quote, names.tableName, names.schema)
  const ifNotExists = constraintIfNotExists(kind, names.ifNotExists, def.type, target)
  return [statement(`${table} ADD ${constraintSql(def, names.constraintName, target, { schema: names.schema, ifNotExists })}`)]
}

/**
 * Whether an ADD CONSTRAINT says IF NOT EXISTS: as the op asks, refused with
 * `UNSUPPORTED_OPERATION` at `ifNotExists` where the server has no such form (MySQL; a primary
 * key anywhere).
 * @example
 * constraintIfNotExists('createForeignKey', true, 'foreignKey', mysqlTarget({ flavour: 'mariadb' }, mariadbQuote)) // => true
 */
export function constraintIfNotExists(kind: string, ifNotExists: boolean | undefined, type: ConstraintDefinition['type'], target: MysqlTarget): boolean {
  if (ifNotExists !== true) return false
  if (!supports(target, 'constraintIfExists') || type === 'primaryKey') {
    const what = type === 'primaryKey' ? 'ADD PRIMARY KEY has no IF NOT EXISTS form' : 'ADD CONSTRAINT has no IF NOT EXISTS form on MySQL'
    throw new UnsupportedOperationError({ kind, engine: target.name, path: 'ifNotExists', message: `${target.name}: ${what}` })
  }
  return true
}
