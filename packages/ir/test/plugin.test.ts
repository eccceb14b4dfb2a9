import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import {
  addColumn, asDiffs, builtinRegistry, createRegistry, DuplicateKindError, InvalidOpError, isDeepFrozen, parse, parseOp, parseOps,
  reverse, toDiffTuple, type ApplyContext, type Op, type OpDefinition, type SchemaSnapshot,
} from '@athanor/ir'
import { createView, createViewDefinition, dropView, dropViewDefinition, viewRegistry, type CreateViewOp } from './fixtures/view-plugin.js'

const viewJson = { kind: 'createView', viewName: 'active_account', sqltext: 'SELECT * FROM account WHERE active' }

const snapshot: SchemaSnapshot = {
  tables: [{ name: 'account', columns: [{ name: 'id', type: 'integer', nullable: false }], constraints: [], indexes: [] }],
}

/**
 * Parses with the plugin registry. (Container factories validate their children with the built-in
 * registry, so a container holding a plugin op is built by parsing.)
 */
function withViews(input: unknown): Op {
  const r = parseOp(input, { registry: viewRegistry })
  if (!r.ok) throw r.errors[0]
  return r.value
}

/** Runs a definition's model effect the way `applyOps` does: on an immer draft. */
function applyWith<O extends CreateViewOp>(def: OpDefinition<O>, s: SchemaSnapshot, op: O): SchemaSnapshot {
  const ctx: ApplyContext = { registry: viewRegistry, apply: () => undefined }
  return produce(s, (draft) => {
    def.apply?.(draft, op, ctx)
  })
}

