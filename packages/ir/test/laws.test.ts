import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AthanorError, NotReversibleError, addColumn, alterColumn, applyOps, batch, bulkInsert, createCheckConstraint, createForeignKey, createIndex,
  createPrimaryKey, createTable, createTableComment, createUniqueConstraint, downgradeOps, dropColumn, dropConstraint, dropIndex, dropTable,
  dropTableComment, emptySnapshot, executeSql, fillExistingAll, isDeepFrozen, migrationScript, modifyTableOps, normalizeTable, parseOp, renameTable, reverse, sameSchema,
  upgradeOps, type BuiltinOp, type BuiltinOpKind, type Op, type OpFields, type SchemaSnapshot, type TableDefinition,
} from '@athanor/ir'
import {
  arbAlterColumn, arbAnyOp, arbBatch, arbBulkInsert, arbCreateTableComment, arbDowngradeOps, arbDropColumn, arbDropConstraint, arbDropIndex,
  arbDropTable, arbDropTableComment, arbExecuteSql, arbModifyTableOps, arbReversibleOp, arbUpgradeOps, opSequence,
} from '@athanor/ir/arbitraries'

const FACTORIES: { readonly [K in BuiltinOpKind]: (fields: OpFields<Extract<BuiltinOp, { kind: K }>>) => BuiltinOp } = {
  addColumn, alterColumn, dropColumn, createTable, dropTable, renameTable, createIndex, dropIndex, createPrimaryKey, createUniqueConstraint,
  createForeignKey, createCheckConstraint, dropConstraint, createTableComment, dropTableComment, bulkInsert, executeSql, batch, modifyTableOps,
  upgradeOps, downgradeOps, migrationScript,
}

/** The op built by its kind's factory from its fields. */
function build(op: BuiltinOp): BuiltinOp {
  const { kind, ...fields } = op
  return (FACTORIES[kind] as (f: typeof fields) => BuiltinOp)(fields)
}

function parsed(value: unknown): Op {
  const r = parseOp(value)
  if (!r.ok) return expect.fail(`parse refused ${JSON.stringify(value)}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`)
  return r.value
}

/** Every object and array inside `value`, itself included. */
function nodes(value: unknown, out: object[] = []): object[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value)
    for (const child of Object.values(value)) nodes(child, out)
  }
  return out
}

/** Deep-frozen, and a write anywhere inside throws (test files are ES modules, so strict). */
function assertFrozen(value: unknown, pick: number): void {
  expect(isDeepFrozen(value)).toBe(true)
  const all = nodes(value)
  const target = all[pick % all.length]
  expect(() => {
    if (Array.isArray(target)) target.push('x')
    else (target as Record<string, unknown>)['athanorWrite'] = 1
  }).toThrow(TypeError)
}

