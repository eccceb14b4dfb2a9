import { AthanorError } from '@athanor/ir'
import type { Quoter } from '@athanor/dialect-kit'

/**
 * The two engines this package compiles for; they differ in a few statements (see {@link MysqlFeature}).
 * @example
 * const flavour: MysqlFlavour = 'mariadb'
 * createMysqlDialect({ flavour }).name // => 'mariadb'
 * supports({ flavour, version: parseMysqlVersion(DEFAULT_VERSIONS[flavour]) }, 'columnIfExists') // => true
 */
export type MysqlFlavour = 'mysql' | 'mariadb'

/**
 * Options of `createMysqlDialect`.
 * @example
 * const options: MysqlDialectOptions = { flavour: 'mariadb', version: '10.11', noBackslashEscapes: true }
 */
export interface MysqlDialectOptions {
  /** `mysql` (default), or `mariadb`; inferred from a version string that says `MariaDB`. */
  readonly flavour?: MysqlFlavour
  /**
   * The server version (`8.0.36`, `10.11`, or `SELECT VERSION()` as is). Defaults: MySQL 8.0.16
   * (the first to enforce CHECK constraints), MariaDB 10.6 (the oldest long-term release still
   * maintained when this was written). Features are chosen by it: RENAME COLUMN, expression
   * defaults, functional indexes.
   */
  readonly version?: string
  /**
   * What the server's `sql_mode` says about backslashes in string literals. `false`: they are
   * escapes (the default mode); `true`: `NO_BACKSLASH_ESCAPES` is set. Absent (the default):
   * unknown, so literals are written to read the same either way — a string holding a backslash
   * or NUL becomes a hex literal (`_utf8mb4 X'…'`), and a comment holding one (where MySQL
   * accepts only a quoted string) is refused.
   */
  readonly noBackslashEscapes?: boolean
  /**
   * The database the connection uses, where tables named without a schema live. MySQL resolves a
   * foreign key's unqualified referent in the database of the table holding the key, so a key
   * from a table in another schema to a table without one is written with this name (and refused
   * without it).
   */
  readonly database?: string
}

/**
 * A server version as numbers: `[major, minor, patch]`.
 * @example
 * const version: MysqlVersion = parseMysqlVersion('8.0.36')
 * version // => [8, 0, 36]
 * supports({ flavour: 'mysql', version }, 'functionalIndexes') // => true
 */
export type MysqlVersion = readonly [number, number, number]

/**
 * What a dialect instance knows about its server, handed to every handler. Immutable.
 * @example
 * const t: MysqlTarget = mysqlTarget({ flavour: 'mariadb' }, mariadbQuote)
 * t.version // => [10, 6, 0]
 */
export interface MysqlTarget {
  /** The dialect name, `mysql` or `mariadb`, for errors. */
  readonly name: MysqlFlavour
  readonly flavour: MysqlFlavour
  readonly version: MysqlVersion
  readonly noBackslashEscapes: boolean | undefined
  /** The connection's database, when the dialect was told (see {@link MysqlDialectOptions.database}). */
  readonly database: string | undefined
  readonly quote: Quoter
  /**
   * Which features the server has, worked out once from the flavour and version (see
   * {@link supports}, which reads it when present). Optional: a target built by hand may leave it out.
   */
  readonly features?: Readonly<Record<MysqlFeature, boolean>>
}

/**
 * The statements and clauses that exist from some version on.
 * @example
 * const features: MysqlFeature[] = ['renameColumn', 'functionalIndexes', 'columnIfExists']
 * features.filter((f) => supports({ flavour: 'mariadb', version: [10, 11, 0] }, f)) // => ['renameColumn', 'columnIfExists']
 * features.filter((f) => supports({ flavour: 'mysql', version: [8, 0, 36] }, f)) // => ['renameColumn', 'functionalIndexes']
 */
export type MysqlFeature =
  | 'renameColumn'
  | 'expressionDefaults'
  | 'checkConstraints'
  | 'functionalIndexes'
  | 'columnIfExists'
  | 'indexIfExists'
  | 'constraintIfExists'

/**
 * The first version of each flavour with each feature; absent: never. MySQL 8 has no IF EXISTS
 * forms for columns, indexes or constraints; MariaDB has no functional indexes.
 */
