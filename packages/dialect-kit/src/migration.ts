import {
  applyOps, createTable, reverse, type DowngradeOps, type MigrationScript, type Op, type Registry, type SchemaSnapshot,
  type UpgradeOps,
} from '@athanor/ir'
import type { Dialect, ScriptFraming } from './contract.js'
import { statement, type Statement } from './statement.js'

/**
 * Options of {@link compileMigration}.
 * @example
 * import { downgradeOps, migrationScript, renameTable, upgradeOps } from '@athanor/ir'
 * import { postgresql } from '@athanor/dialect-postgres'
 * const script = migrationScript({
 *   revId: 'b2', downRevision: 'a1',
 *   upgradeOps: [upgradeOps({ ops: [renameTable({ oldTableName: 'account', newTableName: 'user_account' })] })], downgradeOps: [downgradeOps({ ops: [] })],
 * })
 * // The downgrade, derived with reverse since the script's is empty
 * const options: MigrationOptions = { direction: 'downgrade', versionTable: 'alembic_version' }
 * compileMigration([script], postgresql, options).statements.map((s) => s.sql)
 * // => ['ALTER TABLE user_account RENAME TO account', "UPDATE alembic_version SET version_num='a1' WHERE alembic_version.version_num = 'b2'"]
 */
export interface MigrationOptions {
  /** `upgrade` (default) runs each script's upgrade ops; `downgrade` its downgrade ops, scripts in reverse order. */
  readonly direction?: 'upgrade' | 'downgrade'
  /**
   * The version table to keep up to date (`INSERT`/`UPDATE`/`DELETE` of `version_num`), or
   * absent for none.
   */
  readonly versionTable?: string
  /** Create the version table first (a run that starts from no revision). */
  readonly createVersionTable?: boolean
  /** The schema before the first script; compilers that need current definitions read it. */
  readonly snapshot?: SchemaSnapshot
  readonly registry?: Registry
}

/**
 * An offline SQL script and the schema it leaves (when a snapshot was given).
 * @example
 * import { createTable, downgradeOps, emptySnapshot, migrationScript, upgradeOps } from '@athanor/ir'
 * import { postgresql } from '@athanor/dialect-postgres'
 * const script = migrationScript({
 *   revId: 'a1', downRevision: null,
 *   upgradeOps: [upgradeOps({ ops: [createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }] })] })],
 *   downgradeOps: [downgradeOps({ ops: [] })],
 * })
 * const compiled: CompiledMigration = compileMigration([script], postgresql, { snapshot: emptySnapshot() })
 * compiled.statements.length // => 1
 * compiled.snapshot?.tables.map((t) => t.name) // => ['account']
 */
export interface CompiledMigration {
  readonly sql: string
  readonly statements: readonly Statement[]
  readonly snapshot?: SchemaSnapshot
}

/**
 * Renders migration scripts as one offline SQL script, in the reference's framing: a
 * `-- Running upgrade a -> b` comment per script, each script in its own transaction where the
 * engine has transactional DDL (statements marked non-transactional are placed between
 * `COMMIT;` and `BEGIN;`), statements ended by `;` and a blank line, and optional version-table
 * bookkeeping. A dialect's `scriptFraming` changes the transaction lines and adds a batch
 * separator after every statement and every commit (SQL Server: `BEGIN TRANSACTION;`, `GO`).
 *
 * A script whose downgrade is empty is downgraded with `reverse` of its upgrade (it throws
 * `NotReversibleError` when that is not possible).
 * @example
 * import { downgradeOps, migrationScript, renameTable, upgradeOps } from '@athanor/ir'
 * import { postgresql } from '@athanor/dialect-postgres'
 * const script = migrationScript({
 *   revId: 'a1', downRevision: null,
 *   upgradeOps: [upgradeOps({ ops: [renameTable({ oldTableName: 'account', newTableName: 'user_account' })] })],
 *   downgradeOps: [downgradeOps({ ops: [] })],
 * })
 * console.log(compileMigration([script], postgresql, { versionTable: 'alembic_version' }).sql.trimEnd())
 * // prints: -- Running upgrade  -> a1
 * // prints:
 * // prints: BEGIN;
 * // prints:
 * // prints: ALTER TABLE account RENAME TO user_account;
 * // prints:
 * // prints: INSERT INTO alembic_version (version_num) VALUES ('a1');
 * // prints:
 * // prints: COMMIT;
 */
