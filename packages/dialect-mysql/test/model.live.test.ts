/**
 * The model-based property on MariaDB: random op sequences (`opSequence`), each run op by op in a
 * fresh database, leave the schema `applyOps` predicts; and after every alterColumn, the column
 * read back keeps every attribute the op did not change — type, nullability, default, comment,
 * AUTO_INCREMENT, ON UPDATE, generated value — which is what MODIFY and CHANGE put at risk. Half
 * the sequences drop the alterColumns' `existing*` fields, so that the dialect restates the
 * column from the schema snapshot instead.
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { batchChildAsOp, type Statement } from '@athanor/dialect-kit'
import { compareSnapshots } from '@athanor/dialect-kit/conformance'
import { createMysqlDialect, impliedAutoincrement } from '@athanor/dialect-mysql'
import { introspectMysql, mysqlCanonical } from '@athanor/dialect-mysql/introspect'
import {
  UnsupportedOperationError, applyOps, emptySnapshot, findTable, sqlMentions, tableModelOf, type AlterColumnOp, type BuiltinOp, type ColumnModel,
  type CreateTableOp, type SchemaSnapshot, type TableModel,
} from '@athanor/ir'
import { opSequence } from '@athanor/ir/arbitraries'
import { describeLive } from './live.js'

const mariadb = createMysqlDialect({ flavour: 'mariadb', version: '10.11' })

/**
 * The sequence as MariaDB can run it. A batch that asks for a rebuild runs as ALTERs (`auto`),
 * which the model treats the same way. A default set on an AUTO_INCREMENT column also says
 * `autoincrement: false`: MySQL refuses a default there (the dialect says so with a typed error)
 * and the op means to stop numbering the column; likewise a new table's key column that a check
 * names (see `unnumberedKey`).
 */
function forMysql(op: BuiltinOp, before: SchemaSnapshot): BuiltinOp {
  if (op.kind === 'alterColumn') return withoutNumbering(op, before, op.tableName) as BuiltinOp
  if (op.kind === 'createTable') return unnumberedKey(op)
  if (op.kind !== 'batch') return op
  let model = before
  const ops = op.ops.map((child) => {
    const out = child.kind === 'alterColumn' ? withoutNumbering(child, model, op.tableName) : child
    model = applyOps(model, [batchChildAsOp(out, op)])
    return out
  })
  return { ...op, ops, ...(op.recreate === 'always' ? { recreate: 'auto' } : {}) }
}

/**
 * A table whose key column MySQL would number (AUTO_INCREMENT) while a check names it or it has
 * a default says `autoincrement: false` on it, as the dialect asks (MySQL would reject the table).
 */
function unnumberedKey(op: CreateTableOp): CreateTableOp {
  const model = tableModelOf(op)
  const columns = op.columns.map((c, i) => {
    const m = model.columns[i]
    if (m === undefined || c.autoincrement !== undefined || !impliedAutoincrement(model, m, 'mariadb')) return c
    const checked = model.constraints.some((k) => k.type === 'check' && sqlMentions(k.condition, c.name))
    return checked || c.serverDefault !== undefined ? { ...c, autoincrement: false } : c
  })
  return { ...op, columns }
}

/** An alterColumn that sets a default on a column MySQL numbers, with `autoincrement: false` added. */
function withoutNumbering<O extends Omit<AlterColumnOp, 'tableName'>>(op: O, before: SchemaSnapshot, tableName: string): O {
  const table = findTable(before, tableName)
  const column = table?.columns.find((c) => c.name === op.columnName)
  if (table === undefined || column === undefined || op.serverDefault === undefined || op.serverDefault === null || op.autoincrement !== undefined) return op
  return impliedAutoincrement(table, column, 'mariadb') ? { ...op, autoincrement: false, existingAutoincrement: true } : op
}

/**
 * The refusals a sequence may meet, each for SQL the server would reject and the simulator does
 * not know of: a CHECK naming an AUTO_INCREMENT column, or a column a foreign key uses with an
 * ON DELETE / ON UPDATE action (and such an action on a column a check names).
 */
function isExpectedRefusal(e: unknown): boolean {
  if (!(e instanceof UnsupportedOperationError)) return false
  const at = `${e.kind ?? ''} ${e.path ?? ''}`
  return /^(createCheckConstraint condition|createTable (constraints\[\d+\]|columns\[\d+\]\.check)\.condition|createForeignKey on(Delete|Update))$/.test(at)
}

const EXISTING = ['existingType', 'existingNullable', 'existingServerDefault', 'existingComment', 'existingAutoincrement', 'existingIdentity'] as const

/**
 * The op without the `existing*` fields of its alterColumns, so that the dialect must take what
 * MODIFY and CHANGE restate from the schema snapshot.
 */
function withoutExisting(op: BuiltinOp): BuiltinOp {
  const strip = <O extends object>(o: O): O => Object.fromEntries(Object.entries(o).filter(([k]) => !(EXISTING as readonly string[]).includes(k))) as O
  if (op.kind === 'alterColumn') return strip(op)
  if (op.kind === 'batch') return { ...op, ops: op.ops.map((c) => (c.kind === 'alterColumn' ? strip(c) : c)) }
  return op
}

