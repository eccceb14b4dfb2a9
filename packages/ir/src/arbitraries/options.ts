/**
 * The options every arbitrary of `@athanor/ir/arbitraries` takes, and the helpers that apply them.
 */

/**
 * How generated names look: `plain` names are short lower-case identifiers (`col_3`, `ab_x`);
 * `hostile` names hold spaces, quotes, backticks, brackets, unicode, reserved words and the like
 * (never NUL, never empty), to test quoting.
 * @example
 * import fc from 'fast-check'
 * const names: NameStyle = 'plain'
 * fc.sample(arbName({ names }), 20).every((n) => /^[a-z_][a-z0-9_]{0,11}$/.test(n)) // => true
 */
export type NameStyle = 'plain' | 'hostile'

/**
 * Options shared by the arbitraries.
 * @example
 * arbColumn({ names: 'hostile', dialectOptions: false })
 */
export interface ArbitraryOptions {
  /** Default `plain`. */
  readonly names?: NameStyle
  /**
   * Generate dialect keyword fields (`postgresqlUsing`, `mysqlLength`, `mssqlClustered`, …).
   * Default `true`.
   */
  readonly dialectOptions?: boolean
  /** Generate free-form `info` objects on ops. Default `true`. */
  readonly info?: boolean
}

/**
 * Options of an op arbitrary.
 * @example
 * import fc from 'fast-check'
 * const options: OpArbitraryOptions = { reversible: true, names: 'hostile', info: false }
 * fc.assert(fc.property(arbDropColumn(options), (op) => isReversible(op) && op.info === undefined))
 */
export interface OpArbitraryOptions extends ArbitraryOptions {
  /**
   * Only ops that `reverse` accepts: drops carry what they drop, `alterColumn` carries the
   * `existing*` value of each change, comment ops carry `existingComment`, `executeSql` carries
   * `reverseSqltext`. Default `false` (both kinds are generated).
   */
  readonly reversible?: boolean
}

const DIALECT_KEY = /^(postgresql|mysql|mssql|sqlite)[A-Z]/

/**
 * A mapper that drops the fields `options` turns off (dialect fields, `info`) from one generated
 * object. Each arbitrary applies it to the objects it builds, so nested ones are covered too.
 */
export function finish<T extends object>(options: ArbitraryOptions): (value: T) => T {
  const dialect = options.dialectOptions !== false
  const info = options.info !== false
  if (dialect && info) return (value) => value
  return (value) => {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) {
      if (!dialect && DIALECT_KEY.test(key)) continue
      if (!info && key === 'info') continue
      out[key] = v
    }
    // The fields removed are optional in every type this is applied to.
    return out as T
  }
}
