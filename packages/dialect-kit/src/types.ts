import { UnsupportedOperationError, type ColumnType, type GenericTypeName } from '@athanor/ir'

/**
 * Every type name a {@link TypeSpelling} must handle: the generic ones plus `enum`.
 * @example
 * import { mssqlTypes } from '@athanor/dialect-mssql'
 * // The types SQL Server has no spelling for
 * const names = Object.keys(mssqlTypes) as SpelledTypeName[]
 * names.filter((n) => mssqlTypes[n] === undefined) // => ['interval']
 */
export type SpelledTypeName = GenericTypeName | 'enum'

/**
 * Type parameters, read off the object form of a type.
 * @example
 * import { postgresTypes } from '@athanor/dialect-postgres'
 * // A spelling function gets the type's parameters
 * const varchar = (p: TypeParams): string => (p.length === undefined ? 'TEXT' : `VARCHAR(${p.length})`)
 * renderType({ name: 'varchar', length: 20 }, { ...postgresTypes, varchar }, 'mine') // => 'VARCHAR(20)'
 * renderType('varchar', { ...postgresTypes, varchar }, 'mine') // => 'TEXT'
 */
export interface TypeParams {
  readonly length?: number
  readonly precision?: number
  readonly scale?: number
  readonly timezone?: boolean
  readonly collation?: string
  readonly values?: readonly string[]
  readonly enumName?: string
}

/**
 * How a dialect spells each generic type: a `Record` that reads as a table. A function gets the
 * type's parameters; `undefined` means the engine has no such type (refused with a typed error).
 * @example
 * import { postgresTypes } from '@athanor/dialect-postgres'
 * const spelling: TypeSpelling = { ...postgresTypes, varchar: (p) => (p.length === undefined ? 'VARCHAR' : `VARCHAR(${p.length})`), json: undefined }
 */
export type TypeSpelling = { readonly [K in SpelledTypeName]: string | ((params: TypeParams) => string | undefined) | undefined }

/**
 * Spells a column type for a dialect. A `raw` type is emitted verbatim (its per-dialect spelling
 * first). Throws `UnsupportedOperationError` for a type the dialect cannot spell.
 * @example
 * import { postgresTypes } from '@athanor/dialect-postgres'
 * renderType({ name: 'varchar', length: 20 }, postgresTypes, 'postgresql') // => 'VARCHAR(20)'
 */
export function renderType(type: ColumnType, spelling: TypeSpelling, dialect: string, path = 'type'): string {
  if (typeof type === 'string') {
    const s = spelling[type]
    if (typeof s === 'string') return s
    return spell(type, s, {}, dialect, path)
  }
  if (type.name === 'raw') return type.dialects?.[dialect] ?? type.sql
  const s = spelling[type.name]
  if (typeof s === 'string') return s
  return spell(type.name, s, type as TypeParams, dialect, path)
}

function spell(name: string, s: ((p: TypeParams) => string | undefined) | undefined, params: TypeParams, dialect: string, path: string): string {
  const out = s?.(params)
  if (out === undefined) {
    throw new UnsupportedOperationError({
      engine: dialect,
      path,
      message: `${dialect} has no ${name} type${'length' in params || name !== 'varchar' ? '' : ' without a length'}; use another type or { name: 'raw', sql }`,
    })
  }
  return out
}
