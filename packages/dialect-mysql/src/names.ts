import type { OpBase } from '@athanor/ir'
import { checkName, nameProblem } from './quote.js'
import type { MysqlTarget } from './target.js'

// Every name an op holds is checked before any SQL is written, so that a name MySQL would reject
// (longer than 64 characters, ending with a space, outside the Basic Multilingual Plane) is
// refused with the path of the field that holds it (`column.name`, `constraints[2].columns[0]`),
// not by the server halfway through a migration.

/** Fields that hold one name. */
const NAME_FIELDS = new Set([
  'name', 'tableName', 'columnName', 'newColumnName', 'schema', 'constraintName', 'indexName', 'sourceTable', 'sourceSchema', 'referentTable',
  'referentSchema', 'oldTableName', 'newTableName', 'remoteCol', 'insertBefore', 'insertAfter',
])

/** Fields that hold a list of names (or, for `columns`, of columns and index columns). */
const LIST_FIELDS = new Set(['columns', 'localCols', 'remoteCols'])

/**
 * Fields that hold something with names inside. What a drop carries to be reversible (`table`,
 * `index`, `constraint`) is not written, so not checked.
 */
const NESTED_FIELDS = new Set(['column', 'constraints', 'foreignKey', 'check'])

// Paths are built only for a name that fails: this runs on every op compiled.
function walk(value: unknown, path: string, visit: (name: string, path: () => string) => void): void {
  if (typeof value !== 'object' || value === null) return
  for (const key in value) {
    const field: unknown = (value as Record<string, unknown>)[key]
    if (NAME_FIELDS.has(key) && typeof field === 'string') visit(field, () => (path === '' ? key : `${path}.${key}`))
    else if ((LIST_FIELDS.has(key) || NESTED_FIELDS.has(key)) && Array.isArray(field)) {
      const at = path === '' ? key : `${path}.${key}`
      for (let i = 0; i < field.length; i++) {
        const item: unknown = field[i]
        if (typeof item === 'string') visit(item, () => `${at}[${i}]`)
        else walk(item, `${at}[${i}]`, visit)
      }
    } else if (NESTED_FIELDS.has(key)) walk(field, path === '' ? key : `${path}.${key}`, visit)
  }
}

/**
 * Refuses the first name of the op that MySQL cannot take, with `UNSUPPORTED_OPERATION`, the op's
 * kind and the path of the field (see `nameProblem`). Types, defaults, SQL text and data are not
 * names and are not looked at; child ops of containers and batches are checked when compiled.
 * @example
 * import { dropTable } from '@athanor/ir'
 * checkOpNames(dropTable({ tableName: 'x'.repeat(65) }), mysqlTarget({ flavour: 'mysql' }, mysqlQuote)) // throws { code: 'UNSUPPORTED_OPERATION', path: 'tableName' }
 */
export function checkOpNames(op: OpBase, target: MysqlTarget): void {
  walk(op, '', (name, path) => {
    if (nameProblem(name) !== undefined) checkName(name, target.name, path(), op.kind)
  })
}