describe('createView', () => {
  it('parses with the plugin registry', () => {
    const r = parseOp(viewJson, { registry: viewRegistry })
    expect(r).toEqual({ ok: true, value: viewJson })
    expect(r.ok && isDeepFrozen(r.value)).toBe(true)
  })

  it('is an unknown kind to the built-in registry', () => {
    const r = parseOp(viewJson)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_KIND', path: 'kind' })])
    expect(parseOp(viewJson, { registry: builtinRegistry() }).ok).toBe(false)
  })

  it('parses inside upgradeOps with the plugin registry', () => {
    const input = { kind: 'upgradeOps', ops: [{ kind: 'dropTable', tableName: 'old' }, viewJson] }
    expect(parseOp(input, { registry: viewRegistry })).toEqual({ ok: true, value: input })
    const r = parseOp(input)
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_KIND', path: 'ops[1].kind' })])
  })

  it('reports errors inside a container with the path and the plugin kind', () => {
    const r = parseOps([{ kind: 'upgradeOps', ops: [{ ...viewJson, viewNme: 'x' }] }], { registry: viewRegistry, path: 'ops' })
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD', path: 'ops[0].ops[0].viewNme', kind: 'createView' })])
  })

  it('refuses an unknown field', () => {
    const r = parse({ ...viewJson, orReplce: true }, { registry: viewRegistry })
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD', path: 'orReplce', kind: 'createView' })])
  })

  it('refuses an empty view name', () => {
    const r = parse({ ...viewJson, viewName: '' }, { registry: viewRegistry })
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', path: 'viewName', kind: 'createView' })])
  })

  it('refuses blank SQL, a wrong type and a missing field at once', () => {
    const r = parse({ kind: 'createView', sqltext: '  ', orReplace: 'yes' }, { registry: viewRegistry })
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.path, e.kind])).toEqual([
      ['INVALID_VALUE', 'sqltext', 'createView'],
      ['INVALID_TYPE', 'orReplace', 'createView'],
      ['MISSING_FIELD', 'viewName', 'createView'],
    ])
  })

  it('is not allowed in a batch, having no batch rules', () => {
    const r = parse({ kind: 'batch', tableName: 'account', ops: [viewJson] }, { registry: viewRegistry })
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED_IN_BATCH', path: 'ops[0].kind', kind: 'createView' })])
  })

  it('builds a frozen node with its factory, and throws InvalidOpError on bad fields', () => {
    const op = createView({ viewName: 'v', sqltext: 'SELECT 1', orReplace: true })
    expect(op).toEqual({ kind: 'createView', viewName: 'v', sqltext: 'SELECT 1', orReplace: true })
    expect(isDeepFrozen(op)).toBe(true)
    const bad = { viewName: '', sqltext: 'SELECT 1' }
    expect(() => createView(bad)).toThrow(InvalidOpError)
    expect(() => createView(bad)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', path: 'viewName', kind: 'createView' }))
  })

  it('reverses to a dropView carrying the view, and back', () => {
    const op = createView({ viewName: 'v', schema: 'app', sqltext: 'SELECT 1', orReplace: true, info: { ticket: 7 } })
    const back = reverse(op, { registry: viewRegistry })
    expect(back).toEqual({ kind: 'dropView', viewName: 'v', schema: 'app', view: { sqltext: 'SELECT 1', orReplace: true }, info: { ticket: 7 } })
    expect(isDeepFrozen(back)).toBe(true)
    expect(reverse(back, { registry: viewRegistry })).toEqual(op)
  })

  it('reverses inside a container, in reverse order', () => {
    const add = addColumn({ tableName: 'account', column: { name: 'active', type: 'boolean' } })
    const view = createView({ viewName: 'v', sqltext: 'SELECT 1' })
    const up = withViews({ kind: 'upgradeOps', ops: [add, view] })
    const down = reverse(up, { registry: viewRegistry })
    expect(down).toEqual({
      kind: 'downgradeOps',
      ops: [{ kind: 'dropView', viewName: 'v', view: { sqltext: 'SELECT 1' } }, reverse(add)],
    })
    expect(reverse(down, { registry: viewRegistry })).toEqual(up)
  })

  it('is not reversible without the plugin registry', () => {
    expect(() => reverse(createView({ viewName: 'v', sqltext: 'SELECT 1' }))).toThrow(
      expect.objectContaining({ code: 'NOT_REVERSIBLE', kind: 'createView', path: '' }),
    )
  })

  it('refuses, in the model, a view named like an existing table', () => {
    expect(() => applyWith(createViewDefinition, snapshot, createView({ viewName: 'account', sqltext: 'SELECT 1' }))).toThrow(
      expect.objectContaining({ code: 'MODEL_MISMATCH', kind: 'createView', path: 'viewName' }),
    )
  })

  it('leaves the model unchanged otherwise (it has no views)', () => {
    expect(applyWith(createViewDefinition, snapshot, createView({ viewName: 'account', schema: 'reporting', sqltext: 'SELECT 1' }))).toBe(snapshot)
    expect(applyWith(createViewDefinition, snapshot, createView({ viewName: 'v', sqltext: 'SELECT 1' }))).toBe(snapshot)
  })

  it('has no diff tuple', () => {
    const op = createView({ viewName: 'v', sqltext: 'SELECT 1' })
    expect(() => toDiffTuple(op)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'createView' }))
    const up = withViews({ kind: 'upgradeOps', ops: [addColumn({ tableName: 't', column: { name: 'c', type: 'text' } }), op] })
    if (up.kind !== 'upgradeOps') throw new Error('expected upgradeOps')
    expect(() => asDiffs(up)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'createView' }))
  })
})

describe('dropView', () => {
  it('parses with its nested view definition', () => {
    const input = { kind: 'dropView', viewName: 'v', view: { sqltext: 'SELECT 1' } }
    expect(parseOp(input, { registry: viewRegistry })).toEqual({ ok: true, value: input })
    const r = parseOp({ ...input, view: { sqltext: 'SELECT 1', orReplace: 1 } }, { registry: viewRegistry })
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ code: 'INVALID_TYPE', path: 'view.orReplace', kind: 'dropView' })])
  })

  it('refuses to reverse without the view it drops', () => {
    expect(() => reverse(dropView({ viewName: 'v' }), { registry: viewRegistry })).toThrow(
      expect.objectContaining({ code: 'NOT_REVERSIBLE', kind: 'dropView', path: 'view' }),
    )
  })

  it('satisfies the reverse law', () => {
    const op = dropView({ viewName: 'v', schema: 'app', view: { sqltext: 'SELECT 1' }, info: { by: 'test' } })
    const once = reverse(op, { registry: viewRegistry })
    expect(once).toEqual({ kind: 'createView', viewName: 'v', schema: 'app', sqltext: 'SELECT 1', info: { by: 'test' } })
    expect(reverse(once, { registry: viewRegistry })).toEqual(op)
  })

  it('has no model effect', () => {
    expect(dropViewDefinition.apply).toBeUndefined()
  })
})