describe('reverse', () => {
  it('is its own inverse on every reversible op, containers included', () => {
    fc.assert(
      fc.property(arbReversibleOp({ names: 'hostile' }), (op) => {
        expect(reverse(reverse(op))).toEqual(op)
      }),
      { numRuns: 400 },
    )
  })

  it('gives deep-frozen results that parse to themselves', () => {
    fc.assert(
      fc.property(arbReversibleOp(), fc.nat(), (op, pick) => {
        const r = reverse(op)
        assertFrozen(r, pick)
        expect(parsed(JSON.parse(JSON.stringify(r)))).toEqual(r)
      }),
      { numRuns: 300 },
    )
  })

  it('is its own inverse on the ops of simulated sequences, a batch copyFrom up to its spelling', () => {
    // The reverse of a batch computes its copyFrom with the model, which spells a table its own
    // way (nullable stated, a one-column key as a column flag) and lists re-created items last.
    const sameTable = (a: TableDefinition, b: TableDefinition): boolean =>
      sameSchema({ tables: [normalizeTable('t', undefined, a)] }, { tables: [normalizeTable('t', undefined, b)] })
    fc.assert(
      fc.property(fc.oneof(opSequence({ maxLength: 10 }), opSequence({ maxLength: 10, names: 'hostile' })), (ops) => {
        for (const op of ops) {
          const back = reverse(reverse(op))
          if (op.kind !== 'batch' || op.copyFrom === undefined || back.kind !== 'batch' || back.copyFrom === undefined) {
            expect(back).toEqual(op)
            continue
          }
          const { copyFrom: a, ...rest } = back
          const { copyFrom: b, ...expected } = op
          expect(rest).toEqual(expected)
          if (!sameTable(a, b)) expect(a).toEqual(b)
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('parse', () => {
  it('gives back every op of every kind from its JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(arbAnyOp(), arbAnyOp({ names: 'hostile' })), (op) => {
        expect(parseOp(JSON.parse(JSON.stringify(op)))).toEqual({ ok: true, value: op })
      }),
      { numRuns: 500 },
    )
  })

  it('reads the same value from an op and from its JSON text, whatever its numbers (-0 included)', () => {
    const number = fc.double({ noNaN: true, noDefaultInfinity: true })
    const zeroish = fc.oneof(fc.constant(-0), fc.integer({ min: -3, max: 3 }))
    fc.assert(
      fc.property(arbAnyOp(), number, zeroish, (op, x, n) => {
        const ops: unknown[] = [
          { ...op, info: { x, n, list: [x, n] } },
          { kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'integer', identity: { start: n, increment: 1 } } },
          { kind: 'createIndex', indexName: 'i', tableName: 't', columns: ['c'], postgresqlWith: { fillfactor: x } },
          { kind: 'bulkInsert', tableName: 't', columns: [{ name: 'c', type: 'float' }], rows: [{ c: x }] },
        ]
        for (const value of ops) expect(parseOp(JSON.parse(JSON.stringify(value)))).toEqual(parseOp(value))
      }),
      { numRuns: 200 },
    )
  })
})

describe('immutability', () => {
  it('deep-freezes every factory result and every parse result', () => {
    fc.assert(
      fc.property(arbAnyOp(), fc.nat(), (op, pick) => {
        const made = build(op)
        expect(made).toEqual(op)
        assertFrozen(made, pick)
        const read = parsed(op)
        assertFrozen(read, pick)
        // The input is copied, never frozen in place.
        expect(Object.isFrozen(op)).toBe(false)
      }),
      { numRuns: 300 },
    )
  })
})

/** Asserts that `reverse(op)` throws a NotReversibleError at `path`, naming `kind`. */
function notReversible(op: Op, path: string, kind: string = op.kind): void {
  let error: unknown
  try {
    reverse(op)
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(NotReversibleError)
  expect(error).toBeInstanceOf(AthanorError)
  expect(error).toMatchObject({ code: 'NOT_REVERSIBLE', path, kind })
}

function omit<T extends object>(value: T, ...keys: string[]): T {
  // The keys left out are optional fields of the op.
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k))) as T
}

const ALTER_PAIRS = [
  ['type', 'existingType'],
  ['nullable', 'existingNullable'],
  ['serverDefault', 'existingServerDefault'],
  ['identity', 'existingIdentity'],
  ['comment', 'existingComment'],
  ['autoincrement', 'existingAutoincrement'],
] as const

describe('ops that cannot be reversed', () => {
  const runs = { numRuns: 100 }

  it('refuse executeSql without reverseSqltext, naming it', () => {
    fc.assert(fc.property(arbExecuteSql(), (op) => notReversible(omit(op, 'reverseSqltext'), 'reverseSqltext')), runs)
  })

  it('refuse bulkInsert, which has no reverse', () => {
    fc.assert(fc.property(arbBulkInsert(), (op) => notReversible(op, '')), runs)
  })

  it('refuse drops without the definition they drop, naming the field', () => {
    fc.assert(fc.property(arbDropColumn(), (op) => notReversible(omit(op, 'column', 'inlineReferences', 'inlinePrimaryKey'), 'column')), runs)
    fc.assert(fc.property(arbDropTable(), (op) => notReversible(omit(op, 'table'), 'table')), runs)
    fc.assert(fc.property(arbDropIndex(), (op) => notReversible(omit(op, 'index'), 'index')), runs)
    fc.assert(fc.property(arbDropIndex({ reversible: true }), (op) => notReversible(omit(op, 'tableName', 'schema'), 'tableName')), runs)
    fc.assert(fc.property(arbDropConstraint(), (op) => notReversible(omit(op, 'constraint'), 'constraint')), runs)
  })

  it('refuse comment ops without existingComment', () => {
    fc.assert(fc.property(arbCreateTableComment(), (op) => notReversible(omit(op, 'existingComment'), 'existingComment')), runs)
    fc.assert(fc.property(arbDropTableComment(), (op) => notReversible(omit(op, 'existingComment'), 'existingComment')), runs)
  })

  it('refuse alterColumn changing a field without its existing value, naming that value', () => {
    const changing = arbAlterColumn({ reversible: true }).filter((op) => ALTER_PAIRS.some(([change]) => op[change] !== undefined))
    fc.assert(
      fc.property(changing, fc.nat(), (op, n) => {
        const pairs = ALTER_PAIRS.filter(([change]) => op[change] !== undefined)
        const [, existing] = pairs[n % pairs.length] ?? ALTER_PAIRS[0]
        notReversible(omit(op, existing), existing)
      }),
      { numRuns: 300 },
    )
  })

  it('refuse a container holding such an op, naming the child by its index', () => {
    const bad = fc.oneof(
      arbExecuteSql().map((op): Op => omit(op, 'reverseSqltext')),
      arbDropTable().map((op): Op => omit(op, 'table')),
      arbDropColumn().map((op): Op => omit(op, 'column', 'inlineReferences', 'inlinePrimaryKey')),
    )
    const badInBatch = fc.oneof(
      arbExecuteSql().map((op) => omit(op, 'reverseSqltext')),
      arbDropColumn().map(({ kind, columnName }) => ({ kind, columnName })),
    )
    const field = (op: { readonly kind: string }): string => (op.kind === 'executeSql' ? 'reverseSqltext' : op.kind === 'dropTable' ? 'table' : 'column')
    const containers = fc.oneof(
      fc.tuple(arbModifyTableOps({ reversible: true }), bad).map(([c, child]) => ({ c, child })),
      fc.tuple(arbUpgradeOps({ reversible: true }), bad).map(([c, child]) => ({ c, child })),
      fc.tuple(arbDowngradeOps({ reversible: true }), bad).map(([c, child]) => ({ c, child })),
      fc.tuple(arbBatch({ reversible: true }), badInBatch).map(([c, child]): { c: Op; child: { readonly kind: string } } => ({ c, child })),
    )
    fc.assert(
      fc.property(containers, fc.nat(), ({ c, child }, n) => {
        if (!('ops' in c)) throw new Error('a container has ops')
        const at = n % (c.ops.length + 1)
        const ops = [...c.ops.slice(0, at), child, ...c.ops.slice(at)]
        notReversible(parsed({ ...c, ops }), `ops[${at}].${field(child)}`, child.kind)
      }),
      { numRuns: 200 },
    )
  })
})

describe('applyOps', () => {
  it('applies every simulated sequence from an empty database', () => {
    fc.assert(
      fc.property(fc.oneof(opSequence({ maxLength: 15 }), opSequence({ maxLength: 15, names: 'hostile' })), (ops) => {
        applyOps(emptySnapshot(), ops)
      }),
      { numRuns: 300 },
    )
  })

  it('comes back to the same schema after an op and its reverse', () => {
    fc.assert(
      fc.property(fc.oneof(opSequence({ maxLength: 12 }), opSequence({ maxLength: 12, names: 'hostile' })), (ops) => {
        let s: SchemaSnapshot = emptySnapshot()
        for (const op of ops) {
          const there = applyOps(s, [op, reverse(op)])
          if (!sameSchema(there, s)) expect(there).toEqual(s)
          s = applyOps(s, [op])
        }
      }),
      { numRuns: 300 },
    )
  })

  it('fills from the model exactly what each op of a simulated sequence carries', () => {
    // The simulator and the model keep the schema independently; fillExisting reads the model.
    const carried = ['existingType', 'existingNullable', 'existingServerDefault', 'existingComment', 'existingIdentity', 'table', 'constraint', 'index']
    const bare = (op: object): object => {
      const kind = 'kind' in op ? op.kind : undefined
      if (kind === 'batch' && 'ops' in op && Array.isArray(op.ops)) return { ...op, ops: op.ops.map(bare) }
      const drop = kind === 'dropColumn' ? ['column'] : kind === 'dropConstraint' ? ['type', ...carried] : kind === 'addColumn' ? [] : carried
      return Object.fromEntries(Object.entries(op).filter(([k]) => !drop.includes(k)))
    }
    fc.assert(
      fc.property(fc.oneof(opSequence({ maxLength: 12 }), opSequence({ maxLength: 12, names: 'hostile' })), (ops) => {
        // Bare ops are only read by fillExisting, which takes any op shape; a batch dropColumn keeps its position.
        const { ops: filled } = fillExistingAll(ops.map((op) => bare(op) as unknown as Op), emptySnapshot())
        expect(filled).toEqual(ops)
      }),
      { numRuns: 200 },
    )
  })

  it('comes back to the same schema after a sequence and its reverse', () => {
    fc.assert(
      fc.property(opSequence({ maxLength: 12 }), (ops) => {
        const up = upgradeOps({ ops })
        const s = applyOps(emptySnapshot(), [up])
        expect(sameSchema(applyOps(s, [reverse(up)]), emptySnapshot())).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
