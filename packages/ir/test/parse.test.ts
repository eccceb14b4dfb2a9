import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, batch, createForeignKey, createTable, dropColumn, dropConstraint, InvalidOpError, isDeepFrozen, MAX_JSON_DEPTH,
  parse, parseMigrationScript, parseOp, parseOps, renameTable, type ParseError, type ParseResult,
} from '@athanor/ir'

/** The errors of a result, as [code, path, kind]; none when it is ok. */
function problems(r: ParseResult<unknown>): (readonly [string, string | undefined, string | undefined])[] {
  return r.ok ? [] : r.errors.map((e: ParseError) => [e.code, e.path, e.kind] as const)
}

const col = { name: 'c', type: 'integer' }
const addC = { kind: 'addColumn', tableName: 't', column: col }

describe('parse', () => {
  it('returns the frozen op for valid input', () => {
    const r = parse({ kind: 'dropTable', tableName: 'old' })
    expect(r).toEqual({ ok: true, value: { kind: 'dropTable', tableName: 'old' } })
    expect(r.ok && isDeepFrozen(r.value)).toBe(true)
  })

  it('parses a list of ops when given an array', () => {
    expect(parse([addC, { kind: 'dropTable', tableName: 'old' }])).toEqual({ ok: true, value: [addC, { kind: 'dropTable', tableName: 'old' }] })
  })

  it('copies the input, so later changes to it do not reach the result', () => {
    const input = { kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'integer' } }
    const r = parseOp(input)
    input.column.name = 'changed'
    expect(r.ok && r.value).toEqual(addC)
  })

  it('refuses an unknown kind', () => {
    expect(problems(parse({ kind: 'addColumns', tableName: 't' }))).toEqual([['UNKNOWN_KIND', 'kind', undefined]])
  })

  it('refuses a missing or non-string kind', () => {
    expect(problems(parse({ tableName: 't' }))).toEqual([['MISSING_FIELD', 'kind', undefined]])
    expect(problems(parse({ kind: 3 }))).toEqual([['INVALID_TYPE', 'kind', undefined]])
  })

  it('refuses kinds inherited from Object.prototype', () => {
    expect(problems(parse({ kind: 'toString' }))).toEqual([['UNKNOWN_KIND', 'kind', undefined]])
    expect(problems(parse({ kind: '__proto__' }))).toEqual([['UNKNOWN_KIND', 'kind', undefined]])
    expect(problems(parse({ kind: 'dropTable', tableName: 't', constructor: 1 }))).toEqual([['UNKNOWN_FIELD', 'constructor', 'dropTable']])
  })

  it('refuses an unknown field, with its path', () => {
    const r = parse({ kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'integer', nulable: true } })
    expect(problems(r)).toEqual([['UNKNOWN_FIELD', 'column.nulable', 'addColumn']])
  })

  it('refuses a value of the wrong JSON type', () => {
    expect(problems(parse({ ...addC, column: { ...col, nullable: 'yes' } }))).toEqual([['INVALID_TYPE', 'column.nullable', 'addColumn']])
    expect(problems(parse({ kind: 'upgradeOps', ops: {} }))).toEqual([['INVALID_TYPE', 'ops', 'upgradeOps']])
    expect(problems(parse('dropTable'))).toEqual([['INVALID_TYPE', '', undefined]])
    expect(problems(parse(null))).toEqual([['INVALID_TYPE', '', undefined]])
  })

  it('refuses a missing required field', () => {
    expect(problems(parse({ kind: 'addColumn', column: col }))).toEqual([['MISSING_FIELD', 'tableName', 'addColumn']])
    expect(problems(parse({ ...addC, column: { name: 'c' } }))).toEqual([['MISSING_FIELD', 'column.type', 'addColumn']])
  })

  it('refuses an empty name', () => {
    expect(problems(parse({ kind: 'dropTable', tableName: '' }))).toEqual([['INVALID_VALUE', 'tableName', 'dropTable']])
    expect(problems(parse({ ...addC, column: { ...col, name: '' } }))).toEqual([['INVALID_VALUE', 'column.name', 'addColumn']])
  })

  it('refuses a NUL character in a name', () => {
    expect(problems(parse({ kind: 'dropTable', tableName: 'a\0b' }))).toEqual([['INVALID_VALUE', 'tableName', 'dropTable']])
  })

  it('refuses an op that a batch cannot hold', () => {
    const r = parse({ kind: 'batch', tableName: 't', ops: [{ kind: 'createTable', tableName: 'x', columns: [col] }] })
    expect(problems(r)).toEqual([['NOT_ALLOWED_IN_BATCH', 'ops[0].kind', 'createTable']])
    const nested = parse({ kind: 'batch', tableName: 't', ops: [{ kind: 'batch', tableName: 't', ops: [] }] })
    expect(problems(nested)).toEqual([['NOT_ALLOWED_IN_BATCH', 'ops[0].kind', 'batch']])
  })

  it('refuses the table fields on a batch child', () => {
    expect(problems(parse({ kind: 'batch', tableName: 't', ops: [addC] }))).toEqual([['NOT_ALLOWED_IN_BATCH', 'ops[0].tableName', 'addColumn']])
    const fk = { kind: 'createForeignKey', constraintName: 'fk', sourceTable: 't', referentTable: 'p', localCols: ['a'], remoteCols: ['id'] }
    expect(problems(parse({ kind: 'batch', tableName: 't', ops: [fk] }))).toEqual([['NOT_ALLOWED_IN_BATCH', 'ops[0].sourceTable', 'createForeignKey']])
  })

  it('refuses insertBefore and insertAfter outside a batch', () => {
    expect(problems(parse({ ...addC, insertBefore: 'x' }))).toEqual([['NOT_ALLOWED_IN_BATCH', 'insertBefore', 'addColumn']])
    expect(problems(parse({ kind: 'alterColumn', tableName: 't', columnName: 'c', insertAfter: 'x' }))).toEqual([
      ['NOT_ALLOWED_IN_BATCH', 'insertAfter', 'alterColumn'],
    ])
  })

  it('accepts insertBefore inside a batch', () => {
    const input = { kind: 'batch', tableName: 't', ops: [{ kind: 'addColumn', column: col, insertBefore: 'x' }] }
    expect(parse(input)).toEqual({ ok: true, value: input })
  })

  it('refuses a recreate other than auto, always and never', () => {
    expect(problems(parse({ kind: 'batch', tableName: 't', recreate: 'sometimes', ops: [] }))).toEqual([['INVALID_VALUE', 'recreate', 'batch']])
    expect(problems(parse({ kind: 'batch', tableName: 't', recreate: 'AUTO', ops: [] }))).toEqual([['INVALID_VALUE', 'recreate', 'batch']])
    for (const recreate of ['auto', 'always', 'never']) expect(parse({ kind: 'batch', tableName: 't', recreate, ops: [] }).ok).toBe(true)
  })

  it('refuses undefined values (absent fields are omitted)', () => {
    expect(problems(parse({ kind: 'dropTable', tableName: 't', schema: undefined }))).toEqual([['NOT_JSON', 'schema', 'dropTable']])
    expect(problems(parse({ ...addC, column: { ...col, nullable: undefined } }))).toEqual([['NOT_JSON', 'column.nullable', 'addColumn']])
  })

  it('refuses NaN and infinities', () => {
    const r = parse({ kind: 'dropTable', tableName: 't', info: { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: Number.NEGATIVE_INFINITY } })
    expect(problems(r)).toEqual([
      ['NOT_JSON', 'info.a', 'dropTable'],
      ['NOT_JSON', 'info.b', 'dropTable'],
      ['NOT_JSON', 'info.c', 'dropTable'],
    ])
    const length = parse({ ...addC, column: { name: 'c', type: { name: 'varchar', length: Number.NaN } } })
    expect(problems(length)).toEqual([['NOT_JSON', 'column.type.length', 'addColumn']])
    const rows = parse({ kind: 'bulkInsert', tableName: 't', columns: [{ name: 'x', type: 'float' }], rows: [{ x: Number.POSITIVE_INFINITY }] })
    expect(problems(rows)).toEqual([['NOT_JSON', 'rows[0].x', 'bulkInsert']])
  })

  it('refuses functions', () => {
    const r = parse({ kind: 'executeSql', sqltext: () => 'SELECT 1', info: { f: () => 1 } })
    expect(problems(r)).toEqual([
      ['INVALID_TYPE', 'sqltext', 'executeSql'],
      ['NOT_JSON', 'info.f', 'executeSql'],
    ])
    expect(problems(parse(() => ({ kind: 'dropTable', tableName: 't' })))).toEqual([['INVALID_TYPE', '', undefined]])
  })

  it('refuses class instances', () => {
    expect(problems(parse({ kind: 'dropTable', tableName: 't', info: { when: new Date(0), map: new Map() } }))).toEqual([
      ['NOT_JSON', 'info.when', 'dropTable'],
      ['NOT_JSON', 'info.map', 'dropTable'],
    ])
    expect(problems(parse({ ...addC, column: new Date(0) }))).toEqual([['INVALID_TYPE', 'column', 'addColumn']])
    expect(problems(parse(new Map([['kind', 'dropTable']])))).toEqual([['INVALID_TYPE', '', undefined]])
    class DropTable {
      readonly kind = 'dropTable'
      readonly tableName = 't'
    }
    expect(problems(parse(new DropTable()))).toEqual([['INVALID_TYPE', '', undefined]])
  })

  it('refuses bigints', () => {
    expect(problems(parse({ kind: 'dropTable', tableName: 't', info: { n: 1n } }))).toEqual([['NOT_JSON', 'info.n', 'dropTable']])
  })

  it('refuses symbol keys', () => {
    expect(problems(parse({ kind: 'dropTable', tableName: 't', [Symbol('x')]: 1 }))).toEqual([['NOT_JSON', '', 'dropTable']])
    expect(problems(parse({ kind: 'dropTable', tableName: 't', info: { [Symbol('x')]: 1 } }))).toEqual([['NOT_JSON', 'info', 'dropTable']])
  })

  it('refuses holes in sparse arrays', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(problems(parseOps([, addC]))).toEqual([['NOT_JSON', '[0]', undefined]])
    // eslint-disable-next-line no-sparse-arrays
    expect(problems(parse({ kind: 'createIndex', indexName: 'ix', tableName: 't', columns: ['a', , 'b'] }))).toEqual([
      ['NOT_JSON', 'columns[1]', 'createIndex'],
    ])
  })

  it('refuses __proto__ keys and leaves Object.prototype alone', () => {
    const top = parse(JSON.parse('{"kind":"dropTable","tableName":"t","__proto__":{"polluted":true}}'))
    expect(problems(top)).toEqual([['UNKNOWN_FIELD', '__proto__', 'dropTable']])
    const info = parse(JSON.parse('{"kind":"dropTable","tableName":"t","info":{"a":{"__proto__":{"polluted":true}}}}'))
    expect(problems(info)).toEqual([['INVALID_VALUE', 'info.a.__proto__', 'dropTable']])
    const rows = parse(JSON.parse('{"kind":"bulkInsert","tableName":"t","columns":[{"name":"x","type":"text"}],"rows":[{"__proto__":{"polluted":true}}]}'))
    expect(problems(rows)).toEqual([['INVALID_VALUE', 'rows[0].__proto__', 'bulkInsert']])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('refuses free-form JSON nested too deep', () => {
    let deep: Record<string, unknown> = {}
    for (let i = 0; i < MAX_JSON_DEPTH + 10; i++) deep = { a: deep }
    const r = parse({ kind: 'dropTable', tableName: 't', info: deep })
    expect(problems(r)).toEqual([['TOO_DEEP', `info${'.a'.repeat(MAX_JSON_DEPTH)}`, 'dropTable']])
  })

  it('accepts free-form JSON nested up to the limit', () => {
    let deep: Record<string, unknown> = {}
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i++) deep = { a: deep }
    expect(parse({ kind: 'dropTable', tableName: 't', info: deep }).ok).toBe(true)
  })

  it('refuses cycles', () => {
    const info: Record<string, unknown> = { ok: 1 }
    info['self'] = info
    expect(problems(parse({ kind: 'dropTable', tableName: 't', info }))).toEqual([['NOT_JSON', 'info.self', 'dropTable']])
    const list: unknown[] = []
    list.push({ again: list })
    expect(problems(parse({ kind: 'dropTable', tableName: 't', info: { list } }))).toEqual([['NOT_JSON', 'info.list[0].again', 'dropTable']])
  })

  it('accepts a value shared by two branches, which is no cycle', () => {
    const shared = { x: 1 }
    const r = parse({ kind: 'dropTable', tableName: 't', info: { a: shared, b: [shared] } })
    expect(r).toEqual({ ok: true, value: { kind: 'dropTable', tableName: 't', info: { a: { x: 1 }, b: [{ x: 1 }] } } })
  })

  it('stops at maxErrors on huge input, quickly', () => {
    const garbage = new Array<number>(200_000).fill(42)
    const start = performance.now()
    const r = parseOps(garbage)
    expect(performance.now() - start).toBeLessThan(1000)
    expect(problems(r)).toHaveLength(100)
    expect(problems(r)[0]).toEqual(['INVALID_TYPE', '[0]', undefined])
    expect(problems(parseOps(garbage, { maxErrors: 3 }))).toEqual([
      ['INVALID_TYPE', '[0]', undefined],
      ['INVALID_TYPE', '[1]', undefined],
      ['INVALID_TYPE', '[2]', undefined],
    ])
    const rows = Array.from({ length: 200_000 }, () => ({ x: Number.NaN }))
    const big = parse({ kind: 'bulkInsert', tableName: 't', columns: [{ name: 'x', type: 'float' }], rows }, { maxErrors: 10 })
    expect(problems(big)).toHaveLength(10)
  })

  it('never lets a throwing getter or proxy escape', () => {
    const getter = { kind: 'dropTable', get tableName(): string { throw new Error('boom') } }
    expect(problems(parse(getter))).toEqual([['NOT_JSON', '', undefined]])
    expect(problems(parseOps([getter], { path: 'ops' }))).toEqual([['NOT_JSON', 'ops', undefined]])
    const trap = new Proxy({}, { get: () => { throw new Error('trap') } })
    expect(problems(parse(trap))).toEqual([['NOT_JSON', '', undefined]])
    const keys = new Proxy({ kind: 'dropTable' }, { ownKeys: () => { throw new Error('keys') } })
    expect(problems(parse(keys))).toEqual([['NOT_JSON', '', undefined]])
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(problems(parse(proxy))).toEqual([['NOT_JSON', '', undefined]])
    expect(problems(parse({ kind: 'dropTable', tableName: 't', info: { p: proxy } }))).toEqual([['NOT_JSON', '', undefined]])
  })

  it('reports every error, not just the first', () => {
    const r = parse({ kind: 'addColumn', tableName: '', column: { name: 'c', type: 'intger', nulable: true }, ifNotExists: 'yes' })
    expect(problems(r)).toEqual([
      ['INVALID_VALUE', 'tableName', 'addColumn'],
      ['INVALID_VALUE', 'column.type', 'addColumn'],
      ['UNKNOWN_FIELD', 'column.nulable', 'addColumn'],
      ['INVALID_TYPE', 'ifNotExists', 'addColumn'],
    ])
  })

  it('reports errors in several ops of a list', () => {
    const r = parseOps([{ kind: 'dropTable' }, addC, { kind: 'renameTable', oldTableName: 'a' }], { path: 'ops' })
    expect(problems(r)).toEqual([
      ['MISSING_FIELD', 'ops[0].tableName', 'dropTable'],
      ['MISSING_FIELD', 'ops[2].newTableName', 'renameTable'],
    ])
  })

  it('gives paths through containers', () => {
    const bad = { kind: 'addColumn', column: { name: 'c', type: 'intger' } }
    const list = [addC, { kind: 'dropTable', tableName: 'x' }, { kind: 'batch', tableName: 't', ops: [bad] }]
    expect(problems(parseOps(list, { path: 'ops' }))).toEqual([['INVALID_VALUE', 'ops[2].ops[0].column.type', 'addColumn']])
    expect(problems(parseOps(list))).toEqual([['INVALID_VALUE', '[2].ops[0].column.type', 'addColumn']])
    const up = { kind: 'upgradeOps', ops: [addC, addC, { kind: 'modifyTableOps', tableName: 't', ops: [{ ...bad, tableName: 't' }] }] }
    expect(problems(parseOp(up))).toEqual([['INVALID_VALUE', 'ops[2].ops[0].column.type', 'addColumn']])
    const script = { kind: 'migrationScript', revId: 'r1', upgradeOps: [up], downgradeOps: [] }
    expect(problems(parseMigrationScript(script, { path: 'script' }))).toEqual([
      ['INVALID_VALUE', 'script.upgradeOps[0].ops[2].ops[0].column.type', 'addColumn'],
    ])
  })

  it('refuses a container inside another container', () => {
    expect(problems(parse({ kind: 'upgradeOps', ops: [{ kind: 'upgradeOps', ops: [] }] }))).toEqual([['INVALID_VALUE', 'ops[0].kind', 'upgradeOps']])
    const mto = { kind: 'modifyTableOps', tableName: 't', ops: [] }
    expect(parse({ kind: 'upgradeOps', ops: [mto] }).ok).toBe(true)
    expect(problems(parse({ ...mto, ops: [mto] }))).toEqual([['INVALID_VALUE', 'ops[0].kind', 'modifyTableOps']])
    const script = { kind: 'migrationScript', revId: 'r', upgradeOps: [{ kind: 'downgradeOps', ops: [] }], downgradeOps: [] }
    expect(problems(parse(script))).toEqual([['INVALID_VALUE', 'upgradeOps[0].kind', 'migrationScript']])
  })

  it('never returns a partly valid tree', () => {
    const r = parseOps([addC, { kind: 'dropTable' }])
    expect(r.ok).toBe(false)
    expect(r).not.toHaveProperty('value')
    expect(Object.keys(r).sort()).toEqual(['errors', 'ok'])
  })
})