describe('createRegistry', () => {
  it('lists the built-in kinds first, then the plugin kinds', () => {
    expect(viewRegistry.kinds.slice(-2)).toEqual(['createView', 'dropView'])
    expect(viewRegistry.kinds.slice(0, -2)).toEqual(builtinRegistry().kinds)
  })

  it('refuses a plugin kind registered twice', () => {
    expect(() => createRegistry({ plugins: [createViewDefinition, createViewDefinition] })).toThrow(DuplicateKindError)
    expect(() => createRegistry({ plugins: [createViewDefinition, createViewDefinition] })).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_KIND', kind: 'createView' }),
    )
  })

  it('refuses a plugin that redefines a built-in kind', () => {
    const addColumnAgain = { ...createViewDefinition, kind: 'addColumn' }
    expect(() => createRegistry({ plugins: [addColumnAgain] })).toThrow(expect.objectContaining({ code: 'DUPLICATE_KIND', kind: 'addColumn' }))
  })

  it('accepts options of an open dialect prefix on any op', () => {
    const duckdb = createRegistry({ dialectPrefixes: ['duckdb'], plugins: [createViewDefinition] })
    const inputs = [
      { kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'integer' }, duckdbFoo: { level: 1 } },
      { kind: 'dropTable', tableName: 't', duckdbFoo: true },
      { kind: 'batch', tableName: 't', duckdbFoo: 'x', ops: [{ kind: 'dropIndex', indexName: 'ix', duckdbFoo: [1, 2] }] },
      { kind: 'upgradeOps', ops: [], duckdbFoo: null },
      { ...viewJson, duckdbFoo: 1 },
    ]
    for (const input of inputs) expect(parseOp(input, { registry: duckdb })).toEqual({ ok: true, value: input })
  })

  it('refuses options of a prefix that is not open, as unknown fields', () => {
    const r = parseOp({ kind: 'dropTable', tableName: 't', duckdbFoo: true })
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD', path: 'duckdbFoo', kind: 'dropTable' })])
    const other = createRegistry({ dialectPrefixes: ['duckdb'] })
    const r2 = parseOp({ kind: 'dropTable', tableName: 't', clickhouseFoo: true }, { registry: other })
    expect(r2.ok ? [] : r2.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD', path: 'clickhouseFoo' })])
  })

  it('checks built-in dialect options field by field, even with open prefixes', () => {
    const duckdb = createRegistry({ dialectPrefixes: ['duckdb'] })
    const r = parseOp({ kind: 'dropTable', tableName: 't', postgresqlCascade: true }, { registry: duckdb })
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD', path: 'postgresqlCascade' })])
  })

  it('accepts open options on ops only, not inside their elements', () => {
    const duckdb = createRegistry({ dialectPrefixes: ['duckdb'] })
    const r = parseOp({ kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'integer', duckdbFoo: 1 } }, { registry: duckdb })
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD', path: 'column.duckdbFoo' })])
  })

  it('requires open options to be JSON', () => {
    const duckdb = createRegistry({ dialectPrefixes: ['duckdb'] })
    const r = parseOp({ kind: 'dropTable', tableName: 't', duckdbFoo: Number.NaN }, { registry: duckdb })
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ code: 'NOT_JSON', path: 'duckdbFoo', kind: 'dropTable' })])
  })
})
