import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Statement } from '@athanor/dialect-kit'
import { batch } from '@athanor/ir'
import { sqlite } from '@athanor/dialect-sqlite'
import { introspectSqlite } from '@athanor/dialect-sqlite/introspect'
import Database from 'better-sqlite3'

/** One way of making the change, timed on fresh copies of the same file. */
export interface RebuildRow {
  readonly name: string
  readonly statements: number
  /** Median seconds over the runs. */
  readonly medianSeconds: number
  readonly runs: number
  /** Median relative to the hand-written statements. */
  readonly ratioToHandWritten: number
}

/** What the SQLite rebuild benchmark measured. */
export interface RebuildReport {
  readonly rows: number
  readonly results: readonly RebuildRow[]
}

const COLUMNS = ['id', 'a', 'b', 'c', 'd', 'e', 'f'] as const

function createBase(path: string, rows: number): void {
  const db = new Database(path)
  db.exec(`PRAGMA journal_mode = DELETE;
    CREATE TABLE big (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b TEXT, c REAL, d TEXT, e INTEGER, f TEXT, g BLOB);
    CREATE INDEX ix_big_a ON big (a);
    CREATE INDEX ix_big_d ON big (d);`)
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
    INSERT INTO big SELECT i, i % 1000, 'name ' || i, i * 0.5, printf('%08d', (i * 7919) % ${rows}), i * 3, CASE WHEN i % 10 = 0 THEN NULL ELSE 'x' || i END, randomblob(8) FROM n`)
  db.close()
}

/** Row count and a checksum per surviving column (order by id), to prove the data survived. */
function fingerprint(path: string): string {
  const db = new Database(path, { readonly: true })
  try {
    const sums = COLUMNS.map(() => 0)
    let count = 0
    const stmt = db.prepare(`SELECT ${COLUMNS.map((c) => `quote(${c})`).join(', ')} FROM big ORDER BY id`).raw(true)
    for (const row of stmt.iterate() as IterableIterator<string[]>) {
      count++
      for (let i = 0; i < row.length; i++) {
        const s = row[i] as string
        let h = 2166136261
        for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619)
        sums[i] = ((sums[i] as number) + (h >>> 0)) % 4294967296
      }
    }
    const integrity = (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check
    return `${count}:${integrity}:${sums.join(',')}`
  } finally {
    db.close()
  }
}

/** Runs statements the way an offline script does: consecutive transactional ones in one transaction. */
function execute(path: string, statements: readonly Statement[]): void {
  const db = new Database(path)
  try {
    let open = false
    for (const s of statements) {
      if (s.transactional === false) {
        if (open) db.exec('COMMIT')
        open = false
        db.exec(s.sql)
      } else {
        if (!open) db.exec('BEGIN')
        open = true
        db.exec(s.sql)
      }
    }
    if (open) db.exec('COMMIT')
  } finally {
    db.close()
  }
}

/** One timed run on a fresh copy of `base`, checked after. */
function timeOnce(base: string, path: string, statements: readonly Statement[], check: (path: string) => void): number {
  copyFileSync(base, path)
  const t = performance.now()
  execute(path, statements)
  const seconds = (performance.now() - t) / 1000
  check(path)
  rmSync(path)
  return seconds
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

/**
 * The SQLite rebuild benchmark: a table of 8 columns and 2 secondary indexes (1,000,000 rows; 2,000
 * in smoke mode) and one batch that changes a column's type and drops another. Athanor's statements
 * (compiled offline from the introspected schema) against the minimal hand-written statements for
 * the same change, and the floor (INSERT … SELECT into an index-free copy). Every run gets a fresh
 * copy of the file, and row counts and per-column checksums are compared after each.
 */
export async function runRebuildBench(options: { readonly smoke?: boolean; readonly log?: (l: string) => void } = {}): Promise<RebuildReport> {
  const rows = options.smoke === true ? 2_000 : 1_000_000
  const runs = options.smoke === true ? 1 : 5
  const dir = mkdtempSync(join(tmpdir(), 'athanor-rebuild-'))
  try {
    const base = join(dir, 'base.db')
    createBase(base, rows)
    const expected = fingerprint(base)
    const snapshotDb = new Database(base, { readonly: true })
    const snapshot = await introspectSqlite((sql, params) => snapshotDb.prepare(sql).all(...(params ?? [])) as Record<string, unknown>[])
    snapshotDb.close()
    const op = batch({ tableName: 'big', ops: [{ kind: 'alterColumn', columnName: 'e', type: 'bigint', existingType: 'integer' }, { kind: 'dropColumn', columnName: 'g' }] })
    const athanor = sqlite.compile(op, { snapshot })
    const hand: Statement[] = [
      { sql: 'CREATE TABLE big_new (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b TEXT, c REAL, d TEXT, e BIGINT, f TEXT)' },
      { sql: 'INSERT INTO big_new (id, a, b, c, d, e, f) SELECT id, a, b, c, d, e, f FROM big' },
      { sql: 'DROP TABLE big' },
      { sql: 'ALTER TABLE big_new RENAME TO big' },
      { sql: 'CREATE INDEX ix_big_a ON big (a)' },
      { sql: 'CREATE INDEX ix_big_d ON big (d)' },
    ]
    const floor: Statement[] = [
      { sql: 'CREATE TABLE big_copy (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b TEXT, c REAL, d TEXT, e BIGINT, f TEXT)' },
      { sql: 'INSERT INTO big_copy (id, a, b, c, d, e, f) SELECT id, a, b, c, d, e, f FROM big' },
    ]
    const same = (path: string): void => {
      const got = fingerprint(path)
      if (got !== expected) throw new Error(`bench: the rebuild changed the data: ${got} != ${expected}`)
    }
    const noCheck = (): void => {}
    options.log?.(`sqlite rebuild: ${rows} rows, ${runs} runs each…`)
    // Round by round, each variant once per round: a change in machine load over the minutes this
    // takes then weighs on all three alike instead of on whichever ran last.
    const timings = { athanor: [] as number[], hand: [] as number[], floor: [] as number[] }
    for (let r = 0; r < runs; r++) {
      const path = join(dir, `run-${r}.db`)
      timings.athanor.push(timeOnce(base, path, athanor, same))
      timings.hand.push(timeOnce(base, path, hand, same))
      timings.floor.push(timeOnce(base, path, floor, noCheck))
    }
    const h = median(timings.hand)
    const row = (name: string, statements: readonly Statement[], t: readonly number[]): RebuildRow => ({
      name,
      statements: statements.length,
      medianSeconds: median(t),
      runs,
      ratioToHandWritten: median(t) / h,
    })
    return {
      rows,
      results: [row('athanor (batch, recreate auto)', athanor, timings.athanor), row('hand-written', hand, timings.hand), row('floor: INSERT … SELECT, no indexes', floor, timings.floor)],
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The rebuild report as text. */
export function formatRebuild(report: RebuildReport): string {
  const lines = [`SQLite rebuild of ${report.rows} rows (median of ${report.results[0]?.runs ?? 0} runs, data verified after each):`]
  for (const r of report.results) {
    lines.push(`  ${r.name.padEnd(38)}${r.medianSeconds.toFixed(3)} s  ${r.ratioToHandWritten.toFixed(2)}× hand-written  (${r.statements} statements)`)
  }
  const ours = report.results[0]
  if (ours !== undefined) lines.push(`  target: at most 1.05× hand-written: ${ours.ratioToHandWritten.toFixed(2)}× ${ours.ratioToHandWritten <= 1.05 ? 'met' : 'MISSED'}`)
  return lines.join('\n')
}
