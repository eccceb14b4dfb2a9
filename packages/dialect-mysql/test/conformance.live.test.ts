import { expect, it } from 'vitest'
import { conformanceCases, conformanceScenarios, type ConformanceTarget } from '@athanor/dialect-kit/conformance'
import { createMysqlDialect, mariadbQuote as q } from '@athanor/dialect-mysql'
import { introspectMysql, mysqlCanonical } from '@athanor/dialect-mysql/introspect'
import { applyOps, emptySnapshot, type SchemaSnapshot } from '@athanor/ir'
import { describeLive, uniqueName } from './live.js'

describeLive('conformance (mariadb)', (db) => {
  // Told the connection's database: a foreign key from the other database to a table without a
  // schema names it (MySQL looks an unqualified referent up in the child table's database).
  const mariadb = createMysqlDialect({ flavour: 'mariadb', version: '10.11', database: db.database })
  // A second database for the scenarios of schema-qualified ops (a MySQL schema is a database).
  const other = uniqueName()
  // The model the running scenario builds: MySQL does not record whether a unique index was made
  // as a constraint or an index, nor the name of a primary key; `like` settles both.
  let expected: SchemaSnapshot = emptySnapshot()
  const read = (database: string): Promise<SchemaSnapshot> => introspectMysql(db.introspectQuery, { database, like: expected })
  const target: ConformanceTarget = {
    dialect: mariadb,
    exec: (sql) => db.query(sql),
    query: (sql) => db.query(sql),
    introspect: async () => ({ tables: [...(await read(db.database)).tables, ...(await read(other)).tables] }),
    reset: async () => {
      await db.reset()
      await db.query(`DROP DATABASE IF EXISTS ${q.ident(other)}`)
      await db.query(`CREATE DATABASE ${q.ident(other)} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`)
    },
  }
  const cases = conformanceCases(target, { canonical: mysqlCanonical, otherSchema: other })

  it('runs the scenarios MariaDB has capabilities for, and lets it refuse the others', () => {
    const refusable = cases.filter((c) => c.scenario.requires?.(mariadb.capabilities) === false).map((c) => c.name)
    expect(refusable.every((n) => /identity|deferrable|partial|expression/.test(n)), refusable.join('\n')).toBe(true)
    expect(cases.length).toBe(conformanceScenarios.length + 3)
  })

  for (const c of cases) {
    it(c.name, async () => {
      try {
        expected = applyOps(emptySnapshot(), [...(c.scenario.setup ?? []), ...c.scenario.ops])
      } catch {
        expected = emptySnapshot()
      }
      try {
        const result = await c.run()
        expect(result.problems, result.statements.join(';\n')).toEqual([])
        expect(['passed', 'refused']).toContain(result.status)
        if (result.status === 'refused') expect(c.scenario.requires?.(mariadb.capabilities)).toBe(false)
      } finally {
        await db.query(`DROP DATABASE IF EXISTS ${q.ident(other)}`)
      }
    })
  }
})
