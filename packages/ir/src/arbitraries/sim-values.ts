/**
 * What the schema simulator puts in new ops: columns, foreign key targets, check conditions,
 * comments; each fits the simulated database and every target engine.
 */
import type { Column } from '../elements/column.js'
import type { ConstraintDefinition } from '../elements/constraint.js'
import { constraintColumns, defaultFor, freshName, indexable, numericType, sameType, SIM_TYPES, type Sim, type SimColumn, type SimTable } from './schema-sim.js'
import type { Draw } from './sim-draw.js'

/** A comment text, with quotes when names are hostile. */
export function commentText(sim: Sim): string {
  const id = sim.nextId++
  return sim.names === 'plain' ? `comment ${id}` : `it's "${id}" 日本`
}

/** The simulator's record of a column an op defines (nullable unless it says otherwise or is a key). */
export function simColumn(c: Column): SimColumn {
  return {
    name: c.name,
    type: c.type,
    nullable: c.nullable ?? c.primaryKey !== true,
    ...(c.serverDefault === undefined ? {} : { serverDefault: c.serverDefault }),
    ...(c.comment === undefined ? {} : { comment: c.comment }),
  }
}

/**
 * A new column. `added`: for `addColumn`, which SQLite refuses NOT NULL without a default and
 * non-constant defaults; a column of `createTable` may be NOT NULL without a default.
 */
export function newColumn(sim: Sim, draw: Draw, added: boolean): Column {
  const type = draw.pick(SIM_TYPES)
  const name = freshName(sim, 'col')
  const candidate = defaultFor(type, draw.int(2))
  const serverDefault = candidate !== undefined && added && 'sql' in candidate ? undefined : candidate
  // 0: nullable absent, 1: nullable, 2: nullable with default, 3: NOT NULL with default, 4: NOT NULL
  const mode = draw.int(added ? 4 : 5)
  const withDefault = serverDefault !== undefined && (mode === 2 || mode === 3)
  const notNull = (withDefault && mode === 3) || mode === 4
  return {
    name,
    type,
    ...(mode === 0 ? {} : { nullable: !notNull }),
    ...(withDefault ? { serverDefault } : {}),
    ...(draw.oneIn(3) ? { comment: commentText(sim) } : {}),
  }
}

/** Columns a key or index may use on every engine. */
export function keyColumns(table: SimTable): readonly SimColumn[] {
  return table.columns.filter(indexable)
}

/** A foreign key the simulator can create: from `local` to `remote` of `referent`. */
export interface ForeignKeyChoice {
  readonly referent: SimTable
  readonly remote: SimColumn
  readonly local: SimColumn
}

/** Local/remote column pairs of the same type, the remote one a single-column primary key or unique. */
export function foreignKeyChoices(sim: Sim, table: SimTable): ForeignKeyChoice[] {
  return sim.tables.flatMap((t) =>
    remoteKeys(t).flatMap(({ referent, remote }) =>
      keyColumns(table)
        .filter((local) => sameType(local.type, remote.type) && !(referent === table && local.name === remote.name))
        .map((local) => ({ referent, remote, local })),
    ),
  )
}

/** The columns of `referent` a foreign key can point at: single-column primary keys and uniques. */
export function remoteKeys(referent: SimTable): { readonly referent: SimTable; readonly remote: SimColumn }[] {
  const out: { referent: SimTable; remote: SimColumn }[] = []
  for (const k of referent.constraints) {
    if ((k.def.type !== 'primaryKey' && k.def.type !== 'unique') || k.def.columns.length !== 1) continue
    const remote = referent.columns.find((c) => c.name === constraintColumns(k.def)[0])
    if (remote !== undefined) out.push({ referent, remote })
  }
  return out
}

/** The definition of a foreign key for `choice`, with an `ON DELETE` at times (`SET NULL` only on a nullable column). */
export function foreignKeyDefinition(draw: Draw, choice: ForeignKeyChoice): ConstraintDefinition {
  const actions = ['', 'CASCADE', 'RESTRICT', 'NO ACTION', ...(choice.local.nullable ? ['SET NULL'] : [])]
  const onDelete = draw.pick(actions)
  return {
    type: 'foreignKey',
    localCols: [choice.local.name],
    referentTable: choice.referent.name,
    remoteCols: [choice.remote.name],
    ...(onDelete === '' ? {} : { onDelete }),
  }
}

/** A check condition for `table`, and the columns it names. */
export function checkCondition(sim: Sim, table: SimTable, draw: Draw): { condition: string; mentions: string[] } {
  const numeric = table.columns.filter((c) => numericType(c.type))
  // Hostile names would need the dialect's quoting inside the SQL text; keep those conditions column-free.
  if (sim.names === 'hostile' || numeric.length === 0) return { condition: '1 = 1', mentions: [] }
  const c = draw.pick(numeric)
  return { condition: `${c.name} >= 0`, mentions: [c.name] }
}
