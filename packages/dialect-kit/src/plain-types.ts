import { GENERIC_TYPE_NAMES, type ColumnType, type GenericTypeName } from '@athanor/ir'
import type { TypeSpelling } from './types.js'

/**
 * The spellings of a {@link TypeSpelling} that take no parameters, each with a space before it
 * (`' INTEGER'`), by generic type name; absent where the spelling is a function or missing. Made
 * once per dialect by {@link spacedTypes}, read by {@link appendPlainType}.
 * @example
 * import { sqliteTypes } from '@athanor/dialect-sqlite'
 * const spaced: SpacedTypes = spacedTypes(sqliteTypes)
 * spaced.boolean // => ' BOOLEAN'
 */
export type SpacedTypes = { readonly [K in GenericTypeName]: string | undefined }

/**
 * The {@link SpacedTypes} of a dialect's spelling table, worked out once (when the dialect module
 * loads), with the same fields in the same order for every dialect.
 * @example
 * import { postgresTypes } from '@athanor/dialect-postgres'
 * spacedTypes(postgresTypes).integer // => ' INTEGER'
 * spacedTypes(postgresTypes).varchar // => undefined
 */
export function spacedTypes(spelling: TypeSpelling): SpacedTypes {
  const spaced: Partial<Record<GenericTypeName, string | undefined>> = {}
  for (const name of GENERIC_TYPE_NAMES) {
    const s = spelling[name]
    spaced[name] = typeof s === 'string' ? ` ${s}` : undefined
  }
  return Object.freeze(spaced as SpacedTypes)
}

/**
 * ` TYPE` appended to `sql` when `type` is a generic type name whose spelling takes no parameters
 * (see {@link spacedTypes}), else undefined: the caller spells the type whole (`renderType`).
 * For the hot path of a column definition: the space costs no concatenation of its own, and a
 * switch reads one named field where a lookup by a key that changes from column to column is a
 * slow, megamorphic read.
 * @example
 * import { postgresTypes } from '@athanor/dialect-postgres'
 * const spaced = spacedTypes(postgresTypes)
 * appendPlainType('id', 'bigint', spaced) // => 'id BIGINT'
 * appendPlainType('n', { name: 'numeric', precision: 10 }, spaced) // => undefined
 */
export function appendPlainType(sql: string, type: ColumnType, spaced: SpacedTypes): string | undefined {
  // A type object is spelled whole; comparing one with the cases below would be slow.
  if (typeof type !== 'string') return undefined
  let s: string | undefined
  switch (type) {
    case 'integer':
      s = spaced.integer
      break
    case 'smallint':
      s = spaced.smallint
      break
    case 'bigint':
      s = spaced.bigint
      break
    case 'varchar':
      s = spaced.varchar
      break
    case 'nvarchar':
      s = spaced.nvarchar
      break
    case 'char':
      s = spaced.char
      break
    case 'text':
      s = spaced.text
      break
    case 'boolean':
      s = spaced.boolean
      break
    case 'numeric':
      s = spaced.numeric
      break
    case 'float':
      s = spaced.float
      break
    case 'double':
      s = spaced.double
      break
    case 'date':
      s = spaced.date
      break
    case 'datetime':
      s = spaced.datetime
      break
    case 'time':
      s = spaced.time
      break
    case 'interval':
      s = spaced.interval
      break
    case 'json':
      s = spaced.json
      break
    case 'binary':
      s = spaced.binary
      break
    case 'uuid':
      s = spaced.uuid
      break
  }
  return s === undefined ? undefined : sql + s
}
