import type { Column, OpBase } from '@athanor/ir'
import { checkName, nameProblem } from './quote.js'
import type { MysqlTarget } from './target.js'

// Every name an op holds is checked, so that a name MySQL would reject (longer than 64
// characters, ending with a space, outside the Basic Multilingual Plane) is refused before
// anything else about the op, with the path of the field that holds it (`column.name`,
// `constraints[2].columns[0]`), not by the server halfway through a migration.

/**
 * What a field of an op holds, for the name check: one name, a list of names (or, for `columns`,
 * of columns and index columns), something with names inside, or nothing checked here. What a
 * drop carries to be reversible (`table`, `index`, `constraint`) is not written, so not checked.
 * A switch, not a set lookup: it runs for every field the walk visits.
 */
function holds(key: string): 'name' | 'list' | 'nested' | undefined {
  switch (key) {
    case 'name': case 'tableName': case 'columnName': case 'newColumnName': case 'schema': case 'constraintName': case 'indexName':
    case 'sourceTable': case 'sourceSchema': case 'referentTable': case 'referentSchema': case 'oldTableName': case 'newTableName':
    case 'remoteCol': case 'insertBefore': case 'insertAfter':
      return 'name'
    case 'columns': case 'localCols': case 'remoteCols':
      return 'list'
    case 'column': case 'constraints': case 'foreignKey': case 'check':
      return 'nested'
    default:
      return undefined
  }
}

/** A name MySQL cannot take, and the path of its field from where the search began. */
interface BadName {
  readonly name: string
  readonly path: string
}

/**
 * The first name in `value` that MySQL cannot take (see `nameProblem`), or undefined. Its path is
 * built only on the way back from it.
 */
function badName(value: object): BadName | undefined {
  for (const key in value) {
    const field: unknown = (value as Record<string, unknown>)[key]
    // Flags, numbers and absent fields hold no names.
    if (typeof field !== 'string' && (typeof field !== 'object' || field === null)) continue
    const what = holds(key)
    if (what === undefined) continue
    if (what === 'name') {
      if (typeof field === 'string' && nameProblem(field) !== undefined) return { name: field, path: key }
    } else if (Array.isArray(field)) {
      for (let i = 0; i < field.length; i++) {
        const item: unknown = field[i]
        if (typeof item === 'string') {
          if (nameProblem(item) !== undefined) return { name: item, path: `${key}[${i}]` }
        } else if (typeof item === 'object' && item !== null) {
          const bad = badName(item)
          if (bad !== undefined) return { name: bad.name, path: `${key}[${i}].${bad.path}` }
        }
      }
    } else if (what === 'nested' && typeof field === 'object' && field !== null) {
      const bad = badName(field)
      if (bad !== undefined) return { name: bad.name, path: `${key}.${bad.path}` }
    }
  }
  return undefined
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
  const bad = badName(op)
  if (bad !== undefined) checkName(bad.name, target.name, bad.path, op.kind)
}

/**
 * True when the column a dropColumn carries (`op.column`) holds a name MySQL cannot take.
 * @example
 * import { dropColumn } from '@athanor/ir'
 * carriesBadName(dropColumn({ tableName: 't', columnName: 'c', column: { name: 'c', type: 'text', foreignKey: { referentTable: 'x'.repeat(65), remoteCol: 'id' } } })) // => true
 */
export function carriesBadName(op: OpBase): boolean {
  const column = (op as { readonly column?: Column }).column
  return column !== undefined && !plainNames(column) && badName(column) !== undefined
}

/**
 * True when every name a column holds (its name, its foreign key's and its check's) has none of
 * the problems `nameProblem` looks for: almost every column, told without walking its fields.
 */
function plainNames(column: Column): boolean {
  const { foreignKey: fk, check } = column
  if (nameProblem(column.name) !== undefined) return false
  if (fk !== undefined) {
    if (nameProblem(fk.referentTable) !== undefined || nameProblem(fk.remoteCol) !== undefined) return false
    if ((fk.name !== undefined && nameProblem(fk.name) !== undefined) || (fk.referentSchema !== undefined && nameProblem(fk.referentSchema) !== undefined)) return false
  }
  return check?.name === undefined || nameProblem(check.name) === undefined
}
