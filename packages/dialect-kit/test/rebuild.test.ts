import { describe, expect, it } from 'vitest'
import {
  columnOrigins, compileRebuild, containerHandlers, createQuoter, defineDialect, needsCast, planRebuild, statement, tableBeforeBatch, typeFamily,
  type Capabilities, type HandlerContext, type Handlers, type RebuildHooks,
} from '@athanor/dialect-kit'
import { batch, createTableOf, type BatchOp, type ExecuteSqlOp, type SchemaSnapshot } from '@athanor/ir'

const quote = createQuoter({ dialect: 'demo', open: '"', close: '"', reserved: new Set(['user']), literal: (s) => `'${s.replaceAll("'", "''")}'` })

/** Hooks of an engine that casts, renames tables the generic way and has no late column rename. */
const hooks: RebuildHooks = {
  engine: 'demo',
  quote,
  createTable: (t) => [statement(`CREATE TABLE ${quote.ident(t.name)} (${t.columns.map((c) => `${quote.ident(c.name)} ${JSON.stringify(c.type)}`).join(', ')})`)],
  createIndex: (ix, t) => [statement(`CREATE INDEX ${quote.ident(ix.name)} ON ${quote.ident(t.name)}`)],
  renameTable: (from, to) => [statement(`ALTER TABLE ${quote.ident(from)} RENAME TO ${quote.ident(to)}`)],
  cast: (expr, _from, to) => `CAST(${expr} AS ${typeof to.type === 'string' ? to.type.toUpperCase() : to.type.name.toUpperCase()})`,
}

const handlers = Object.fromEntries(['addColumn', 'alterColumn', 'dropColumn', 'createTable', 'dropTable', 'renameTable', 'createIndex', 'dropIndex', 'createPrimaryKey', 'createUniqueConstraint', 'createForeignKey', 'createCheckConstraint', 'dropConstraint', 'createTableComment', 'dropTableComment', 'bulkInsert'].map((k) => [k, () => []]))
const demo = defineDialect({
  name: 'demo',
  capabilities: {} as Capabilities,
  quote,
  handlers: { ...handlers, executeSql: (op: ExecuteSqlOp) => [statement(op.sqltext)], batch: (op: BatchOp, ctx: HandlerContext) => compileRebuild(op, ctx, hooks), ...containerHandlers } as unknown as Handlers,
})

const foo: SchemaSnapshot = {
  tables: [{
    name: 'foo',
    columns: [
      { name: 'id', type: 'integer', nullable: false },
      { name: 'data', type: { name: 'varchar', length: 50 }, nullable: true },
      { name: 'x', type: 'integer', nullable: true },
      { name: 'toj', type: 'text', nullable: true },
    ],
    constraints: [{ type: 'primaryKey', columns: ['id'] }],
    indexes: [{ name: 'ix_x', columns: ['x'] }],
  }],
  views: [{ name: 'v_foo', sql: 'CREATE VIEW v_foo AS SELECT x FROM foo' }, { name: 'v_other', sql: 'CREATE VIEW v_other AS SELECT 1' }],
  triggers: [{ name: 'trg', tableName: 'foo', sql: 'CREATE TRIGGER trg …' }],
}

describe('the shared rebuild', () => {
  it('casts across type families only (catalog §3.4)', () => {
    expect([needsCast('integer', 'bigint'), needsCast('text', { name: 'varchar', length: 5 }), needsCast('integer', 'boolean'), needsCast('varchar', 'datetime')]).toEqual([false, false, true, true])
    expect(typeFamily({ name: 'raw', sql: 'point' })).toBe('raw:POINT')
  })

  it('copies, drops, renames and re-creates indexes, triggers and the views that mention the table', () => {
    const op = batch({ tableName: 'foo', ops: [
      { kind: 'alterColumn', columnName: 'data', type: 'integer' },
      { kind: 'alterColumn', columnName: 'x', newColumnName: 'y' },
      { kind: 'addColumn', column: { name: 'z', type: 'text' } },
      { kind: 'dropColumn', columnName: 'toj' },
    ] })
    expect(demo.compile(op, { snapshot: foo }).map((s) => s.sql)).toEqual([
      'DROP VIEW v_foo',
      'CREATE TABLE _athanor_tmp_foo (id "integer", data "integer", y "integer", z "text")',
      'INSERT INTO _athanor_tmp_foo (id, data, y) SELECT id, CAST(data AS INTEGER), x FROM foo',
      'DROP TABLE foo',
      'ALTER TABLE _athanor_tmp_foo RENAME TO foo',
      'CREATE INDEX ix_x ON foo',
      'CREATE TRIGGER trg …',
      'CREATE VIEW v_foo AS SELECT x FROM foo',
    ])
  })

  it('plans late renames when the engine can rename columns', () => {
    const op: BatchOp = batch({ tableName: 'foo', ops: [{ kind: 'alterColumn', columnName: 'x', newColumnName: 'y' }] })
    const plan = planRebuild(op, { snapshot: foo }, { ...hooks, renameColumn: () => [] })
    expect(plan.renames).toEqual([{ from: 'x', to: 'y' }])
    expect(plan.built.columns.map((c) => c.name)).toEqual(['id', 'data', 'x', 'toj'])
    expect(plan.built.indexes).toEqual([{ name: 'ix_x', columns: ['x'] }])
    expect(plan.copies.find((c) => c.column === 'y')).toEqual({ target: 'x', column: 'y', source: 'x', cast: false })
  })

  it('follows chains of renames to the column that holds the rows', () => {
    const before = tableBeforeBatch(batch({ tableName: 'foo', ops: [] }), foo, 'demo')
    const op = batch({ tableName: 'foo', ops: [{ kind: 'alterColumn', columnName: 'x', newColumnName: 't' }, { kind: 'addColumn', column: { name: 'x', type: 'text' } }, { kind: 'alterColumn', columnName: 't', newColumnName: 'u' }] })
    expect([...columnOrigins(op, before)]).toEqual([['id', 'id'], ['data', 'data'], ['u', 'x'], ['toj', 'toj']])
  })

  it('takes copyFrom over the snapshot, and refuses without either', () => {
    const copyFrom = { columns: [{ name: 'a', type: 'integer' as const }] }
    expect(tableBeforeBatch(batch({ tableName: 'foo', copyFrom, ops: [] }), foo, 'demo').columns.map((c) => c.name)).toEqual(['a'])
    expect(() => tableBeforeBatch(batch({ tableName: 'foo', ops: [] }), undefined, 'demo')).toThrow(expect.objectContaining({ code: 'MISSING_EXISTING_STATE', path: 'copyFrom' }))
    expect(() => demo.compile(batch({ tableName: 'foo', ops: [{ kind: 'dropColumn', columnName: 'id' }, { kind: 'dropColumn', columnName: 'data' }, { kind: 'dropColumn', columnName: 'x' }, { kind: 'addColumn', column: { name: 'n', type: 'text' } }, { kind: 'dropColumn', columnName: 'toj' }] }), { snapshot: foo })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'ops' }),
    )
  })

  it('builds the table after the batch with the schema model (a table definition round-trips)', () => {
    const plan = planRebuild(batch({ tableName: 'foo', ops: [{ kind: 'createUniqueConstraint', constraintName: 'uq', columns: ['data'] }] }), { snapshot: foo }, hooks)
    expect(createTableOf(plan.after).constraints).toContainEqual({ type: 'unique', name: 'uq', columns: ['data'] })
  })
})
