import { afterAll, beforeAll, expect, it } from 'vitest'
import { conformanceCases, conformanceScenarios, type ConformanceTarget } from '@athanor/dialect-kit/conformance'
import { sqlite } from '@athanor/dialect-sqlite'
import { sqliteCanonical } from '@athanor/dialect-sqlite/introspect'
import { openDb, type TestDb } from './sqlite-db.js'

// Every scenario on a fresh database file: SQLite needs no server, so this runs everywhere.
let db: TestDb | undefined
const current = (): TestDb => {
  if (db === undefined) throw new Error('no database open')
  return db
}

beforeAll(() => {
  db = openDb()
})
afterAll(() => current().close())

const target: ConformanceTarget = {
  dialect: sqlite,
  exec: async (sql) => current().db.exec(sql),
  query: async (sql) => current().query(sql),
  introspect: () => current().introspect(),
  reset: async () => {
    current().close()
    db = openDb()
  },
}

it('declares which scenarios SQLite may refuse', () => {
  expect(conformanceScenarios.filter((s) => s.requires?.(sqlite.capabilities) === false).length).toBeGreaterThan(0)
})

/**
 * Scenarios that change constraints outside a batch without requiring `alterConstraints`:
 * SQLite refuses them (never SQL that fails), naming the field; a batch does them by a rebuild.
 * The scenarios should declare `requires: (caps) => caps.alterConstraints`.
 */
const UNDECLARED_REFUSALS: Readonly<Record<string, string>> = {
  'addColumn: unique, index and foreign key flags': 'column.unique',
  'addColumn: primaryKey with inlinePrimaryKey adds the key': 'column.primaryKey',
  'addColumn: primaryKey without inlinePrimaryKey only makes the column NOT NULL': 'column.primaryKey',
  'dropColumn: removes the column with its index and unique constraint': 'columnName',
}

for (const c of conformanceCases(target, { canonical: sqliteCanonical })) {
  const refusal = UNDECLARED_REFUSALS[c.name]
  it(refusal === undefined ? c.name : `${c.name} (refused outside a batch at ${refusal})`, async () => {
    const result = await c.run()
    if (refusal !== undefined && result.status === 'failed') {
      expect(result.refusal?.path).toBe(refusal)
      return
    }
    expect(result.problems, result.statements.join(';\n')).toEqual([])
    expect(['passed', 'refused']).toContain(result.status)
  })
}
