import {
  UnsupportedOperationError, alterColumn, applyOps, findTable, sqlMentions, type BatchOp, type ColumnModel, type IndexModel, type Registry,
  type SchemaSnapshot, type TableModel, type TriggerModel, type ViewModel,
} from '@athanor/ir'
import { batchChildAsOp } from './batch.js'
import type { HandlerContext } from './contract.js'
import type { Quoter } from './quoting.js'
import { needsCast } from './rebuild-cast.js'
import { columnOrigins, tableAfterRebuild, tableBeforeBatch } from './rebuild-state.js'
import { statement, type Statement } from './statement.js'

/**
 * What a dialect supplies to {@link compileRebuild}: its SQL for each step of the "move and
 * copy" rebuild. The plan itself (which table, which columns, in what order) is engine-neutral.
 * @example
 * import { createIndexOf, createTableOf } from '@athanor/ir'
 * import { sqlite, sqliteQuote as quote, sqliteType } from '@athanor/dialect-sqlite'
 * const hooks: RebuildHooks = {
 *   engine: 'sqlite', quote,
 *   createTable: (t) => sqlite.compile(createTableOf({ ...t, indexes: [] })),
 *   createIndex: (ix, t) => sqlite.compile(createIndexOf(t.name, ix)),
 *   renameTable: (from, to, schema) => [statement(`ALTER TABLE ${quote.qualified(from, schema)} RENAME TO ${quote.ident(to)}`)],
 *   cast: (expr, _from, to) => `CAST(${expr} AS ${sqliteType(to.type)})`,
 * }
 */
export interface RebuildHooks {
  /** The engine's name, for errors. */
  readonly engine: string
  readonly quote: Quoter
  /**
   * `CREATE TABLE` of the new table, named with the temporary name (foreign keys to the table
   * itself keep its real name, so they are right after the rename). Its `indexes` are empty:
   * they are created after the rename, with {@link RebuildHooks.createIndex}.
   */
  readonly createTable: (table: TableModel) => readonly Statement[]
  /** `CREATE INDEX` of one index of the rebuilt table, under its real name. */
  readonly createIndex: (index: IndexModel, table: TableModel) => readonly Statement[]
  /** Renames the new table (temporary name → real name) after the old one is dropped. */
  readonly renameTable: (from: string, to: string, schema: string | undefined) => readonly Statement[]
  /**
   * The SELECT expression that reads a column (`expression`, already quoted) into a column of a
   * type of another family (see `needsCast`): `CAST(c AS INTEGER)`, or `expression` itself to
   * let the engine convert.
   */
  readonly cast: (expression: string, from: ColumnModel, to: ColumnModel) => string
  /**
   * `ALTER TABLE t RENAME COLUMN a TO b`. When given, a column the batch renames is copied under
   * its old name and renamed after the rebuild, so that the engine carries the rename into the
   * triggers, views and foreign keys of other tables that use it.
   */
  readonly renameColumn?: (tableName: string, schema: string | undefined, from: string, to: string) => readonly Statement[]
  /** The temporary name of the new table; `_athanor_tmp_<table>` cut to 50 characters by default. */
  readonly tempName?: (tableName: string) => string
  /**
   * The statement that carries the rows over when no old column survives (their count is still
   * data: new columns take their defaults), e.g. SQLite's `INSERT INTO tmp (rowid) SELECT rowid
   * FROM t`. Absent, or `undefined` for this plan: such a batch is refused.
   */
  readonly copyRowsOnly?: (plan: RebuildPlan, tempTable: string, table: string) => string | undefined
  /** Statements the engine needs at fixed points of the plan (SQLite: the foreign-key pragmas and check). */
  readonly steps?: {
    /** First, before anything is dropped or created. */
    readonly start?: (plan: RebuildPlan) => readonly Statement[]
    /** Right after the rows were copied into the new table, before the old one is dropped. */
    readonly afterCopy?: (plan: RebuildPlan) => readonly Statement[]
    /** Last, after indexes, triggers, views and renames. */
    readonly end?: (plan: RebuildPlan) => readonly Statement[]
  }
}

