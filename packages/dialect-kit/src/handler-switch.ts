import type { OpBase } from '@athanor/ir'
import type { Handler } from './contract.js'

/**
 * The lookup of a dialect's handler by op kind: a switch over the built-in kinds, each case
 * returning the handler the map held for it when the dialect was defined, and the map itself for
 * any other kind (a plugin's). Op kinds are interned strings, so each case is one comparison of
 * pointers: a dozen of them cost less than hashing into a Map, and this runs once per op.
 * @example
 * import { statement, type Handler } from '@athanor/dialect-kit'
 * import type { OpBase } from '@athanor/ir'
 * const drop: Handler<OpBase> = () => [statement('DROP TABLE t')]
 * const handlerOf = handlerSwitch(new Map([['dropTable', drop]]))
 * handlerOf('dropTable') === drop // => true
 * handlerOf('grant') // => undefined
 */
export function handlerSwitch(handlers: ReadonlyMap<string, Handler<OpBase>>): (kind: string) => Handler<OpBase> | undefined {
  // Read once: a dialect's handlers do not change after it is defined.
  const addColumn = handlers.get('addColumn')
  const alterColumn = handlers.get('alterColumn')
  const dropColumn = handlers.get('dropColumn')
  const createTable = handlers.get('createTable')
  const dropTable = handlers.get('dropTable')
  const renameTable = handlers.get('renameTable')
  const createIndex = handlers.get('createIndex')
  const dropIndex = handlers.get('dropIndex')
  const createForeignKey = handlers.get('createForeignKey')
  const createPrimaryKey = handlers.get('createPrimaryKey')
  const createUniqueConstraint = handlers.get('createUniqueConstraint')
  const createCheckConstraint = handlers.get('createCheckConstraint')
  const dropConstraint = handlers.get('dropConstraint')
  const createTableComment = handlers.get('createTableComment')
  const dropTableComment = handlers.get('dropTableComment')
  const bulkInsert = handlers.get('bulkInsert')
  const executeSql = handlers.get('executeSql')
  const batch = handlers.get('batch')
  return (kind) => {
    // The kinds of a migration's bulk first; containers and the rest fall through to the map.
    switch (kind) {
      case 'addColumn':
        return addColumn
      case 'alterColumn':
        return alterColumn
      case 'createTable':
        return createTable
      case 'createIndex':
        return createIndex
      case 'createForeignKey':
        return createForeignKey
      case 'dropColumn':
        return dropColumn
      case 'renameTable':
        return renameTable
      case 'dropTable':
        return dropTable
      case 'dropIndex':
        return dropIndex
      case 'createPrimaryKey':
        return createPrimaryKey
      case 'createUniqueConstraint':
        return createUniqueConstraint
      case 'createCheckConstraint':
        return createCheckConstraint
      case 'dropConstraint':
        return dropConstraint
      case 'createTableComment':
        return createTableComment
      case 'dropTableComment':
        return dropTableComment
      case 'bulkInsert':
        return bulkInsert
      case 'executeSql':
        return executeSql
      case 'batch':
        return batch
      default:
        return handlers.get(kind)
    }
  }
}
