import { renderType, type SpelledTypeName, type TypeParams, type TypeSpelling } from '@athanor/dialect-kit'
import { GENERIC_TYPE_NAMES, UnsupportedOperationError, type ColumnType } from '@athanor/ir'
import { mysqlEnumValue, optionWord } from './quote.js'
import { fieldPath, type FieldPlace } from '@athanor/dialect-kit'
import type { MysqlTarget } from './target.js'

/**
 * How MySQL and MariaDB spell the generic type `name` with its parameters, appended to `sql`
 * after a space (which then costs no concatenation of its own), or undefined where they have none (VARCHAR without a length); `noBackslashEscapes` says how enum
 * values are written (see `mysqlLiteral`). A time zone is ignored: DATETIME and TIME keep none
 * (catalog §0.6). A switch, not a lookup in a {@link TypeSpelling}: the name changes from column
 * to column, and a property lookup by a changing key costs several times more. Appending, not
 * returning the type alone: `VARCHAR(255)` built on its own is copied at each step (V8 copies a
 * concatenation shorter than 13 characters), appended to a statement it is only linked.
 */
function spelledType(sql: string, name: SpelledTypeName, p: TypeParams, noBackslashEscapes: boolean | undefined): string | undefined {
  switch (name) {
    case 'integer':
      return sql + ' INTEGER'
    case 'smallint':
      return sql + ' SMALLINT'
    case 'bigint':
      return sql + ' BIGINT'
    // VARCHAR has no default length on MySQL (catalog §0.6: "VARCHAR requires a length").
    case 'varchar':
      return p.length === undefined ? undefined : withParams(sql + ' VARCHAR(', p.length)
    // Differs from Alembic (NATIONAL VARCHAR, which MySQL 8 reads as the deprecated utf8mb3): a
    // national string is a VARCHAR in utf8mb4, whatever the table's character set.
    case 'nvarchar':
      return p.length === undefined ? undefined : withParams(sql + ' VARCHAR(', p.length) + ' CHARACTER SET utf8mb4'
    case 'char':
      return p.length === undefined ? sql + ' CHAR' : withParams(sql + ' CHAR(', p.length)
    // TEXT's length only picks among TINYTEXT … LONGTEXT; a raw type says which one is wanted.
    case 'text':
      return sql + ' TEXT'
    case 'boolean':
      return sql + ' BOOL'
    case 'numeric':
      return p.precision === undefined ? sql + ' NUMERIC' : withParams(sql + ' NUMERIC(', p.precision, p.scale)
    case 'float':
      return p.precision === undefined ? sql + ' FLOAT' : withParams(sql + ' FLOAT(', p.precision)
    case 'double':
      return sql + ' DOUBLE'
    case 'date':
      return sql + ' DATE'
    case 'datetime':
      return p.precision === undefined ? sql + ' DATETIME' : withParams(sql + ' DATETIME(', p.precision)
    case 'time':
      return p.precision === undefined ? sql + ' TIME' : withParams(sql + ' TIME(', p.precision)
    // MySQL has no interval type; SQLAlchemy's Interval is stored as a DATETIME there (epoch + the interval).
    case 'interval':
      return sql + ' DATETIME'
    case 'json':
      return sql + ' JSON'
    case 'binary':
      return p.length === undefined ? sql + ' BLOB' : withParams(sql + ' VARBINARY(', p.length)
    // SQLAlchemy's Uuid on MySQL: 32 hex digits (bulkInsert writes values without dashes).
    case 'uuid':
      return sql + ' CHAR(32)'
    case 'enum':
      return `${sql} ENUM(${(p.values ?? []).map((v) => mysqlEnumValue(v, noBackslashEscapes)).join(', ')})`
  }
}

/** `sql` (ending with `(`) then `a)` or `a, b)`. */
function withParams(sql: string, a: number, b?: number): string {
  let out = sql + a
  if (b !== undefined) {
    out += ', '
    out += b
  }
  return out + ')'
}

const SPELLED_TYPE_NAMES: readonly SpelledTypeName[] = [...GENERIC_TYPE_NAMES, 'enum']

/**
 * How MySQL and MariaDB spell each generic type, as `renderType` takes it; `noBackslashEscapes`
 * says how enum values are written (see `mysqlLiteral`).
 * @example
 * import { renderType } from '@athanor/dialect-kit'
 * renderType({ name: 'enum', values: ['a', 'b'] }, mysqlTypeSpelling(true), 'mysql') // => "ENUM('a', 'b')"
 */
export function mysqlTypeSpelling(noBackslashEscapes?: boolean): TypeSpelling {
  const spelling: Partial<Record<SpelledTypeName, (p: TypeParams) => string | undefined>> = {}
  for (const name of SPELLED_TYPE_NAMES) spelling[name] = (p) => spelledType('', name, p, noBackslashEscapes)?.slice(1)
  return spelling as TypeSpelling
}

