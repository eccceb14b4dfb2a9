import { mssql } from '@athanor/dialect-mssql'
import { mariadb } from '@athanor/dialect-mysql'
import { postgresql } from '@athanor/dialect-postgres'
import { sqlite } from '@athanor/dialect-sqlite'
import type { BenchTarget } from './run.js'
import { verifyByGolden } from './verify-golden.js'
import { verifyOnMysql } from './verify-mysql.js'
import { verifyOnPostgres } from './verify-postgres.js'
import { verifyOnSqlite } from './verify-sqlite.js'

/**
 * Every dialect, each with its Kysely counterpart and its check: executed on PostgreSQL 15,
 * MariaDB 10.11 and SQLite (better-sqlite3); SQL Server has no server here, so its output is held
 * to a committed golden digest.
 */
export function benchTargets(options: { readonly updateGolden?: boolean } = {}): BenchTarget[] {
  return [
    { dialect: postgresql, kysely: 'postgresql', verify: (sets) => verifyOnPostgres(sets) },
    { dialect: mariadb, kysely: 'mysql', verify: (sets) => verifyOnMysql(sets) },
    { dialect: sqlite, kysely: 'sqlite', verify: (sets) => verifyOnSqlite(sets) },
    { dialect: mssql, kysely: 'mssql', verify: verifyByGolden('mssql', options.updateGolden === true) },
  ]
}
