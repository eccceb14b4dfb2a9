import { statement, type HandlerContext, type RebuildHooks, type RebuildPlan, type Statement } from '@athanor/dialect-kit'
import { createTableOf } from '@athanor/ir'
import { createIndexSql } from './constraint-sql.js'
import { compileCreateTable } from './ops/create-table.js'
import { sqliteQuote as q } from './quote.js'

/** The temporary table that makes a foreign-key violation roll the rebuild back. */
const CHECK_TABLE = 'athanor_rebuild_check'

/**
 * The foreign-key check that ends a rebuild, as plain SQL that aborts on its own: a temporary
 * table whose column is `NOT NULL ON CONFLICT ROLLBACK`, and an INSERT that writes NULL into it
 * when `pragma_foreign_key_check` reports any row. A violation therefore rolls the whole
 * transaction back (the rebuild with it) even in the `sqlite3` shell without `.bail on`, with the
 * error `NOT NULL constraint failed: athanor_rebuild_check.no_foreign_key_violation`. The whole
 * database is checked, as SQLite's own procedure for schema changes does (a child table of the
 * rebuilt one included).
 * @example
 * foreignKeyCheck().map((s) => s.sql)[1] // => 'INSERT INTO temp.athanor_rebuild_check SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check) THEN NULL ELSE 1 END'
 */
export function foreignKeyCheck(): readonly Statement[] {
  return [
    statement(`CREATE TEMP TABLE IF NOT EXISTS ${CHECK_TABLE} (no_foreign_key_violation INTEGER NOT NULL ON CONFLICT ROLLBACK)`),
    statement(`INSERT INTO temp.${CHECK_TABLE} SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check) THEN NULL ELSE 1 END`),
    statement(`DROP TABLE temp.${CHECK_TABLE}`),
  ]
}

/** Keeps the AUTOINCREMENT high-water mark: the new table starts where the old one was, not at its largest copied key. */
function keepSequence(plan: RebuildPlan): readonly Statement[] {
  if (plan.before.options?.sqliteAutoincrement !== true || plan.after.options?.sqliteAutoincrement !== true) return []
  const seq = q.qualified('sqlite_sequence', plan.after.schema)
  return [
    statement(`DELETE FROM ${seq} WHERE name = ${q.literal(plan.tempName)}`),
    statement(`INSERT INTO ${seq} (name, seq) SELECT ${q.literal(plan.tempName)}, seq FROM ${seq} WHERE name = ${q.literal(plan.after.name)}`),
  ]
}

/**
 * SQLite's side of the shared "move and copy" rebuild (`compileRebuild`), following SQLite's
 * procedure for schema changes ALTER TABLE cannot make:
 * - `PRAGMA foreign_keys=OFF` first and `PRAGMA foreign_keys=ON` last, as statements outside the
 *   transaction (the pragma is a no-op inside one): dropping the old table must not fire the
 *   `ON DELETE` actions of the tables that point at it, which would delete their rows;
 * - the foreign-key check of {@link foreignKeyCheck} before the transaction commits;
 * - the new table renamed with `PRAGMA legacy_alter_table=ON`, so that views and triggers (on
 *   other tables) that name the dropped table neither block the rename nor get rewritten: they
 *   name the rebuilt table again afterwards;
 * - renamed columns copied under their old name and renamed with `ALTER TABLE … RENAME COLUMN`
 *   afterwards, which carries the rename into views, triggers and other tables' foreign keys;
 * - no CAST: see `cast` below. The foreign-key pragma is left ON after the rebuild.
 * @example
 * import type { BatchOp } from '@athanor/ir'
 * import { compileRebuild, type HandlerContext } from '@athanor/dialect-kit'
 * declare const op: BatchOp
 * declare const ctx: HandlerContext // what the batch handler was given
 * compileRebuild(op, ctx, sqliteRebuildHooks(ctx))
 */
export function sqliteRebuildHooks(ctx: HandlerContext): RebuildHooks {
  return {
    engine: 'sqlite',
    quote: q,
    createTable: (table) => compileCreateTable(createTableOf(table), ctx),
    createIndex: (ix, table) => [statement(createIndexSql(ix, { indexName: ix.name, tableName: table.name, schema: table.schema }))],
    renameTable: (from, to, schema) => [
      statement('PRAGMA legacy_alter_table=ON'),
      statement(`ALTER TABLE ${q.qualified(from, schema)} RENAME TO ${q.ident(to)}`),
      statement('PRAGMA legacy_alter_table=OFF'),
    ],
    // Differs from Alembic, which writes CAST(c AS <new type>) when the type family changes
    // (catalog §3.4). In SQLite a CAST loses data that the column's affinity keeps:
    // CAST('abc' AS INTEGER) is 0, CAST(1.5 AS INTEGER) is 1, and CAST('2024-01-02' AS DATETIME)
    // is 2024 (DATETIME has NUMERIC affinity). Inserting the value as it is converts it only
    // where the conversion is lossless, and a STRICT table refuses what does not fit.
    cast: (expression) => expression,
    // When no old column survives the rows still count: carry them by rowid, new columns take their
    // defaults. A WITHOUT ROWID table has no rowid to carry.
    copyRowsOnly: (plan, temp, table) => (plan.after.options?.sqliteWithoutRowid === true || plan.before.options?.sqliteWithoutRowid === true ? undefined : `INSERT INTO ${temp} (rowid) SELECT rowid FROM ${table}`),
    renameColumn: (tableName, schema, from, to) => [statement(`ALTER TABLE ${q.qualified(tableName, schema)} RENAME COLUMN ${q.ident(from)} TO ${q.ident(to)}`)],
    steps: {
      start: () => [statement('PRAGMA foreign_keys=OFF', { transactional: false })],
      afterCopy: keepSequence,
      end: () => [...foreignKeyCheck(), statement('PRAGMA foreign_keys=ON', { transactional: false })],
    },
  }
}
