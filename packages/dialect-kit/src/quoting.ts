import { UnsupportedOperationError } from '@athanor/ir'
import { NOT_BARE, bareNameHash, reservedWordTest } from './bare-names.js'

/**
 * The one audited path from names and strings to SQL text for a dialect: identifiers are quoted
 * only when needed, literals always escaped.
 * @example
 * import { mssqlQuote } from '@athanor/dialect-mssql'
 * import { postgresQuote } from '@athanor/dialect-postgres'
 * const quoters: Quoter[] = [postgresQuote, mssqlQuote]
 * quoters.map((q) => q.qualified('order', 'sales')) // => ['sales."order"', 'sales.[order]']
 * quoters.map((q) => q.ident('account')) // => ['account', 'account']
 * postgresQuote.literal("it's") // => "'it''s'"
 */
export interface Quoter {
  /** An identifier, quoted when it is reserved, not all lower case, starts with a digit or `$`, or has other characters. */
  ident(name: string, options?: { readonly force?: boolean }): string
  /** `schema.name` with each part through {@link Quoter.ident}; just the name without a schema. */
  qualified(name: string, schema?: string): string
  /** A string literal, escaped for the dialect. */
  literal(value: string): string
}

/**
 * What {@link createQuoter} needs to know about a dialect.
 * @example
 * const options: QuoterOptions = {
 *   dialect: 'mydb', open: '"', close: '"', reserved: new Set(['select', 'order']), maxIdentifierLength: 63,
 *   literal: (s) => `'${s.replaceAll("'", "''")}'`,
 * }
 * const q = createQuoter(options)
 * q.ident('order') // => '"order"'
 * q.ident('say "hi"') // => '"say ""hi"""'
 * q.ident('x'.repeat(64)) // throws { code: 'UNSUPPORTED_OPERATION' }
 */
export interface QuoterOptions {
  /** The dialect name, for errors. */
  readonly dialect: string
  /** Opening and closing quote characters (`"`/`"`, `` ` ``/`` ` ``, `[`/`]`). */
  readonly open: string
  readonly close: string
  /** Lower-case words that are always quoted. Read once, when the quoter is built. */
  readonly reserved: ReadonlySet<string>
  /** Longest identifier the engine accepts, in characters; longer names are refused. */
  readonly maxIdentifierLength?: number
  /** Longest identifier the engine accepts, in UTF-8 bytes (PostgreSQL: 63); longer names are refused. */
  readonly maxIdentifierBytes?: number
  /** Escapes a string literal, quotes included. */
  readonly literal: (value: string) => string
}

/**
 * Builds a dialect's {@link Quoter}. Embedded closing quote characters are doubled; NUL, which no
 * engine stores in a name, is refused with a typed error.
 * @example
 * const q = createQuoter({ dialect: 'x', open: '"', close: '"', reserved: new Set(['user']), literal: (s) => `'${s.replaceAll("'", "''")}'` })
 * q.ident('user') // => '"user"'
 * q.ident('Mixed') // => '"Mixed"'
 * q.ident('plain_name') // => 'plain_name'
 */
export function createQuoter(options: QuoterOptions): Quoter {
  const { open, close, reserved, maxIdentifierLength, maxIdentifierBytes, dialect } = options
  const encoder = new TextEncoder()
  const doubled = close + close
  const quote = (name: string): string => open + name.replaceAll(close, doubled) + close
  // Plain names of plain length are by far the most common: answer them with one scan, no lookup.
  const plainLimit = Math.min(maxIdentifierLength ?? Number.POSITIVE_INFINITY, maxIdentifierBytes ?? Number.POSITIVE_INFINITY)
  const isReserved = reservedWordTest(reserved)
  const ident = (name: string, opts?: { readonly force?: boolean }): string => {
    const hash = bareNameHash(name)
    if (opts === undefined && hash !== NOT_BARE && name.length <= plainLimit && !isReserved(name, hash)) return name
    checked(name)
    return opts?.force !== true && hash !== NOT_BARE && !isReserved(name, hash) ? name : quote(name)
  }
  const checked = (name: string): string => {
    if (name.includes('\0')) {
      throw new UnsupportedOperationError({ engine: dialect, path: '', message: `${dialect}: a name cannot contain a NUL character` })
    }
    const tooLong =
      (maxIdentifierLength !== undefined && [...name].length > maxIdentifierLength) ||
      (maxIdentifierBytes !== undefined && name.length > maxIdentifierBytes / 3 && encoder.encode(name).length > maxIdentifierBytes)
    if (tooLong) {
      const limit = maxIdentifierBytes === undefined ? `${maxIdentifierLength} characters` : `${maxIdentifierBytes} bytes`
      throw new UnsupportedOperationError({
        engine: dialect,
        path: '',
        message: `${dialect}: the name ${JSON.stringify(name.slice(0, 20))}… is longer than ${limit}, the engine's limit`,
      })
    }
    return name
  }
  return Object.freeze({
    ident,
    qualified: (name: string, schema?: string) => (schema === undefined ? ident(name) : `${ident(schema)}.${ident(name)}`),
    literal: options.literal,
  })
}