/** True when a batch places columns; MariaDB runs the batch as ALTERs, which append. */
function placesColumns(op: BuiltinOp): boolean {
  return op.kind === 'batch' && (op.partialReordering !== undefined || op.ops.some((c) => 'insertBefore' in c || 'insertAfter' in c))
}

const ATTRIBUTES = { type: 'type', nullable: 'nullable', serverDefault: 'serverDefault', comment: 'comment', autoincrement: 'autoincrement' } as const

/** The attributes of a column as MariaDB reports them, in canonical form, autoincrement stated. */
function attributes(column: ColumnModel): Record<string, unknown> {
  const c = mysqlCanonical.column(column)
  return {
    type: c.type,
    nullable: c.nullable,
    serverDefault: c.serverDefault ?? null,
    comment: c.comment ?? null,
    autoincrement: c.autoincrement === true,
    mysqlOnUpdate: c.mysqlOnUpdate ?? null,
    computed: c.computed ?? null,
  }
}

/** Fails unless the column after `op` has every attribute of the column before that the op does not change. */
function checkAlter(op: AlterColumnOp, before: TableModel | undefined, after: TableModel | undefined, fail: (message: string) => never): void {
  const was = before?.columns.find((c) => c.name === op.columnName)
  const now = after?.columns.find((c) => c.name === (op.newColumnName ?? op.columnName))
  if (was === undefined || now === undefined) fail(`alterColumn ${JSON.stringify(op)}: column not found before or after`)
  const a = attributes(was)
  const b = attributes(now)
  for (const key of Object.keys(a)) {
    const changed = key in ATTRIBUTES && op[ATTRIBUTES[key as keyof typeof ATTRIBUTES]] !== undefined
    if (!changed && JSON.stringify(a[key]) !== JSON.stringify(b[key])) fail(`alterColumn ${JSON.stringify(op)} changed ${key}: ${JSON.stringify(a[key])} → ${JSON.stringify(b[key])}`)
  }
}

describeLive('model-based: random op sequences on MariaDB', (db) => {
  const read = (like: SchemaSnapshot): Promise<SchemaSnapshot> => introspectMysql(db.introspectQuery, { like })

  it('leaves the schema applyOps predicts, and alterColumn keeps what it does not change, for 200 sequences', async () => {
    let statementsRun = 0
    let altersChecked = 0
    await fc.assert(
      fc.asyncProperty(fc.oneof(opSequence({ maxLength: 10 }), opSequence({ maxLength: 10, names: 'hostile' })), fc.boolean(), async (generated, fromSnapshot) => {
        await db.reset()
        let model = emptySnapshot()
        const ran: string[] = []
        const fail = (message: string): never => {
          throw new Error(`${message}\n--- SQL:\n${ran.join(';\n')}`)
        }
        let anyOrder = false
        for (const original of generated) {
          const op = forMysql(fromSnapshot ? withoutExisting(original) : original, model)
          anyOrder ||= placesColumns(op)
          // A batch runs as its children's ALTERs, one after the other; each child is run and
          // checked on its own, after checking that the batch compiles to exactly those statements.
          const steps: BuiltinOp[] = op.kind === 'batch' ? op.ops.map((child) => batchChildAsOp(child, op) as BuiltinOp) : [op]
          let refused = false
          if (op.kind === 'batch') {
            try {
              const whole = mariadb.compileOps([op], { snapshot: model }).map((x) => x.sql)
              let m = model
              const oneByOne = steps.flatMap((step) => {
                const out = mariadb.compileOps([step], { snapshot: m }).map((x) => x.sql)
                m = applyOps(m, [step])
                return out
              })
              expect(whole).toEqual(oneByOne)
            } catch (e) {
              if (!isExpectedRefusal(e)) throw e
            }
          }
          for (const step of steps) {
            let statements: readonly Statement[]
            try {
              statements = mariadb.compileOps([step], { snapshot: model })
            } catch (e) {
              // A refusal the engine would make too ends the sequence; the schema so far is checked.
              if (isExpectedRefusal(e)) {
                refused = true
                break
              }
              throw e
            }
            const after = applyOps(model, [step])
            const before = step.kind === 'alterColumn' ? await read(model) : undefined
            for (const s of statements) {
              ran.push(s.sql)
              try {
                await db.query(s.sql)
              } catch (e) {
                fail(`statement failed: ${e instanceof Error ? e.message : String(e)}`)
              }
            }
            statementsRun += statements.length
            if (step.kind === 'alterColumn' && before !== undefined) {
              const found = await read(after)
              checkAlter(step, findTable(before, step.tableName), findTable(found, step.tableName), fail)
              altersChecked++
            }
            model = after
          }
          if (refused) break
        }
        const found = await read(model)
        const differences = compareSnapshots(model, found, {
          dialect: 'mysql',
          capabilities: mariadb.capabilities,
          canonical: mysqlCanonical,
          columnOrder: anyOrder ? 'any' : 'strict',
        })
        if (differences.length > 0) fail(differences.map((d) => d.message).join('\n'))
      }),
      { numRuns: Number(process.env['ATHANOR_MODEL_RUNS'] ?? 200) },
    )
    // The sequences did something: more than one statement each on average, and alters were checked.
    expect(statementsRun).toBeGreaterThan(200)
    expect(altersChecked).toBeGreaterThan(50)
  }, 180_000)
})
