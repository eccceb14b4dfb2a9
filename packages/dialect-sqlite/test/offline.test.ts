import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { compileMigration } from '@athanor/dialect-kit'
import { sqlite } from '@athanor/dialect-sqlite'
import { batch, bulkInsert, createTable, emptySnapshot, migrationScript, parseMigrationScript, upgradeOps, type MigrationScript } from '@athanor/ir'
import { expectSchema, expectSound } from './rebuild-check.js'
import { openDb, scriptStatements, type TestDb } from './sqlite-db.js'

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))

function exampleScripts(): MigrationScript[] {
  return readdirSync(examples)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = parseMigrationScript(JSON.parse(readFileSync(join(examples, f), 'utf8')))
      if (!r.ok) throw new Error(`${f}: ${r.errors.map((e) => e.message).join('; ')}`)
      return r.value
    })
}

/** A project whose later migrations rebuild tables full of rows, children under ON DELETE CASCADE included. */
const withData: MigrationScript[] = [
  migrationScript({
    revId: 'a1', downRevision: null, downgradeOps: [], upgradeOps: [upgradeOps({ ops: [
      createTable({ tableName: 'author', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'name', type: { name: 'varchar', length: 30 }, nullable: false }] }),
      createTable({ tableName: 'book', columns: [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'author_id', type: 'integer', foreignKey: { referentTable: 'author', remoteCol: 'id', onDelete: 'CASCADE' } }, { name: 'title', type: 'text' }] }),
      bulkInsert({ tableName: 'author', columns: [{ name: 'id', type: 'integer' }, { name: 'name', type: 'text' }], rows: [{ id: 1, name: 'Le Guin' }, { id: 2, name: 'Lem' }] }),
      bulkInsert({ tableName: 'book', columns: [{ name: 'id', type: 'integer' }, { name: 'author_id', type: 'integer' }, { name: 'title', type: 'text' }], rows: [{ id: 1, author_id: 1, title: 'Lathe' }, { id: 2, author_id: 2, title: 'Solaris' }, { id: 3, author_id: 2, title: null }] }),
    ] })],
  }),
  migrationScript({
    revId: 'a2', downRevision: 'a1', downgradeOps: [], upgradeOps: [upgradeOps({ ops: [
      batch({ tableName: 'author', ops: [{ kind: 'alterColumn', columnName: 'name', newColumnName: 'full_name', type: 'text' }, { kind: 'addColumn', column: { name: 'born', type: 'integer' }, insertAfter: 'id' }] }),
      batch({ tableName: 'book', ops: [{ kind: 'alterColumn', columnName: 'title', nullable: false, serverDefault: { literal: '?' } }, { kind: 'executeSql', sqltext: "UPDATE book SET title = '?' WHERE title IS NULL" }] }),
    ] })],
  }),
]

let db: TestDb | undefined
let other: TestDb | undefined
afterEach(() => {
  db?.close()
  other?.close()
  db = other = undefined
})

/** Every table's checksums, and the triggers and views. */
async function contents(t: TestDb): Promise<unknown> {
  const snapshot = await t.introspect()
  return { data: Object.fromEntries(snapshot.tables.map((x) => [x.name, t.checksums(x.name)])), triggers: snapshot.triggers ?? [], views: snapshot.views ?? [] }
}

describe('offline scripts', () => {
  for (const [name, scripts] of [['the example project', exampleScripts()], ['a project rebuilding tables with rows', withData]] as const) {
    it(`${name}: the script run one statement at a time leaves what the library run leaves`, async () => {
      const compiled = compileMigration(scripts, sqlite, { versionTable: 'athanor_version', createVersionTable: true, snapshot: emptySnapshot() })
      db = openDb()
      other = openDb()
      db.runScript(compiled.sql)
      other.run(compiled.statements)
      for (const t of [db, other]) {
        expectSound(t)
        expectSchema(await t.introspect(), compiled.snapshot ?? emptySnapshot())
      }
      expect(await contents(db)).toEqual(await contents(other))
      expect(db.query('SELECT version_num FROM athanor_version')).toEqual([{ version_num: scripts.at(-1)?.revId }])
    })
  }

  it('keeps every row through the rebuilds, children under ON DELETE CASCADE included', () => {
    db = openDb()
    db.runScript(compileMigration(withData, sqlite, { snapshot: emptySnapshot() }).sql)
    expect(db.query('SELECT id, author_id, title FROM book ORDER BY id')).toEqual([
      { id: 1, author_id: 1, title: 'Lathe' },
      { id: 2, author_id: 2, title: 'Solaris' },
      { id: 3, author_id: 2, title: '?' },
    ])
    expect(db.query('SELECT id, born, full_name FROM author ORDER BY id')).toEqual([{ id: 1, born: null, full_name: 'Le Guin' }, { id: 2, born: null, full_name: 'Lem' }])
  })

  it('puts every PRAGMA foreign_keys between COMMIT and BEGIN, where SQLite honours it', () => {
    const lines = scriptStatements(compileMigration(withData, sqlite, { snapshot: emptySnapshot() }).sql)
    lines.forEach((s, i) => {
      if (s.startsWith('PRAGMA foreign_keys')) expect([lines[i - 1], lines[i + 1]]).toEqual(['COMMIT', 'BEGIN'])
    })
  })

  const shell = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' })
  it.skipIf(shell.status !== 0)('the sqlite3 shell runs the script to the same result (when the shell is installed)', async () => {
    const compiled = compileMigration(withData, sqlite, { versionTable: 'athanor_version', createVersionTable: true, snapshot: emptySnapshot() })
    db = openDb()
    other = openDb()
    db.release()
    const run = spawnSync('sqlite3', ['-bail', db.path], { input: compiled.sql, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    db = openDb(db.path)
    other.run(compiled.statements)
    expect(await contents(db)).toEqual(await contents(other))
  })
})
