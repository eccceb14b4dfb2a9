import type { Draft } from 'immer'
import type { DowngradeOps } from '../containers/downgrade-ops.js'
import type { MigrationScript } from '../containers/migration-script.js'
import type { ModifyTableOps } from '../containers/modify-table-ops.js'
import type { UpgradeOps } from '../containers/upgrade-ops.js'
import type { OpBase } from '../op-spec.js'
import type { BatchOp } from '../ops/batch.js'
import type { ApplyContext, Registry } from '../registry.js'
import { columnPosition, refuse, requireTable, tableLabel, withPathPrefix } from './lookup.js'
import type { SchemaSnapshot, TableModel } from './snapshot.js'

type Draftable = Draft<SchemaSnapshot>

/**
 * A batch child with the batch's table filled in: each field its definition's
 * `batch.tableFields` names gets the table name, or the schema for a field named `schema` or
 * ending in `Schema` (`createForeignKey`: `sourceTable`, `sourceSchema`).
 * @internal
 */
export function childWithTable(child: OpBase, registry: Registry, tableName: string, schema: string | undefined): OpBase {
  const fields: Record<string, string> = {}
  for (const f of registry.get(child.kind)?.batch?.tableFields ?? []) {
    if (f === 'schema' || f.endsWith('Schema')) {
      if (schema !== undefined) fields[f] = schema
    } else {
      fields[f] = tableName
    }
  }
  return { ...child, ...fields }
}

/**
 * Orders the columns so that the columns of each list of `partialReordering` come in the order
 * listed; columns keep their current order where the lists say nothing (a stable topological
 * sort, as Alembic's recreate does, catalog §3.6).
 */
function reorder(table: Draft<TableModel>, kind: string, lists: readonly (readonly string[])[]): void {
  const label = tableLabel(table.name, table.schema)
  const before = new Map<string, Set<string>>(table.columns.map((c) => [c.name, new Set<string>()]))
  lists.forEach((list, i) => {
    list.forEach((name, j) => {
      if (columnPosition(table, name) === -1) refuse(kind, `partialReordering[${i}][${j}]`, `column ${JSON.stringify(name)} not found in table ${label}; expected one of its columns`)
      const prev = list[j - 1]
      if (prev !== undefined) before.get(name)?.add(prev)
    })
  })
  const done = new Set<string>()
  const pending = [...table.columns]
  const ordered: typeof pending = []
  while (pending.length > 0) {
    const next = pending.findIndex((c) => [...(before.get(c.name) ?? [])].every((p) => done.has(p)))
    if (next === -1) refuse(kind, 'partialReordering', `the column orders of table ${label} contradict each other; expected orders without a cycle`)
    const [col] = pending.splice(next, 1)
    if (col === undefined) break
    done.add(col.name)
    ordered.push(col)
  }
  table.columns.splice(0, table.columns.length, ...ordered)
}

/**
 * batch: each child applied in turn with the batch's table filled in; `copyFrom` is not used
 * (the snapshot is the truth). `insertBefore`/`insertAfter` place an added column, and move an
 * altered one; `partialReordering` is applied last.
 * @internal
 */
export function applyBatch(draft: Draftable, op: BatchOp, ctx: ApplyContext): void {
  requireTable(draft, op.kind, op.tableName, op.schema, 'tableName')
  op.ops.forEach((child, i) => {
    withPathPrefix(`ops[${i}]`, () => ctx.apply(draft, childWithTable(child, ctx.registry, op.tableName, op.schema)))
  })
  if (op.partialReordering !== undefined) {
    reorder(requireTable(draft, op.kind, op.tableName, op.schema, 'tableName'), op.kind, op.partialReordering)
  }
}

function applyChildren(draft: Draftable, ops: readonly OpBase[], ctx: ApplyContext, field = 'ops'): void {
  ops.forEach((child, i) => withPathPrefix(`${field}[${i}]`, () => ctx.apply(draft, child)))
}

/** @internal modifyTableOps: the children in order. */
export function applyModifyTableOps(draft: Draftable, op: ModifyTableOps, ctx: ApplyContext): void {
  applyChildren(draft, op.ops, ctx)
}

/** @internal upgradeOps: the children in order. */
export function applyUpgradeOps(draft: Draftable, op: UpgradeOps, ctx: ApplyContext): void {
  applyChildren(draft, op.ops, ctx)
}

/** @internal downgradeOps: the children in order. */
export function applyDowngradeOps(draft: Draftable, op: DowngradeOps, ctx: ApplyContext): void {
  applyChildren(draft, op.ops, ctx)
}

/** @internal migrationScript: its `upgradeOps` lists in order (the downgrade is the way back, not part of the effect). */
export function applyMigrationScript(draft: Draftable, op: MigrationScript, ctx: ApplyContext): void {
  applyChildren(draft, op.upgradeOps, ctx, 'upgradeOps')
}
