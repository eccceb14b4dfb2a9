import type { Dialect } from '@athanor/dialect-kit'
import { CliError } from './io.js'

/** Dialect names and aliases → the package and export that hold the dialect. */
const DIALECTS: Readonly<Record<string, { readonly pkg: string; readonly name: string; readonly exportName: string }>> = {
  postgresql: { pkg: '@athanor/dialect-postgres', name: 'postgresql', exportName: 'postgresql' },
  postgres: { pkg: '@athanor/dialect-postgres', name: 'postgresql', exportName: 'postgresql' },
  pg: { pkg: '@athanor/dialect-postgres', name: 'postgresql', exportName: 'postgresql' },
  mysql: { pkg: '@athanor/dialect-mysql', name: 'mysql', exportName: 'mysql' },
  mariadb: { pkg: '@athanor/dialect-mysql', name: 'mariadb', exportName: 'mariadb' },
  sqlite: { pkg: '@athanor/dialect-sqlite', name: 'sqlite', exportName: 'sqlite' },
  mssql: { pkg: '@athanor/dialect-mssql', name: 'mssql', exportName: 'mssql' },
}

/**
 * The dialect names the CLI accepts.
 * @example
 * DIALECT_NAMES.includes('pg') // => true
 */
export const DIALECT_NAMES: readonly string[] = Object.keys(DIALECTS)

/**
 * Loads a dialect by name or alias. A dialect whose package is not installed (not built yet)
 * gives a clear message instead of a stack trace.
 * @example
 * (await loadDialect('pg')).name // => 'postgresql'
 * await loadDialect('oracle') // throws { exitCode: 2 }
 */
export async function loadDialect(name: string): Promise<Dialect> {
  const entry = DIALECTS[name.toLowerCase()]
  if (entry === undefined) {
    throw new CliError([`unknown dialect ${JSON.stringify(name)}; expected one of: ${DIALECT_NAMES.join(', ')}`])
  }
  return importDialect(entry)
}

/**
 * Where a dialect lives: its package, its display name and the export that holds it.
 * @example
 * const entry: DialectEntry = { pkg: 'athanor-dialect-duckdb', name: 'duckdb', exportName: 'duckdb' }
 */
export interface DialectEntry {
  readonly pkg: string
  readonly name: string
  readonly exportName: string
}

/**
 * Imports a dialect from its package; a package that is not installed gives one clear line (exit 1).
 * @example
 * const duckdb = await importDialect({ pkg: 'athanor-dialect-duckdb', name: 'duckdb', exportName: 'duckdb' })
 */
export async function importDialect(entry: DialectEntry): Promise<Dialect> {
  let mod: Record<string, unknown>
  try {
    mod = (await import(entry.pkg)) as Record<string, unknown>
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new CliError([`the ${entry.name} dialect is not available: ${entry.pkg} is not installed in this build yet`], 1)
    }
    throw e
  }
  const dialect = mod[entry.exportName]
  if (typeof dialect !== 'object' || dialect === null || !('compile' in dialect)) {
    throw new CliError([`${entry.pkg} does not export a dialect named ${entry.exportName}`], 1)
  }
  return dialect as Dialect
}
