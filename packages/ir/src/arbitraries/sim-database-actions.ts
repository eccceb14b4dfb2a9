/**
 * What the schema simulator can do to the database as a whole: create, drop and rename tables.
 */
import type { Column } from '../elements/column.js'
import type { TableConstraint } from '../elements/constraint.js'
import type { BuiltinOp } from '../op.js'
import { freshName, incomingForeignKeys, isColumnUsed, tableDefinitionOf, type Sim, type SimTable } from './schema-sim.js'
import type { Draw } from './sim-draw.js'
import { checkCondition, commentText, foreignKeyDefinition, keyColumns, newColumn, remoteKeys, simColumn } from './sim-values.js'

/** An action on the database as a whole. */
export interface DatabaseAction {
  readonly kind: 'createTable' | 'dropTable' | 'renameTable'
  readonly weight: number
  readonly applies: (sim: Sim) => boolean
  readonly run: (sim: Sim, draw: Draw) => BuiltinOp
}

function createTable(sim: Sim, draw: Draw): BuiltinOp {
  const tableName = freshName(sim, 'tbl')
  const columns: Column[] = []
  const constraints: TableConstraint[] = []
  const table: SimTable = { name: tableName, columns: [], constraints: [], indexes: [] }
  const addColumn = (c: Column): void => {
    columns.push(c)
    table.columns.push(simColumn(c))
  }
  const addConstraint = (k: Exclude<TableConstraint, { readonly type: 'index' }>, mentions: readonly string[] = []): void => {
    constraints.push(k)
    const { name, ...def } = k
    table.constraints.push({ ...(name === undefined ? {} : { name }), def, mentions })
  }
  const pkStyle = draw.int(3) // 0: column flag, 1: named constraint, 2: none
  if (pkStyle === 0) {
    const id = freshName(sim, 'id')
    addColumn({ name: id, type: 'integer', nullable: false, primaryKey: true })
    // The model keeps a column's primary key flag as an unnamed table constraint.
    table.constraints.push({ def: { type: 'primaryKey', columns: [id] }, mentions: [] })
  } else if (pkStyle === 1) {
    addColumn({ name: freshName(sim, 'id'), type: 'integer', nullable: false })
  }
  const extra = (pkStyle === 2 ? 1 : 0) + draw.int(3)
  for (let i = 0; i < extra; i++) addColumn(newColumn(sim, draw, false))
  if (pkStyle === 1) addConstraint({ type: 'primaryKey', name: freshName(sim, 'pk'), columns: [columns[0]?.name ?? ''] })
  // A foreign key to a table built before, on a column made for it.
  const targets = sim.tables.flatMap(remoteKeys)
  if (targets.length > 0 && draw.oneIn(2)) {
    const { referent, remote } = draw.pick(targets)
    const local: Column = { name: freshName(sim, 'ref'), type: remote.type, nullable: true }
    addColumn(local)
    const def = foreignKeyDefinition(draw, { referent, remote, local: simColumn(local) })
    addConstraint({ ...def, name: freshName(sim, 'fk') })
  }
  const free = keyColumns(table).filter((c) => !isColumnUsed(sim, table, c.name))
  if (free.length > 0 && draw.oneIn(3)) addConstraint({ type: 'unique', name: freshName(sim, 'uq'), columns: [draw.pick(free).name] })
  if (draw.oneIn(4)) {
    const { condition, mentions } = checkCondition(sim, table, draw)
    addConstraint({ type: 'check', name: freshName(sim, 'ck'), condition }, mentions)
  }
  if (free.length > 0 && draw.oneIn(3)) {
    const index = { name: freshName(sim, 'ix'), def: { columns: [draw.pick(free).name] } }
    constraints.push({ type: 'index', name: index.name, ...index.def })
    table.indexes.push(index)
  }
  const comment = draw.oneIn(4) ? commentText(sim) : undefined
  if (comment !== undefined) table.comment = comment
  sim.tables.push(table)
  return {
    kind: 'createTable',
    tableName,
    columns,
    ...(constraints.length === 0 ? {} : { constraints }),
    ...(comment === undefined ? {} : { comment }),
  }
}

function droppableTables(sim: Sim): SimTable[] {
  return sim.tables.filter((t) => incomingForeignKeys(sim, t).every(({ from }) => from === t))
}

/** The actions on the database as a whole. */
export const DATABASE_ACTIONS: readonly DatabaseAction[] = [
  { kind: 'createTable', weight: 2, applies: () => true, run: createTable },
  {
    kind: 'dropTable',
    weight: 1,
    applies: (sim) => droppableTables(sim).length > 0,
    run: (sim, draw) => {
      const t = draw.pick(droppableTables(sim))
      sim.tables.splice(sim.tables.indexOf(t), 1)
      return { kind: 'dropTable', tableName: t.name, table: tableDefinitionOf(t) }
    },
  },
  {
    kind: 'renameTable',
    weight: 1,
    applies: (sim) => sim.tables.length > 0,
    run: (sim, draw) => {
      const t = draw.pick(sim.tables)
      const oldTableName = t.name
      const newTableName = freshName(sim, 'tbl')
      // Foreign keys follow the table they point at, as on every engine.
      for (const table of sim.tables) {
        table.constraints = table.constraints.map((c) =>
          c.def.type === 'foreignKey' && c.def.referentTable === oldTableName ? { ...c, def: { ...c.def, referentTable: newTableName } } : c,
        )
      }
      t.name = newTableName
      return { kind: 'renameTable', oldTableName, newTableName }
    },
  },
]
