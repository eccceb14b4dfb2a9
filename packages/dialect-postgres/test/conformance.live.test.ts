import { expect, it } from 'vitest'
import { conformanceCases, conformanceScenarios, type ConformanceTarget } from '@athanor/dialect-kit/conformance'
import { postgresql, postgresQuote as q } from '@athanor/dialect-postgres'
import { introspectPostgres, postgresCanonical } from '@athanor/dialect-postgres/introspect'
import type { SchemaSnapshot } from '@athanor/ir'
import { describeLive, uniqueName } from './live.js'

describeLive('conformance (postgresql)', (db) => {
  // A second schema for the scenarios of schema-qualified ops; live.ts drops it after each test.
  const other = uniqueName()
  const read = (schema: string): Promise<SchemaSnapshot> => introspectPostgres((sql, params) => db.query(sql, params), { schema })
  const target: ConformanceTarget = {
    dialect: postgresql,
    exec: (sql) => db.query(sql),
    query: (sql) => db.query(sql),
    introspect: async () => ({ tables: [...(await read(db.schema)).tables, ...(await read(other)).tables] }),
    // Each scenario in fresh schemas (live.ts also empties them after every test).
    reset: async () => {
      await db.query(`DROP SCHEMA IF EXISTS ${q.ident(db.schema)} CASCADE; CREATE SCHEMA ${q.ident(db.schema)}; SET search_path TO ${q.ident(db.schema)}`)
      await db.query(`DROP SCHEMA IF EXISTS ${q.ident(other)} CASCADE`)
      await db.newSchema(other)
    },
  }
  const cases = conformanceCases(target, { canonical: postgresCanonical, otherSchema: other })

  it('runs every scenario: PostgreSQL declares every capability', () => {
    expect(cases.filter((c) => c.scenario.requires?.(postgresql.capabilities) === false).map((c) => c.name)).toEqual([])
    expect(cases.length).toBe(conformanceScenarios.length + 3)
  })

  for (const c of cases) {
    it(c.name, async () => {
      const result = await c.run()
      expect(result.problems, result.statements.join(';\n')).toEqual([])
      expect(result.status).toBe('passed')
    })
  }
})
