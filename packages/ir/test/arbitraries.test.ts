import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, batch, bulkInsert, createCheckConstraint, createForeignKey, createIndex, createPrimaryKey, createTable, createTableComment,
  createUniqueConstraint, downgradeOps, dropColumn, dropConstraint, dropIndex, dropTable, dropTableComment, executeSql, migrationScript,
  modifyTableOps, parseOp, renameTable, upgradeOps, builtinSpecs, type BuiltinOp, type BuiltinOpKind, type Op, type OpFields,
} from '@athanor/ir'
import {
  BATCH_CHILD_KINDS, BUILTIN_OP_KINDS, OP_ARBITRARIES, SEQUENCE_OP_KINDS, arbAnyOp, arbBatchChild, arbCheckDefinition, arbColumn, arbColumnCheck,
  arbColumnForeignKey, arbColumnType, arbColumnValue, arbComment, arbComputed, arbConstraintDefinition, arbDeferrability, arbForeignKeyDefinition,
  arbForeignKeyOptions, arbHostileName, arbIdentifier, arbIdentity, arbIndexColumn, arbIndexDefinition, arbJsonObject, arbJsonValue,
  arbKeyName, arbKeyword, arbLeafOp, arbName, arbOptionMap, arbPrimaryKeyDefinition, arbReferentialAction, arbReversibleOp, arbServerDefault,
  arbSqlText, arbTableConstraint, arbTableDefinition, arbTableIndex, arbTableOptions, arbUniqueDefinition, opSequence,
  type ArbitraryOptions, type BatchChildKind, type OpArbitraryOptions,
} from '@athanor/ir/arbitraries'

const RUNS = { numRuns: 150 }

/** The factory of each kind; each takes the op without its `kind`. */
const FACTORIES: { readonly [K in BuiltinOpKind]: (fields: OpFields<Extract<BuiltinOp, { kind: K }>>) => BuiltinOp } = {
  addColumn, alterColumn, dropColumn, createTable, dropTable, renameTable, createIndex, dropIndex, createPrimaryKey, createUniqueConstraint,
  createForeignKey, createCheckConstraint, dropConstraint, createTableComment, dropTableComment, bulkInsert, executeSql, batch, modifyTableOps,
  upgradeOps, downgradeOps, migrationScript,
}

function build(op: BuiltinOp): BuiltinOp {
  const { kind, ...fields } = op
  return (FACTORIES[kind] as (f: typeof fields) => BuiltinOp)(fields)
}

/** Asserts that `op` parses (to an equal value) and that its factory accepts it. */
function accepted(op: Op): void {
  const r = parseOp(op)
  if (!r.ok) expect.fail(`parse refused ${JSON.stringify(op)}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`)
  expect(r.value).toEqual(op)
  expect(build(op as BuiltinOp)).toEqual(op)
}

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true
  if (typeof value !== 'object' || value === null) return false
  return Object.values(value).some(hasUndefined)
}

const OPTION_SETS: readonly [string, OpArbitraryOptions][] = [
  ['default options', {}],
  ['hostile names', { names: 'hostile' }],
  ['reversible', { reversible: true }],
  ['no dialect options and no info', { dialectOptions: false, info: false }],
]

