/**
 * What every rebuild test checks after the SQL ran: the database is sound (`integrity_check`
 * ok, `foreign_key_check` empty), its schema is the one the model predicts, and each surviving
 * column holds exactly the values it held before (per-column checksums).
 */
import { expect } from 'vitest'
import { columnOrigins, tableBeforeBatch, type Statement } from '@athanor/dialect-kit'
import { compareSnapshots } from '@athanor/dialect-kit/conformance'
import { sqlite } from '@athanor/dialect-sqlite'
import { sqliteCanonical } from '@athanor/dialect-sqlite/introspect'
import { applyOps, type BatchOp, type Op, type SchemaSnapshot } from '@athanor/ir'
import type { TestDb } from './sqlite-db.js'

/** What {@link runBatch} did. */
export interface BatchRun {
  readonly statements: readonly Statement[]
  /** The schema the model predicts after the batch. */
  readonly expected: SchemaSnapshot
}

/**
 * Compiles `op` against the schema read from the database (triggers and views included), runs
 * it, and checks the outcome: sound database, schema as the model says, surviving columns of the
 * batch's table and of every other table unchanged.
 */
export async function runBatch(db: TestDb, op: BatchOp, model?: SchemaSnapshot): Promise<BatchRun> {
  const snapshot = await db.introspect()
  const statements = sqlite.compileOps([op], { snapshot })
  const before = tableBeforeBatch(op, snapshot, 'sqlite')
  const origins = columnOrigins(op, before)
  const sums = db.checksums(op.tableName)
  const others = Object.fromEntries(snapshot.tables.filter((t) => t.name !== op.tableName).map((t) => [t.name, db.checksums(t.name)]))
  db.run(statements)
  expectSound(db)
  const expected = applyOps(model ?? snapshot, [op])
  expectSchema(await db.introspect(), expected)
  const after = db.checksums(op.tableName, [...origins.keys()])
  for (const [column, origin] of origins) expect(after[column], `column ${column} (was ${origin})`).toBe(sums[origin])
  for (const [table, s] of Object.entries(others)) expect(db.checksums(table), `table ${table}`).toEqual(s)
  return { statements, expected }
}

/** `PRAGMA integrity_check` is ok and `PRAGMA foreign_key_check` finds nothing. */
export function expectSound(db: TestDb): void {
  expect(db.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
  expect(db.query('PRAGMA foreign_key_check')).toEqual([])
}

/** The schema read from the database is the one expected (tables; see `compareSnapshots`). */
export function expectSchema(found: SchemaSnapshot, expected: SchemaSnapshot): void {
  const differences = compareSnapshots(expected, found, { dialect: 'sqlite', capabilities: sqlite.capabilities, canonical: sqliteCanonical })
  expect(differences.map((d) => d.message)).toEqual([])
}

/** Runs setup ops compiled from an empty database, and returns the model they build. */
export function setUp(db: TestDb, ops: readonly Op[]): SchemaSnapshot {
  const model = applyOps({ tables: [] }, ops)
  db.run(sqlite.compileOps(ops, { snapshot: { tables: [] } }))
  return model
}
