import { afterAll, beforeAll, expect, it } from 'vitest'
import { conformanceCases, type ConformanceTarget } from '@athanor/dialect-kit/conformance'
import { duckdb, duckdbQuote as q } from 'athanor-dialect-duckdb'
import { duckdbCanonical } from 'athanor-dialect-duckdb/introspect'
import { openDb, type TestDb } from './duckdb-db.js'

// region target
// Every scenario on a fresh in-memory database, with a second schema for the scenarios of
// schema-qualified ops. DuckDB runs in-process, so this runs everywhere.
const other = 'athanor_other'
let db: TestDb | undefined
const current = (): TestDb => {
  if (db === undefined) throw new Error('no database open')
  return db
}

const target: ConformanceTarget = {
  dialect: duckdb,
  exec: (sql) => current().exec(sql),
  query: (sql) => current().query(sql),
  introspect: () => current().introspect(),
  reset: async () => {
    db?.close()
    db = await openDb()
    await db.exec(`CREATE SCHEMA ${q.ident(other)}`)
  },
}
// endregion target

beforeAll(async () => {
  db = await openDb()
})
afterAll(() => current().close())

// region cases
const cases = conformanceCases(target, { canonical: duckdbCanonical, otherSchema: other })

for (const c of cases) {
  it(c.name, async () => {
    const result = await c.run()
    expect(result.problems, result.statements.join(';\n')).toEqual([])
    expect(['passed', 'refused']).toContain(result.status)
  })
}
// endregion cases

it('may refuse only the scenarios its capabilities rule out', () => {
  const mayRefuse = cases.filter((c) => c.scenario.requires?.(duckdb.capabilities) === false).map((c) => c.name)
  expect(mayRefuse).toEqual([
    'createTable: a foreign key with ON DELETE CASCADE',
    'createTable: a stored computed column',
    'createTable: identity columns',
    'renameTable: keeps columns, keys and indexes; foreign keys follow it',
    'addColumn: unique, index and foreign key flags',
    'addColumn: a column check',
    'addColumn: primaryKey with inlinePrimaryKey adds the key',
    'addColumn: primaryKey without inlinePrimaryKey only makes the column NOT NULL',
    'addColumn: identity columns',
    'alterColumn: identity added and dropped',
    'dropColumn: removes the column with its index and unique constraint',
    'createIndex: partial (WHERE)',
    'createPrimaryKey: on existing columns, which become NOT NULL',
    'createUniqueConstraint: on one and on two columns',
    'createForeignKey: with ON DELETE and ON UPDATE actions',
    'createForeignKey and createUniqueConstraint: deferrable',
    'createCheckConstraint: on an existing table',
    'dropConstraint: every constraint type',
    'ON DELETE CASCADE removes the child rows',
    'batch (recreate never): each op as an ALTER',
    'schema: createTable with an enum, indexes, comments and a foreign key to the default schema',
    'schema: columns altered and dropped, constraints and indexes, rename and drop',
  ])
})