describe('op arbitraries', () => {
  for (const kind of BUILTIN_OP_KINDS) {
    it(`produce ${kind} ops that parse and build, with each option set`, () => {
      for (const [, options] of OPTION_SETS) {
        fc.assert(
          fc.property(OP_ARBITRARIES[kind](options), (op) => {
            expect(op.kind).toBe(kind)
            expect(hasUndefined(op)).toBe(false)
            accepted(op)
          }),
          { numRuns: 40 },
        )
      }
    })
  }

  it('generate every field of every kind, batch-only fields included', () => {
    const seen = (values: readonly object[]): Set<string> => new Set(values.flatMap((v) => Object.keys(v)))
    for (const kind of BUILTIN_OP_KINDS) {
      const spec = builtinSpecs[kind]
      const keys = seen(fc.sample<object>(OP_ARBITRARIES[kind](), 300))
      for (const field of [...Object.keys(spec.fields), 'info']) expect(keys, `${kind}.${field}`).toContain(field)
      const batchFields = Object.keys(spec.batch?.batchFields ?? {})
      if (batchFields.length === 0) continue
      const childKeys = seen(fc.sample<object>(arbBatchChild({ kinds: [kind as BatchChildKind] }), 300))
      for (const field of batchFields) expect(childKeys, `batch ${kind}.${field}`).toContain(field)
    }
  })

  it('leave dialect fields and info out when asked', () => {
    const dialectKey = /"(postgresql|mysql|mssql|sqlite)[A-Z][A-Za-z]*":/
    fc.assert(
      fc.property(arbAnyOp({ dialectOptions: false, info: false }), (op) => {
        const text = JSON.stringify(op)
        expect(text).not.toMatch(dialectKey)
        expect(text).not.toContain('"info":')
      }),
      RUNS,
    )
  })

  it('produce reversible ops only with reversible: true', () => {
    fc.assert(fc.property(arbReversibleOp(), (op) => {
      expect(op.kind).not.toBe('bulkInsert')
    }), RUNS)
  })

  it('restrict kinds with arbAnyOp({ kinds }) and arbLeafOp({ kinds })', () => {
    fc.assert(fc.property(arbAnyOp({ kinds: ['renameTable', 'upgradeOps'] }), (op) => {
      expect(['renameTable', 'upgradeOps']).toContain(op.kind)
    }), RUNS)
    fc.assert(fc.property(arbLeafOp({ kinds: ['batch'] }), (op) => {
      expect(op.kind).toBe('batch')
    }), RUNS)
  })

  it('produce every batch child kind, each accepted inside a batch', () => {
    for (const kind of BATCH_CHILD_KINDS) {
      fc.assert(
        fc.property(arbBatchChild({ kinds: [kind], names: 'hostile' }), (child) => {
          expect(child.kind).toBe(kind)
          accepted(batch({ tableName: 't', ops: [child] }))
        }),
        { numRuns: 40 },
      )
    }
  })
})

const names: readonly [string, ArbitraryOptions][] = [
  ['plain', {}],
  ['hostile', { names: 'hostile' }],
]