/**
 * One column of the new table filled from a column of the old one.
 * @example
 * import { applyOps, batch, createTable, emptySnapshot } from '@athanor/ir'
 * import { sqliteQuote } from '@athanor/dialect-sqlite'
 * const hooks: RebuildHooks = { engine: 'sqlite', quote: sqliteQuote, createTable: () => [], createIndex: () => [], renameTable: () => [], cast: (e) => e }
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }, { name: 'age', type: 'text' }] })])
 * // A type of another family: the copy goes through the dialect's `cast` hook
 * const op = batch({ tableName: 'account', ops: [{ kind: 'alterColumn', columnName: 'age', type: 'integer' }] })
 * const copies: readonly RebuildCopy[] = planRebuild(op, { snapshot }, hooks).copies
 * copies.find((c) => c.column === 'age') // => { target: 'age', column: 'age', source: 'age', cast: true }
 */
export interface RebuildCopy {
  /** The column of the new table (as created, see {@link RebuildPlan.built}). */
  readonly target: string
  /** Its name in the table after the batch (differs from `target` until a late rename). */
  readonly column: string
  /** The column of the old table it reads. */
  readonly source: string
  /** Its type changed family, so the dialect's `cast` hook wrote the SELECT expression. */
  readonly cast: boolean
}

/**
 * Everything a rebuild does, decided before any SQL is written: the tables before and after,
 * the table created (the one after, or with renamed columns still under their old names), the
 * columns copied, the renames done afterwards, and the triggers and views re-created.
 * @example
 * import { applyOps, batch, createTable, emptySnapshot } from '@athanor/ir'
 * import { sqliteQuote } from '@athanor/dialect-sqlite'
 * const hooks: RebuildHooks = { engine: 'sqlite', quote: sqliteQuote, createTable: () => [], createIndex: () => [], renameTable: () => [], cast: (e) => e }
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }, { name: 'legacy', type: 'text' }] })])
 * const plan: RebuildPlan = planRebuild(batch({ tableName: 'account', ops: [{ kind: 'dropColumn', columnName: 'legacy' }] }), { snapshot }, hooks)
 * plan.tempName // => '_athanor_tmp_account'
 * plan.before.columns.map((c) => c.name) // => ['id', 'legacy']
 * plan.after.columns.map((c) => c.name) // => ['id']
 */
export interface RebuildPlan {
  readonly before: TableModel
  readonly after: TableModel
  /** The table `CREATE TABLE` builds, under its real name: `after`, with the columns of {@link RebuildPlan.renames} still under their old names. */
  readonly built: TableModel
  readonly tempName: string
  readonly copies: readonly RebuildCopy[]
  /** Column renames done after the rebuild (with the `renameColumn` hook), in order. */
  readonly renames: readonly { readonly from: string; readonly to: string }[]
  /** Triggers on the table, re-created verbatim after the rename (dropping the old table drops them). */
  readonly triggers: readonly TriggerModel[]
  /** Views that mention the table: dropped before the rebuild, re-created verbatim after it. */
  readonly views: readonly ViewModel[]
}

const defaultTempName = (tableName: string): string => `_athanor_tmp_${tableName}`.slice(0, 50)

/** Refuses a fallback rename of a column that a foreign key of another table points at: the key would dangle. */
function refuseDanglingReference(op: BatchOp, snapshot: SchemaSnapshot | undefined, origin: string, engine: string): void {
  for (const t of snapshot?.tables ?? []) {
    if (t.name === op.tableName && t.schema === op.schema) continue
    for (const c of t.constraints) {
      if (c.type !== 'foreignKey' || c.referentTable !== op.tableName || c.referentSchema !== op.schema || !c.remoteCols.includes(origin)) continue
      const at = op.ops.findIndex((child) => child.kind === 'alterColumn' && child.columnName === origin)
      throw new UnsupportedOperationError({
        kind: 'batch',
        path: `ops[${Math.max(at, 0)}].newColumnName`,
        engine,
        message: `${engine}: this rebuild renames column ${JSON.stringify(origin)} into a name the batch frees, and a foreign key of table ${JSON.stringify(t.name)} points at it; rename it in a batch of its own`,
      })
    }
  }
}

