import fc from 'fast-check'
import { expect, it } from 'vitest'
import { compareSnapshots } from '@athanor/dialect-kit/conformance'
import { postgresql, postgresQuote as q } from '@athanor/dialect-postgres'
import { introspectPostgres, postgresCanonical } from '@athanor/dialect-postgres/introspect'
import { applyOps, emptySnapshot, type BuiltinOp } from '@athanor/ir'
import { opSequence } from '@athanor/ir/arbitraries'
import { describeLive } from './live.js'

/**
 * PostgreSQL alters a table in place, so it refuses `recreate: 'always'` (a rebuild) with a
 * typed error, as its capabilities say; such batches run as `auto` here, which the model treats
 * the same way.
 */
function forPostgres(op: BuiltinOp): BuiltinOp {
  return op.kind === 'batch' && op.recreate === 'always' ? { ...op, recreate: 'auto' } : op
}

/**
 * True when a batch places columns (`insertBefore`/`insertAfter`, `partialReordering`). The
 * model places them as a rebuilding batch would; PostgreSQL runs the batch as ALTERs, which
 * append, so column order is not compared for such a sequence.
 */
function placesColumns(ops: readonly BuiltinOp[]): boolean {
  return ops.some((op) => op.kind === 'batch' && (op.partialReordering !== undefined || op.ops.some((c) => 'insertBefore' in c || 'insertAfter' in c)))
}

describeLive('model-based: random op sequences on PostgreSQL', (db) => {
  const reset = (): Promise<unknown> =>
    db.query(`DROP SCHEMA IF EXISTS ${q.ident(db.schema)} CASCADE; CREATE SCHEMA ${q.ident(db.schema)}; SET search_path TO ${q.ident(db.schema)}`)

  it('leaves the schema applyOps predicts, for 200 sequences', async () => {
    let statementsRun = 0
    await fc.assert(
      fc.asyncProperty(opSequence({ maxLength: 12 }), async (generated) => {
        const ops = generated.map(forPostgres)
        const expected = applyOps(emptySnapshot(), ops)
        const statements = postgresql.compileOps(ops, { snapshot: emptySnapshot() })
        await reset()
        for (const [i, s] of statements.entries()) {
          try {
            await db.query(s.sql)
          } catch (e) {
            throw new Error(`statement ${i + 1} failed: ${e instanceof Error ? e.message : String(e)}\n${statements.map((x) => x.sql).join(';\n')}`)
          }
        }
        statementsRun += statements.length
        const found = await introspectPostgres((sql, params) => db.query(sql, params), { schema: db.schema })
        const differences = compareSnapshots(expected, found, {
          dialect: postgresql.name,
          capabilities: postgresql.capabilities, canonical: postgresCanonical,
          columnOrder: placesColumns(ops) ? 'any' : 'strict',
        })
        if (differences.length > 0) {
          throw new Error(`${differences.map((d) => d.message).join('\n')}\n--- SQL:\n${statements.map((x) => x.sql).join(';\n')}`)
        }
      }),
      { numRuns: 200 },
    )
    // The sequences did something: on average more than one statement each.
    expect(statementsRun).toBeGreaterThan(200)
  }, 120_000)
})