describe('element arbitraries', () => {
  it('produce names parse accepts, hostile ones included', () => {
    const check = (n: string): void => accepted(renameTable({ oldTableName: n, newTableName: `${n}_2` }))
    fc.assert(fc.property(arbIdentifier(), (n) => {
      expect(n).toMatch(/^[a-z_][a-z0-9_]*$/)
    }), RUNS)
    fc.assert(fc.property(fc.oneof(arbIdentifier(), arbHostileName(), arbName({ names: 'hostile' })), check), RUNS)
    fc.assert(fc.property(arbKeyName({ names: 'hostile' }), (n) => {
      expect(n).not.toBe('__proto__')
    }), RUNS)
  })

  it('produce SQL text, comments, keywords and JSON parse accepts', () => {
    fc.assert(
      fc.property(arbSqlText(), arbSqlText(), arbJsonObject(), arbJsonValue(), (sqltext, reverseSqltext, executionOptions, value) =>
        accepted({ kind: 'executeSql', sqltext, reverseSqltext, executionOptions, info: { value } }),
      ),
      RUNS,
    )
    fc.assert(fc.property(arbComment(), (comment) => accepted({ kind: 'createTableComment', tableName: 't', comment })), RUNS)
    fc.assert(
      fc.property(arbKeyword(['FULLTEXT', 'SPATIAL']), (mysqlPrefix) => accepted({ kind: 'createIndex', indexName: 'i', tableName: 't', columns: ['a'], mysqlPrefix })),
      RUNS,
    )
  })

  for (const [label, options] of names) {
    it(`produce column parts parse accepts (${label} names)`, () => {
      const col = (extra: object): void => accepted({ kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'integer', ...extra } })
      fc.assert(fc.property(arbColumnType(options), (type) => col({ type })), RUNS)
      fc.assert(fc.property(arbServerDefault(), (serverDefault) => col({ serverDefault })), RUNS)
      fc.assert(fc.property(arbColumnForeignKey(options), (foreignKey) => col({ foreignKey })), RUNS)
      fc.assert(fc.property(arbComputed(), (computed) => col({ computed })), RUNS)
      fc.assert(fc.property(arbIdentity(), (identity) => col({ identity })), RUNS)
      fc.assert(fc.property(arbColumnCheck(options), (check) => col({ check })), RUNS)
      fc.assert(fc.property(arbColumn(options), (column) => accepted({ kind: 'addColumn', tableName: 't', column })), RUNS)
      fc.assert(fc.property(arbColumn({ ...options, name: 'fixed' }), (column) => {
      expect(column.name).toBe('fixed')
    }), { numRuns: 20 })
    })

    it(`produce constraint and index definitions parse accepts (${label} names)`, () => {
      const fkOptions = (o: object): void =>
        accepted({ kind: 'createForeignKey', constraintName: 'fk', sourceTable: 's', referentTable: 'r', localCols: ['a'], remoteCols: ['b'], ...o })
      fc.assert(fc.property(arbReferentialAction(), (onDelete) => fkOptions({ onDelete })), RUNS)
      fc.assert(fc.property(arbDeferrability(), fkOptions), RUNS)
      fc.assert(fc.property(arbForeignKeyOptions(options), fkOptions), RUNS)
      const definitions = fc.oneof(
        arbConstraintDefinition(options),
        arbPrimaryKeyDefinition(options),
        arbUniqueDefinition(options),
        arbForeignKeyDefinition(options),
        arbCheckDefinition(options),
      )
      fc.assert(
        fc.property(definitions, (constraint) => accepted({ kind: 'dropConstraint', constraintName: 'k', tableName: 't', type: constraint.type, constraint })),
        RUNS,
      )
      fc.assert(fc.property(arbIndexDefinition(options), (index) => accepted({ kind: 'dropIndex', indexName: 'i', tableName: 't', index })), RUNS)
      fc.assert(fc.property(arbIndexColumn(options), (c) => accepted({ kind: 'createIndex', indexName: 'i', tableName: 't', columns: [c] })), RUNS)
      fc.assert(
        fc.property(arbOptionMap(), (postgresqlWith) => accepted({ kind: 'createIndex', indexName: 'i', tableName: 't', columns: ['a'], postgresqlWith })),
        RUNS,
      )
    })

    it(`produce table parts on given columns that parse accepts (${label} names)`, () => {
      const onColumns = fc.uniqueArray(arbName(options), { minLength: 1, maxLength: 4 })
      fc.assert(
        fc.property(
          onColumns.chain((columns) => fc.tuple(fc.constant(columns), fc.oneof(arbTableConstraint({ ...options, columns }), arbTableIndex({ ...options, columns })))),
          ([columns, constraint]) =>
            accepted({ kind: 'createTable', tableName: 't', columns: columns.map((name) => ({ name, type: 'integer' })), constraints: [constraint] }),
        ),
        RUNS,
      )
      fc.assert(fc.property(arbTableDefinition(options), (table) => accepted({ kind: 'dropTable', tableName: 't', table })), RUNS)
      fc.assert(fc.property(arbTableOptions(options), (o) => accepted({ kind: 'createTable', tableName: 't', columns: [{ name: 'c', type: 'text' }], ...o })), RUNS)
    })
  }

  it('produce bulkInsert values that fit each column type', () => {
    fc.assert(
      fc.property(
        arbColumnType().chain((type) => fc.tuple(fc.constant(type), arbColumnValue(type))),
        ([type, value]) => accepted({ kind: 'bulkInsert', tableName: 't', columns: [{ name: 'c', type }], rows: [{ c: value }] }),
      ),
      RUNS,
    )
  })
})

describe('opSequence', () => {
  it('produces ops that parse, with plain and hostile names', () => {
    for (const names of ['plain', 'hostile'] as const) {
      fc.assert(
        fc.property(opSequence({ maxLength: 10, names }), (ops) => {
          expect(ops.length).toBeGreaterThan(0)
          expect(ops[0]?.kind).toBe('createTable')
          for (const op of ops) accepted(op)
        }),
        { numRuns: 100 },
      )
    }
  })

  it('emits every kind it lists', () => {
    const seen = new Set<string>()
    fc.assert(fc.property(opSequence({ maxLength: 30 }), (ops) => ops.forEach((op) => seen.add(op.kind))), { numRuns: 200 })
    expect([...seen].sort()).toEqual([...SEQUENCE_OP_KINDS].sort())
  })

  it('keeps to the kinds asked for', () => {
    fc.assert(
      fc.property(opSequence({ kinds: ['addColumn', 'alterColumn'] }), (ops) =>
        ops.forEach((op) => expect(['createTable', 'addColumn', 'alterColumn']).toContain(op.kind)),
      ),
      { numRuns: 50 },
    )
  })
})