/**
 * Decides a rebuild of the batch's table (catalog §3.4–3.7) without writing SQL: the table
 * before (`copyFrom`, else the snapshot, else `MissingExistingStateError`), the table after (the
 * schema model's `applyOps`), which old column fills each new one, which renames wait until after
 * the copy, and which triggers and views to re-create.
 * @example
 * import { applyOps, batch, createTable, emptySnapshot } from '@athanor/ir'
 * import { sqliteQuote } from '@athanor/dialect-sqlite'
 * const hooks: RebuildHooks = { engine: 'sqlite', quote: sqliteQuote, createTable: () => [], createIndex: () => [], renameTable: () => [], cast: (e) => e }
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }, { name: 'email', type: 'text' }] })])
 * const op = batch({ tableName: 'account', ops: [{ kind: 'alterColumn', columnName: 'email', newColumnName: 'mail' }] })
 * planRebuild(op, { snapshot }, hooks).copies
 * // => [{ target: 'id', column: 'id', source: 'id', cast: false }, { target: 'mail', column: 'mail', source: 'email', cast: false }]
 */
export function planRebuild(op: BatchOp, ctx: { readonly snapshot?: SchemaSnapshot; readonly registry?: Registry }, hooks: RebuildHooks): RebuildPlan {
  const before = tableBeforeBatch(op, ctx.snapshot, hooks.engine)
  const after = tableAfterRebuild(op, before, ctx.registry)
  const origins = columnOrigins(op, before)
  const renamed = after.columns.flatMap((c) => {
    const from = origins.get(c.name)
    return from !== undefined && from !== c.name ? [{ from, to: c.name }] : []
  })
  // Renames wait until after the copy when every renamed column can take back its old name in
  // the new table, and each new name is free until its rename runs.
  const builtNames = after.columns.map((c) => origins.get(c.name) ?? c.name)
  const late =
    hooks.renameColumn !== undefined &&
    new Set(builtNames).size === builtNames.length &&
    renamed.every((r) => !builtNames.includes(r.to))
  if (!late) for (const r of renamed) refuseDanglingReference(op, ctx.snapshot, r.from, hooks.engine)
  const renames = late ? renamed : []
  let built = after
  if (renames.length > 0) {
    const back = renames.map((r) => alterColumn({ tableName: op.tableName, ...(op.schema === undefined ? {} : { schema: op.schema }), columnName: r.to, newColumnName: r.from }))
    built = findTable(applyOps({ tables: [after] }, back), op.tableName, op.schema) ?? after
  }
  const beforeByName = new Map(before.columns.map((c) => [c.name, c]))
  const copies: RebuildCopy[] = []
  after.columns.forEach((c, i) => {
    const source = origins.get(c.name)
    const old = source === undefined ? undefined : beforeByName.get(source)
    const target = built.columns[i]?.name ?? c.name
    if (source !== undefined && old !== undefined && c.computed === undefined && old.computed === undefined) {
      copies.push({ target, column: c.name, source, cast: needsCast(old.type, c.type) })
    }
  })
  const sameTable = (t: { readonly schema?: string }): boolean => t.schema === op.schema
  return {
    before,
    after,
    built,
    tempName: (hooks.tempName ?? defaultTempName)(op.tableName),
    copies,
    renames,
    triggers: (ctx.snapshot?.triggers ?? []).filter((t) => t.tableName === op.tableName && sameTable(t)),
    views: (ctx.snapshot?.views ?? []).filter((v) => sameTable(v) && sqlMentions(v.sql, op.tableName)),
  }
}

