import { AthanorError, typeName, type ColumnType, type JsonValue } from '@athanor/ir'
import type { Quoter } from './quoting.js'

/**
 * How a dialect writes the literal forms that differ between engines.
 * @example
 * import { sqliteQuote } from '@athanor/dialect-sqlite'
 * const rules: LiteralRules = { dialect: 'sqlite', quote: sqliteQuote, boolean: (b) => (b ? '1' : '0'), binary: (hex) => `X'${hex}'` }
 * renderLiteral(false, 'boolean', rules, 'rows[0].active') // => '0'
 * renderLiteral('CAFE', 'binary', rules, 'rows[0].digest') // => "X'cafe'"
 * renderLiteral('soon', 'date', rules, 'rows[0].due') // throws { code: 'INVALID_VALUE', path: 'rows[0].due' }
 */
export interface LiteralRules {
  readonly dialect: string
  readonly quote: Quoter
  /** `true`/`false` or `1`/`0`. */
  readonly boolean: (value: boolean) => string
  /** Binary data given as hex digits (no prefix). */
  readonly binary: (hex: string) => string
  /** A date/time value already checked and normalised to `YYYY-MM-DD[ HH:MM:SS[.ffffff]][±HH:MM]`. */
  readonly temporal?: (text: string, type: 'date' | 'datetime' | 'time') => string
}

const INTEGER = /^-?\d+$/
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const HEX = /^(?:[0-9a-fA-F]{2})*$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([+-]\d{2}:?\d{2})?$/

function bad(dialect: string, path: string, expected: string, value: JsonValue): never {
  throw new AthanorError('INVALID_VALUE', {
    kind: 'bulkInsert',
    path,
    message: `${dialect}: ${path} must be ${expected}, found ${JSON.stringify(value)}`,
  })
}

/**
 * Writes a `bulkInsert` value as an inline SQL literal according to its column's type (catalog
 * §2.6): integers bare, exact numerics as given (numbers or numeric strings), booleans per
 * dialect, dates and times as ISO strings with a space between date and time, JSON as its text,
 * binary from hex. A value that does not fit its type is refused with `INVALID_VALUE` at `path`.
 * @example
 * import { postgresQuote } from '@athanor/dialect-postgres'
 * const rules: LiteralRules = { dialect: 'postgresql', quote: postgresQuote, boolean: (b) => String(b), binary: (hex) => `'\\x${hex}'` }
 * renderLiteral('2024-01-02T03:04:05', 'datetime', rules, 'rows[0].at') // => "'2024-01-02 03:04:05'"
 * renderLiteral(true, 'boolean', rules, 'rows[0].ok') // => 'true'
 */
export function renderLiteral(value: JsonValue, type: ColumnType, rules: LiteralRules, path: string): string {
  if (value === null) return 'NULL'
  const q = rules.quote
  const name = typeName(type)
  switch (name) {
    case 'integer':
    case 'smallint':
    case 'bigint':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
      if (typeof value === 'string' && INTEGER.test(value)) return value
      return bad(rules.dialect, path, 'an integer (a number, or a string of digits)', value)
    case 'numeric':
    case 'float':
    case 'double':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value)
      if (typeof value === 'string' && DECIMAL.test(value)) return value
      return bad(rules.dialect, path, 'a number or a numeric string', value)
    case 'boolean':
      if (typeof value === 'boolean') return rules.boolean(value)
      return bad(rules.dialect, path, 'true or false', value)
    case 'json':
      return q.literal(JSON.stringify(value))
    case 'binary':
      if (typeof value === 'string' && HEX.test(value)) return rules.binary(value.toLowerCase())
      return bad(rules.dialect, path, 'hex digits (pairs of 0-9a-f)', value)
    case 'date':
    case 'datetime':
    case 'time': {
      if (typeof value !== 'string') return bad(rules.dialect, path, `an ISO ${name} string`, value)
      let text: string | undefined
      if (name === 'date' && DATE.test(value)) text = value
      if (name === 'time' && TIME.test(value)) text = value
      if (name === 'datetime') {
        const m = DATETIME.exec(value)
        if (m !== null) text = `${m[1]} ${m[2]}${m[3] === undefined ? '' : m[3] === 'Z' ? '+00:00' : m[3]}`
      }
      if (text === undefined) return bad(rules.dialect, path, `an ISO ${name} string`, value)
      return rules.temporal === undefined ? q.literal(text) : rules.temporal(text, name)
    }
    case 'raw':
      if (typeof value === 'number' || typeof value === 'boolean') return String(value)
      if (typeof value === 'string') return q.literal(value)
      return bad(rules.dialect, path, 'a string, number or boolean', value)
    default:
      if (typeof value === 'string') return q.literal(value)
      return bad(rules.dialect, path, 'a string', value)
  }
}