/**
 * How MySQL and MariaDB spell each generic type, with the enum values of a dialect that does not
 * know the backslash mode.
 * @example
 * import { renderType } from '@athanor/dialect-kit'
 * renderType('boolean', mysqlTypes, 'mysql') // => 'BOOL'
 */
export const mysqlTypes: TypeSpelling = mysqlTypeSpelling()

/**
 * Spells a column type for the target, with its collation (`COLLATE x`). A raw type uses its
 * spelling for the flavour (`mariadb`, then `mysql`), else its `sql`. Refuses what MySQL has no
 * type for (VARCHAR without a length), fractional seconds beyond 6 digits, and ENUM values ending
 * with a space (MySQL strips it).
 * @example
 * mysqlType({ name: 'varchar', length: 20, collation: 'utf8mb4_bin' }, mysqlTarget({ flavour: 'mysql' }, mysqlQuote)) // => 'VARCHAR(20) COLLATE utf8mb4_bin'
 */
export function mysqlType(type: ColumnType, target: MysqlTarget, path = 'type'): string {
  return appendType('', type, target, '', path).slice(1)
}

/**
 * {@link mysqlType} appended to `sql` after a space, for the type in `field` at `place` (the error
 * path built only for a refusal).
 * @example
 * appendType('c ', { name: 'varchar' }, mysqlTarget({ flavour: 'mysql' }, mysqlQuote), 3, 'type') // throws { code: 'UNSUPPORTED_OPERATION', path: 'columns[3].type' }
 */
export function appendType(sql: string, type: ColumnType, target: MysqlTarget, place: FieldPlace, field: string): string {
  // Where MySQL has no spelling, renderType refuses the type with its own error.
  if (typeof type === 'string') return spelledType(sql, type, NO_PARAMS, undefined) ?? `${sql} ${renderType(type, mysqlTypes, target.name, fieldPath(place, field))}`
  if (type.name === 'raw') return `${sql} ${type.dialects?.[target.flavour] ?? type.dialects?.['mysql'] ?? type.sql}`
  if (type.name === 'enum') {
    const at = type.values.findIndex((v) => v.endsWith(' '))
    if (at !== -1) {
      // MySQL strips trailing spaces from ENUM values: the type would not hold the value asked for.
      throw new UnsupportedOperationError({ engine: target.name, path: `${fieldPath(place, field)}.values[${at}]`, message: `${target.name}: an ENUM value cannot end with a space (MySQL strips it)` })
    }
  }
  if ((type.name === 'datetime' || type.name === 'time') && type.precision !== undefined && type.precision > 6) {
    throw new UnsupportedOperationError({ engine: target.name, path: `${fieldPath(place, field)}.precision`, message: `${target.name}: fractional seconds go to 6 digits; found precision ${type.precision}` })
  }
  const out = spelledType(sql, type.name, type as TypeParams, target.noBackslashEscapes) ?? `${sql} ${renderType(type, mysqlTypes, target.name, fieldPath(place, field))}`
  if ('collation' in type && type.collation !== undefined) return `${out} COLLATE ${optionWord(type.collation, `${fieldPath(place, field)}.collation`, undefined, target)}`
  return out
}

const NO_PARAMS: TypeParams = Object.freeze({})

const DATETIME_FAMILY = /^\s*(DATETIME|TIMESTAMP)\b/i

/**
 * True for the types in the catalog's "DateTime family" (§2.3): generic `datetime` and raw
 * DATETIME/TIMESTAMP spellings, not DATE or TIME. Setting a default on one is a CHANGE; these are
 * also the only types with `ON UPDATE`.
 * @example
 * isDatetimeFamily({ name: 'raw', sql: 'TIMESTAMP(3)' }) // => true
 */
export function isDatetimeFamily(type: ColumnType, flavour = 'mysql'): boolean {
  if (typeof type === 'string') return type === 'datetime'
  if (type.name === 'datetime') return true
  if (type.name !== 'raw') return false
  return DATETIME_FAMILY.test(type.dialects?.[flavour] ?? type.dialects?.['mysql'] ?? type.sql)
}

const INTEGER_TYPES = /^\s*(TINYINT|SMALLINT|MEDIUMINT|INT|INTEGER|BIGINT)\b/i

/**
 * True for integer types, the only ones that can be AUTO_INCREMENT here (MySQL also allows it on
 * FLOAT, deprecated in 8.0).
 * @example
 * isIntegerType('bigint') // => true
 */
export function isIntegerType(type: ColumnType, flavour = 'mysql'): boolean {
  if (typeof type === 'string') return type === 'integer' || type === 'smallint' || type === 'bigint'
  if (type.name === 'integer' || type.name === 'smallint' || type.name === 'bigint') return true
  if (type.name !== 'raw') return false
  return INTEGER_TYPES.test(type.dialects?.[flavour] ?? type.dialects?.['mysql'] ?? type.sql)
}