export function compileMigration(scripts: readonly MigrationScript[], dialect: Dialect, options: MigrationOptions = {}): CompiledMigration {
  const down = options.direction === 'downgrade'
  const registryOpt = options.registry === undefined ? {} : { registry: options.registry }
  const tx = dialect.capabilities.transactionalDdl
  const q = dialect.quote
  const framing = dialect.scriptFraming ?? DEFAULT_FRAMING
  const separator = framing.separator === undefined ? '' : `${framing.separator}\n\n`
  const begin = `${framing.begin}\n\n`
  const commit = `${framing.commit}\n\n${separator}`
  const parts: string[] = []
  const all: Statement[] = []
  let snapshot = options.snapshot
  const emit = (statements: readonly Statement[], inTransaction: boolean): void => {
    for (const s of statements) {
      all.push(s)
      if (inTransaction && s.transactional === false) parts.push(`${commit}${s.sql};\n\n${separator}${begin}`)
      else parts.push(`${s.sql};\n\n${separator}`)
    }
  }
  const run = (ops: readonly Op[], inTransaction: boolean): void => {
    emit(dialect.compileOps(ops, { ...registryOpt, ...(snapshot === undefined ? {} : { snapshot }) }), inTransaction)
    if (snapshot !== undefined) snapshot = applyOps(snapshot, ops, registryOpt)
  }
  if (!dialect.capabilities.transactionalDdl) {
    parts.push(`-- ${dialect.name} has no transactional DDL: a failed statement leaves the earlier ones applied.\n\n`)
  }
  const vt = options.versionTable
  if (vt !== undefined && options.createVersionTable === true) {
    run(
      [
        createTable({
          tableName: vt,
          columns: [{ name: 'version_num', type: { name: 'varchar', length: 32 }, nullable: false }],
          constraints: [{ type: 'primaryKey', name: `${vt}_pkc`, columns: ['version_num'] }],
        }),
      ],
      false,
    )
  }
  const ordered = down ? [...scripts].reverse() : scripts
  for (const script of ordered) {
    const from = down ? script.revId : revisionText(script.downRevision)
    const to = down ? revisionText(script.downRevision) : script.revId
    parts.push(`-- Running ${down ? 'downgrade' : 'upgrade'} ${from} -> ${to}\n\n`)
    if (tx) parts.push(begin)
    run(opsOf(script, down), tx)
    if (vt !== undefined) emit([bookkeeping(script, down, q.qualified(vt), q.ident('version_num'), q.literal)], tx)
    if (tx) parts.push(commit)
  }
  return Object.freeze({ sql: parts.join(''), statements: Object.freeze(all), ...(snapshot === undefined ? {} : { snapshot }) })
}

/** PostgreSQL's framing, and the default: `BEGIN;` / `COMMIT;`, no separator. */
const DEFAULT_FRAMING: ScriptFraming = { begin: 'BEGIN;', commit: 'COMMIT;' }

function revisionText(rev: MigrationScript['downRevision']): string {
  if (rev === undefined || rev === null) return ''
  return typeof rev === 'string' ? rev : `(${rev.join(', ')})`
}

function opsOf(script: MigrationScript, down: boolean): readonly Op[] {
  if (!down) return script.upgradeOps.flatMap((u: UpgradeOps) => u.ops)
  const given = script.downgradeOps.flatMap((d: DowngradeOps) => d.ops)
  if (given.length > 0) return given
  // Differs from Alembic: an empty downgrade is derived from the upgrade instead of doing nothing.
  return script.upgradeOps
    .slice()
    .reverse()
    .flatMap((u) => reverse(u).ops)
}

function bookkeeping(script: MigrationScript, down: boolean, table: string, col: string, lit: (s: string) => string): Statement {
  const prev = script.downRevision
  const single = typeof prev === 'string' ? prev : undefined
  // A merge (several down revisions) gets an INSERT/DELETE, not the reference's merge bookkeeping.
  const first = prev === undefined || prev === null || (Array.isArray(prev) && prev.length === 0)
  let sql: string
  if (!down) {
    sql = first || single === undefined
      ? `INSERT INTO ${table} (${col}) VALUES (${lit(script.revId)})`
      : `UPDATE ${table} SET ${col}=${lit(script.revId)} WHERE ${table}.${col} = ${lit(single)}`
  } else {
    sql = first || single === undefined
      ? `DELETE FROM ${table} WHERE ${table}.${col} = ${lit(script.revId)}`
      : `UPDATE ${table} SET ${col}=${lit(single)} WHERE ${table}.${col} = ${lit(script.revId)}`
  }
  return statement(sql)
}