/**
 * The "move and copy" rebuild of a batch's table, the engine's SQL supplied by `hooks`: the
 * batch's `executeSql` children first (they run when called, as in Alembic, catalog §1.11), then
 * `start`, `DROP VIEW` of the views that mention the table, `CREATE TABLE <tmp> (…)`,
 * `INSERT INTO <tmp> (cols) SELECT exprs FROM <table>` (added columns left to their defaults,
 * renamed ones read from their old name, re-typed ones through `cast`), `afterCopy`,
 * `DROP TABLE <table>`, the rename of `<tmp>`, `CREATE INDEX` of each index, the table's
 * triggers and the dropped views re-created verbatim, the late column renames, then `end`.
 * Throws `MissingExistingStateError` without `copyFrom` or a snapshot holding the table.
 * @example
 * import type { BatchOp } from '@athanor/ir'
 * import { sqliteRebuildHooks } from '@athanor/dialect-sqlite'
 * declare const op: BatchOp
 * declare const ctx: HandlerContext // what the dialect's batch handler was given
 * compileRebuild(op, ctx, sqliteRebuildHooks(ctx))
 */
export function compileRebuild(op: BatchOp, ctx: HandlerContext, hooks: RebuildHooks): readonly Statement[] {
  const plan = planRebuild(op, ctx, hooks)
  const q = hooks.quote
  const out: Statement[] = []
  const executes = op.ops.filter((c) => c.kind === 'executeSql').map((c) => batchChildAsOp(c, op))
  if (executes.length > 0) out.push(...ctx.compileOps(executes, ctx.snapshot))
  const table = q.qualified(op.tableName, op.schema)
  const rowsOnly = plan.copies.length === 0 ? hooks.copyRowsOnly?.(plan, q.qualified(plan.tempName, op.schema), table) : undefined
  if (plan.copies.length === 0 && rowsOnly === undefined) {
    throw new UnsupportedOperationError({
      kind: 'batch',
      path: 'ops',
      engine: hooks.engine,
      message: `${hooks.engine}: the rebuilt table keeps none of the old columns, so its rows cannot be carried over; drop and create the table instead`,
    })
  }
  out.push(...(hooks.steps?.start?.(plan) ?? []))
  for (const v of plan.views) out.push(statement(`DROP VIEW ${q.qualified(v.name, v.schema)}`))
  out.push(...hooks.createTable({ ...plan.built, name: plan.tempName, indexes: [] }))
  const afterByName = new Map(plan.after.columns.map((c) => [c.name, c]))
  const beforeByName = new Map(plan.before.columns.map((c) => [c.name, c]))
  const targets: string[] = []
  const sources: string[] = []
  for (const c of plan.copies) {
    targets.push(q.ident(c.target))
    const read = q.ident(c.source)
    const from = beforeByName.get(c.source)
    const to = afterByName.get(c.column)
    sources.push(c.cast && from !== undefined && to !== undefined ? hooks.cast(read, from, to) : read)
  }
  out.push(statement(rowsOnly ?? `INSERT INTO ${q.qualified(plan.tempName, op.schema)} (${targets.join(', ')}) SELECT ${sources.join(', ')} FROM ${table}`))
  out.push(...(hooks.steps?.afterCopy?.(plan) ?? []))
  out.push(statement(`DROP TABLE ${table}`))
  out.push(...hooks.renameTable(plan.tempName, op.tableName, op.schema))
  for (const ix of plan.built.indexes) out.push(...hooks.createIndex(ix, plan.built))
  for (const t of plan.triggers) out.push(statement(t.sql))
  for (const v of plan.views) out.push(statement(v.sql))
  for (const r of plan.renames) out.push(...(hooks.renameColumn?.(op.tableName, op.schema, r.from, r.to) ?? []))
  out.push(...(hooks.steps?.end?.(plan) ?? []))
  return out
}
