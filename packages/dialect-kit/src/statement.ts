/**
 * One SQL statement a dialect produced for an op, without a terminator.
 * @example
 * const s: Statement = { sql: 'CREATE INDEX CONCURRENTLY ix ON t (c)', transactional: false }
 */
export interface Statement {
  readonly sql: string
  /** `false`: must run outside a transaction (PostgreSQL `CREATE INDEX CONCURRENTLY`, SQLite `PRAGMA foreign_keys`). */
  readonly transactional?: false
}

/**
 * Builds a {@link Statement}.
 * @example
 * statement('DROP TABLE t') // => { sql: 'DROP TABLE t' }
 * statement('DROP INDEX CONCURRENTLY ix', { transactional: false }) // => { sql: 'DROP INDEX CONCURRENTLY ix', transactional: false }
 */
export function statement(sql: string, options?: { readonly transactional?: boolean }): Statement {
  // Not frozen: statements are output, not nodes, and this is the hottest allocation of a compile.
  return options?.transactional === false ? { sql, transactional: false } : { sql }
}