describe('factories', () => {
  /** Lets a test pass fields that the types refuse. */
  const untyped = <T>(value: unknown): T => value as T

  it('throw InvalidOpError with the code, path and kind that parse reports', () => {
    const cases: readonly [() => unknown, Record<string, unknown>][] = [
      [() => addColumn(untyped({ tableName: 't', column: { ...col, nulable: true } })), { ...addC, column: { ...col, nulable: true } }],
      [() => alterColumn(untyped({ tableName: 't', columnName: 'c', nullable: 'yes' })), { kind: 'alterColumn', tableName: 't', columnName: 'c', nullable: 'yes' }],
      [() => renameTable({ oldTableName: 'a', newTableName: 'a' }), { kind: 'renameTable', oldTableName: 'a', newTableName: 'a' }],
      [() => batch(untyped({ tableName: 't', ops: [addC] })), { kind: 'batch', tableName: 't', ops: [addC] }],
    ]
    for (const [build, json] of cases) {
      const r = parseOp(json)
      if (r.ok) throw new Error('expected parse to fail')
      let thrown: unknown
      try {
        build()
      } catch (e) {
        thrown = e
      }
      expect(thrown).toBeInstanceOf(InvalidOpError)
      const e = thrown as InvalidOpError
      expect([e.code, e.path, e.kind]).toEqual([r.errors[0]?.code, r.errors[0]?.path, r.errors[0]?.kind])
      expect(e.errors.map((x) => [x.code, x.path, x.kind])).toEqual(problems(r))
    }
  })

  it('list every problem on the error', () => {
    const build = (): unknown => addColumn(untyped({ tableName: '', column: { name: 'c', type: 'intger' } }))
    expect(build).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', path: 'tableName', kind: 'addColumn' }))
    try {
      build()
    } catch (e) {
      expect((e as InvalidOpError).errors.map((x) => x.path)).toEqual(['tableName', 'column.type'])
    }
  })
})