const SINCE: Readonly<Record<MysqlFlavour, Readonly<Partial<Record<MysqlFeature, MysqlVersion>>>>> = {
  mysql: {
    renameColumn: [8, 0, 0],
    expressionDefaults: [8, 0, 13],
    checkConstraints: [8, 0, 16],
    functionalIndexes: [8, 0, 13],
  },
  mariadb: {
    renameColumn: [10, 5, 2],
    expressionDefaults: [10, 2, 1],
    checkConstraints: [10, 2, 1],
    columnIfExists: [10, 0, 2],
    indexIfExists: [10, 1, 4],
    constraintIfExists: [10, 2, 1],
  },
}

/**
 * The default server version of each flavour.
 * @example
 * DEFAULT_VERSIONS.mariadb // => '10.6'
 */
export const DEFAULT_VERSIONS: Readonly<Record<MysqlFlavour, string>> = { mysql: '8.0.16', mariadb: '10.6' }

/** True when `version` is at least `since`. */
function atLeast(version: MysqlVersion, since: MysqlVersion): boolean {
  for (let i = 0; i < 3; i++) {
    const a = version[i] ?? 0
    const b = since[i] ?? 0
    if (a !== b) return a > b
  }
  return true
}

/**
 * True when the target's server has the feature.
 * @example
 * supports({ flavour: 'mysql', version: parseMysqlVersion('5.7') }, 'renameColumn') // => false
 */
export function supports(target: Pick<MysqlTarget, 'flavour' | 'version' | 'features'>, feature: MysqlFeature): boolean {
  // A dialect's own target knows its features: compiling asks often (every SQL default, every rename).
  const known = target.features
  if (known !== undefined) {
    // A switch, not known[feature]: each call site then reads one named field (a lookup by a key
    // that changes from site to site is a slow, megamorphic read).
    switch (feature) {
      case 'renameColumn':
        return known.renameColumn
      case 'expressionDefaults':
        return known.expressionDefaults
      case 'checkConstraints':
        return known.checkConstraints
      case 'functionalIndexes':
        return known.functionalIndexes
      case 'columnIfExists':
        return known.columnIfExists
      case 'indexIfExists':
        return known.indexIfExists
      case 'constraintIfExists':
        return known.constraintIfExists
    }
  }
  const since = SINCE[target.flavour][feature]
  return since !== undefined && atLeast(target.version, since)
}

/**
 * Reads `8.0.36`, `10.11` or `10.11.19-MariaDB-0+deb12u1` as numbers; refuses anything else with
 * `INVALID_VALUE` at `version`.
 * @example
 * parseMysqlVersion('10.11.19-MariaDB') // => [10, 11, 19]
 */
export function parseMysqlVersion(version: string): MysqlVersion {
  const m = /^\s*(\d+)\.(\d+)(?:\.(\d+))?/.exec(version)
  if (m === null) {
    throw new AthanorError('INVALID_VALUE', { path: 'version', message: `mysql: version ${JSON.stringify(version)} is not a server version; expected digits such as "8.0.36" or "10.11"` })
  }
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)]
}

/** The flavour the options name, or that the version string says (`…-MariaDB…`). */
export function flavourOf(options: MysqlDialectOptions): MysqlFlavour {
  if (options.flavour !== undefined) return options.flavour
  return options.version !== undefined && /mariadb/i.test(options.version) ? 'mariadb' : 'mysql'
}

/**
 * The target a dialect instance compiles for.
 * @example
 * mysqlTarget({ flavour: 'mariadb', version: '10.11' }, mariadbQuote).version // => [10, 11, 0]
 */
export function mysqlTarget(options: MysqlDialectOptions, quote: Quoter): MysqlTarget {
  const flavour = flavourOf(options)
  const version = parseMysqlVersion(options.version ?? DEFAULT_VERSIONS[flavour])
  Object.freeze(version)
  const features = {} as Record<MysqlFeature, boolean>
  for (const feature of FEATURES) features[feature] = supports({ flavour, version }, feature)
  return Object.freeze({
    name: flavour,
    flavour,
    version,
    noBackslashEscapes: options.noBackslashEscapes,
    database: options.database,
    quote,
    features: Object.freeze(features),
  })
}

// Every feature, as keys of a record the compiler checks for completeness.
const FEATURES = Object.keys({
  renameColumn: true,
  expressionDefaults: true,
  checkConstraints: true,
  functionalIndexes: true,
  columnIfExists: true,
  indexIfExists: true,
  constraintIfExists: true,
} satisfies Record<MysqlFeature, true>) as MysqlFeature[]