describe('dropColumn', () => {
  it('refuses a carried column whose name is not the dropped one', () => {
    const json = { kind: 'dropColumn', tableName: 't', columnName: 'c', column: { name: 'd', type: 'text' } }
    expect(problems(parse(json))).toEqual([['INVALID_VALUE', 'column.name', 'dropColumn']])
    expect(() => dropColumn({ tableName: 't', columnName: 'c', column: { name: 'd', type: 'text' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', path: 'column.name' }),
    )
  })

  it('refuses reverse-only flags without the column, and SQL Server flags with it', () => {
    expect(problems(parse({ kind: 'dropColumn', tableName: 't', columnName: 'c', inlineReferences: true }))).toEqual([
      ['MISSING_FIELD', 'column', 'dropColumn'],
    ])
    const json = { kind: 'dropColumn', tableName: 't', columnName: 'c', column: { name: 'c', type: 'text' }, mssqlDropDefault: true }
    expect(problems(parse(json))).toEqual([['INVALID_VALUE', 'mssqlDropDefault', 'dropColumn']])
  })
})

describe('dropConstraint', () => {
  const unique = { type: 'unique', columns: ['email'] }

  it('refuses a type other than the carried constraint type', () => {
    const json = { kind: 'dropConstraint', constraintName: 'uq', tableName: 't', type: 'check', constraint: unique }
    expect(problems(parse(json))).toEqual([['INVALID_VALUE', 'type', 'dropConstraint']])
    expect(() => dropConstraint({ constraintName: 'uq', tableName: 't', type: 'check', constraint: { type: 'unique', columns: ['email'] } })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', path: 'type' }),
    )
  })

  it('requires the type when it carries the constraint', () => {
    expect(problems(parse({ kind: 'dropConstraint', constraintName: 'uq', tableName: 't', constraint: unique }))).toEqual([
      ['INVALID_VALUE', 'type', 'dropConstraint'],
    ])
  })

  it('refuses an unknown type', () => {
    expect(problems(parse({ kind: 'dropConstraint', constraintName: 'x', tableName: 't', type: 'foreignkey' }))).toEqual([
      ['INVALID_VALUE', 'type', 'dropConstraint'],
    ])
  })
})

describe('createForeignKey', () => {
  const fk = { kind: 'createForeignKey', constraintName: 'fk', sourceTable: 'p', referentTable: 'a', localCols: ['a_id', 'b_id'], remoteCols: ['id'] }

  it('refuses column lists of different lengths', () => {
    expect(problems(parse(fk))).toEqual([['INVALID_VALUE', 'remoteCols', 'createForeignKey']])
    expect(() => createForeignKey({ constraintName: 'fk', sourceTable: 'p', referentTable: 'a', localCols: ['a_id', 'b_id'], remoteCols: ['id'] })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', path: 'remoteCols' }),
    )
  })

  it('refuses an unknown referential action', () => {
    expect(problems(parse({ ...fk, remoteCols: ['id', 'id2'], onDelete: 'EXPLODE' }))).toEqual([['INVALID_VALUE', 'onDelete', 'createForeignKey']])
  })
})

describe('addColumn', () => {
  it('refuses a numeric scale larger than its precision', () => {
    const json = { ...addC, column: { name: 'c', type: { name: 'numeric', precision: 5, scale: 6 } } }
    expect(problems(parse(json))).toEqual([['INVALID_VALUE', 'column.type.scale', 'addColumn']])
  })

  it('refuses a numeric scale without a precision', () => {
    const json = { ...addC, column: { name: 'c', type: { name: 'numeric', scale: 2 } } }
    expect(problems(parse(json))).toEqual([['MISSING_FIELD', 'column.type.precision', 'addColumn']])
  })

  it('refuses repeated enum values', () => {
    const json = { ...addC, column: { name: 'c', type: { name: 'enum', values: ['a', 'b', 'a'] } } }
    expect(problems(parse(json))).toEqual([['INVALID_VALUE', 'column.type.values[2]', 'addColumn']])
  })

  it('refuses a computed column with a server default', () => {
    const json = { ...addC, column: { ...col, computed: { sqltext: 'a + 1' }, serverDefault: { sql: '0' } } }
    expect(problems(parse(json))).toEqual([['INVALID_VALUE', 'column.serverDefault', 'addColumn']])
  })

  it('refuses insertBefore together with insertAfter in a batch', () => {
    const json = { kind: 'batch', tableName: 't', ops: [{ kind: 'addColumn', column: col, insertBefore: 'a', insertAfter: 'b' }] }
    expect(problems(parse(json))).toEqual([['INVALID_VALUE', 'ops[0].insertAfter', 'addColumn']])
  })
})

describe('createTable', () => {
  const id = { name: 'id', type: 'integer', primaryKey: true }
  const table = (fields: Record<string, unknown>): Record<string, unknown> => ({ kind: 'createTable', tableName: 't', columns: [id], ...fields })

  it('refuses two columns of the same name', () => {
    expect(problems(parse(table({ columns: [id, { name: 'id', type: 'text' }] })))).toEqual([['INVALID_VALUE', 'columns[1].name', 'createTable']])
    expect(() => createTable({ tableName: 't', columns: [{ name: 'a', type: 'text' }, { name: 'a', type: 'text' }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', path: 'columns[1].name' }),
    )
  })

  it('refuses a primary key declared twice', () => {
    expect(problems(parse(table({ constraints: [{ type: 'primaryKey', columns: ['id'] }] })))).toEqual([
      ['INVALID_VALUE', 'constraints[0]', 'createTable'],
    ])
    const twice = table({ columns: [{ name: 'id', type: 'integer' }], constraints: [{ type: 'primaryKey', columns: ['id'] }, { type: 'primaryKey', columns: ['id'] }] })
    expect(problems(parse(twice))).toEqual([['INVALID_VALUE', 'constraints[1]', 'createTable']])
  })

  it('refuses a constraint or index on a column the table does not have', () => {
    expect(problems(parse(table({ constraints: [{ type: 'unique', columns: ['id', 'email'] }] })))).toEqual([
      ['INVALID_VALUE', 'constraints[0].columns[1]', 'createTable'],
    ])
    const fk = { type: 'foreignKey', localCols: ['owner'], referentTable: 'p', remoteCols: ['id'] }
    expect(problems(parse(table({ constraints: [fk] })))).toEqual([['INVALID_VALUE', 'constraints[0].localCols[0]', 'createTable']])
    expect(problems(parse(table({ constraints: [{ type: 'index', name: 'ix', columns: ['nope'] }] })))).toEqual([
      ['INVALID_VALUE', 'constraints[0].columns[0]', 'createTable'],
    ])
  })

  it('refuses two constraints of the same name', () => {
    const constraints = [{ type: 'unique', name: 'u', columns: ['id'] }, { type: 'index', name: 'u', columns: ['id'] }]
    expect(problems(parse(table({ constraints })))).toEqual([['INVALID_VALUE', 'constraints[1].name', 'createTable']])
  })

  it('refuses a table-level foreign key with column lists of different lengths', () => {
    const fk = { type: 'foreignKey', localCols: ['id'], referentTable: 'p', remoteCols: ['a', 'b'] }
    expect(problems(parse(table({ constraints: [fk] })))).toEqual([['INVALID_VALUE', 'constraints[0].remoteCols', 'createTable']])
  })

  it('refuses a table without columns', () => {
    expect(problems(parse(table({ columns: [] })))).toEqual([['INVALID_VALUE', 'columns', 'createTable']])
  })
})

describe('renameTable', () => {
  it('refuses a rename to the same name', () => {
    expect(problems(parse({ kind: 'renameTable', oldTableName: 'a', newTableName: 'a' }))).toEqual([['INVALID_VALUE', 'newTableName', 'renameTable']])
  })
})

describe('alterColumn', () => {
  it('refuses postgresqlUsing without a type change', () => {
    expect(problems(parse({ kind: 'alterColumn', tableName: 't', columnName: 'c', postgresqlUsing: 'c::int' }))).toEqual([
      ['MISSING_FIELD', 'type', 'alterColumn'],
    ])
    expect(() => alterColumn({ tableName: 't', columnName: 'c', postgresqlUsing: 'c::int' })).toThrow(
      expect.objectContaining({ code: 'MISSING_FIELD', path: 'type', kind: 'alterColumn' }),
    )
  })

  it('runs cross-field checks only once every field is valid', () => {
    const r = parse({ kind: 'alterColumn', tableName: 't', columnName: 'c', postgresqlUsing: 'c::int', nullable: 'no' })
    expect(problems(r)).toEqual([['INVALID_TYPE', 'nullable', 'alterColumn']])
  })
})

describe('bulkInsert', () => {
  it('refuses a row key that names no column', () => {
    const json = { kind: 'bulkInsert', tableName: 't', columns: [{ name: 'x', type: 'text' }], rows: [{ x: 'a' }, { x: 'b', y: 1 }] }
    expect(problems(parse(json))).toEqual([['UNKNOWN_FIELD', 'rows[1].y', 'bulkInsert']])
  })

  it('is not allowed in a batch', () => {
    const json = { kind: 'batch', tableName: 't', ops: [{ kind: 'bulkInsert', columns: [{ name: 'x', type: 'text' }], rows: [] }] }
    expect(problems(parse(json))).toEqual([['NOT_ALLOWED_IN_BATCH', 'ops[0].kind', 'bulkInsert']])
  })
})
