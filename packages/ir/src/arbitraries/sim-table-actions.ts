/**
 * What the schema simulator can do to one table: one action per op kind, each checking that it
 * fits the simulated table, then emitting its op (as a batch child) and updating the simulation.
 */
import type { BatchChildOp, BuiltinOp } from '../op.js'
import type { AlterColumnOp } from '../ops/alter-column.js'
import {
  backsForeignKey, columnOf, constraintColumns, defaultFor, freshName, isColumnUsed, primaryKeyOf, widerType, type SequenceOpKind, type Sim,
  type SimColumn, type SimTable,
} from './schema-sim.js'
import { pickUpTo, type Draw } from './sim-draw.js'
import { checkCondition, commentText, foreignKeyChoices, foreignKeyDefinition, keyColumns, newColumn, simColumn } from './sim-values.js'

/** An action on one table; its op is written as a batch child (the caller adds the table). */
export interface TableAction {
  readonly kind: Exclude<SequenceOpKind, 'createTable' | 'dropTable' | 'renameTable' | 'batch'>
  readonly weight: number
  readonly applies: (sim: Sim, table: SimTable) => boolean
  /** `inBatch`: the op goes into a batch, where a column op may say where the column goes. */
  readonly run: (sim: Sim, table: SimTable, draw: Draw, inBatch: boolean) => BatchChildOp
}

function replaceColumn(table: SimTable, name: string, next: SimColumn): void {
  table.columns = table.columns.map((c) => (c.name === name ? next : c))
}

function droppableConstraints(sim: Sim, table: SimTable): SimTable['constraints'] {
  return table.constraints.filter((c) => {
    if (c.name === undefined) return false
    if (c.def.type === 'primaryKey' || c.def.type === 'unique') return !backsForeignKey(sim, table, c.def.columns)
    return true
  })
}

type AlterChange = 'type' | 'nullable' | 'serverDefault' | 'comment' | 'rename'

function alterChanges(sim: Sim, table: SimTable, c: SimColumn): AlterChange[] {
  const pk = primaryKeyOf(table)
  const used = isColumnUsed(sim, table, c.name)
  const out: AlterChange[] = ['comment']
  if (!used && widerType(c.type, c.serverDefault !== undefined) !== undefined) out.push('type')
  // Key columns keep their nullability (MySQL refuses NOT NULL on a SET NULL key, a primary key is NOT NULL).
  if (!(pk !== undefined && constraintColumns(pk.def).includes(c.name)) && !backsForeignKey(sim, table, [c.name])) out.push('nullable')
  if (c.serverDefault !== undefined || defaultFor(c.type, 0) !== undefined) out.push('serverDefault')
  if (!used) out.push('rename')
  return out
}

/** The actions on one table, in the order their kinds are listed. */
export const TABLE_ACTIONS: readonly TableAction[] = [
  {
    kind: 'addColumn',
    weight: 4,
    applies: () => true,
    run: (sim, table, draw, inBatch) => {
      const column = newColumn(sim, draw, true)
      // In a batch, at times before or after a column (a rebuild puts it there; the model too).
      const at = inBatch && draw.oneIn(3) ? draw.int(table.columns.length) : undefined
      const neighbour = at === undefined ? undefined : table.columns[at]
      if (at === undefined || neighbour === undefined) {
        table.columns.push(simColumn(column))
        return { kind: 'addColumn', column }
      }
      const before = draw.oneIn(2)
      table.columns.splice(before ? at : at + 1, 0, simColumn(column))
      return { kind: 'addColumn', column, ...(before ? { insertBefore: neighbour.name } : { insertAfter: neighbour.name }) }
    },
  },
  {
    kind: 'dropColumn',
    weight: 2,
    applies: (sim, table) => table.columns.length > 1 && table.columns.some((c) => !isColumnUsed(sim, table, c.name)),
    run: (sim, table, draw, inBatch) => {
      const c = draw.pick(table.columns.filter((col) => !isColumnUsed(sim, table, col.name)))
      const at = table.columns.indexOf(c)
      const previous = table.columns[at - 1]
      const next = table.columns[at + 1]
      table.columns = table.columns.filter((col) => col !== c)
      // In a batch, say where the column was, so that the reverse puts it back there.
      const position = !inBatch ? {} : previous !== undefined ? { insertAfter: previous.name } : next !== undefined ? { insertBefore: next.name } : {}
      return { kind: 'dropColumn', columnName: c.name, column: columnOf(c), ...position }
    },
  },
  {
    kind: 'alterColumn',
    weight: 4,
    applies: (_sim, table) => table.columns.length > 0,
    run: (sim, table, draw) => {
      // A change first, then a column it fits (a type change fits few), then at times a second change.
      const options = table.columns.map((col) => ({ col, changes: alterChanges(sim, table, col) }))
      const first = draw.pick([...new Set(options.flatMap((o) => o.changes))])
      const { col: c, changes: fitting } = draw.pick(options.filter((o) => o.changes.includes(first)))
      const second = draw.oneIn(3) ? draw.pick(fitting) : first
      const wanted = [first, second]
      const existing = {
        existingType: c.type,
        existingNullable: c.nullable,
        existingServerDefault: c.serverDefault ?? null,
        existingComment: c.comment ?? null,
        existingIdentity: null,
      }
      let next: SimColumn = c
      let changes: Partial<Pick<AlterColumnOp, 'type' | 'nullable' | 'serverDefault' | 'comment' | 'newColumnName'>> = {}
      // Applied in a fixed order, each on the column as the previous ones left it.
      for (const change of ['type', 'nullable', 'serverDefault', 'comment', 'rename'] as const) {
        if (!wanted.includes(change)) continue
        if (change === 'type') {
          const type = widerType(next.type, next.serverDefault !== undefined)
          if (type === undefined) continue
          changes = { ...changes, type }
          next = { ...next, type }
        } else if (change === 'nullable') {
          changes = { ...changes, nullable: !next.nullable }
          next = { ...next, nullable: !next.nullable }
        } else if (change === 'serverDefault') {
          const fresh = defaultFor(next.type, draw.int(2))
          const drop = next.serverDefault !== undefined && (fresh === undefined || draw.oneIn(2))
          if (drop || fresh === undefined) {
            if (next.serverDefault === undefined) continue
            const { serverDefault: _dropped, ...rest } = next
            changes = { ...changes, serverDefault: null }
            next = rest
          } else {
            changes = { ...changes, serverDefault: fresh }
            next = { ...next, serverDefault: fresh }
          }
        } else if (change === 'comment') {
          if (next.comment !== undefined && draw.oneIn(2)) {
            const { comment: _dropped, ...rest } = next
            changes = { ...changes, comment: null }
            next = rest
          } else {
            const comment = commentText(sim)
            changes = { ...changes, comment }
            next = { ...next, comment }
          }
        } else {
          const newColumnName = freshName(sim, 'col')
          changes = { ...changes, newColumnName }
          next = { ...next, name: newColumnName }
        }
      }
      replaceColumn(table, c.name, next)
      return { kind: 'alterColumn', columnName: c.name, ...changes, ...existing }
    },
  },
  {
    kind: 'createIndex',
    weight: 2,
    applies: (_sim, table) => keyColumns(table).length > 0,
    run: (sim, table, draw) => {
      const columns = pickUpTo(draw, keyColumns(table), 2).map((c) => c.name)
      const def = { columns, ...(draw.oneIn(3) ? { unique: true } : {}) }
      const indexName = freshName(sim, 'ix')
      table.indexes.push({ name: indexName, def })
      return { kind: 'createIndex', indexName, ...def }
    },
  },
  {
    kind: 'dropIndex',
    weight: 1,
    applies: (sim, table) => table.indexes.some((i) => !backsForeignKey(sim, table, i.def.columns)),
    run: (sim, table, draw) => {
      const ix = draw.pick(table.indexes.filter((i) => !backsForeignKey(sim, table, i.def.columns)))
      table.indexes = table.indexes.filter((i) => i !== ix)
      return { kind: 'dropIndex', indexName: ix.name, index: ix.def }
    },
  },
  {
    kind: 'createPrimaryKey',
    weight: 1,
    applies: (_sim, table) => primaryKeyOf(table) === undefined && keyColumns(table).some((c) => !c.nullable),
    run: (sim, table, draw) => {
      const c = draw.pick(keyColumns(table).filter((col) => !col.nullable))
      const constraintName = freshName(sim, 'pk')
      table.constraints.push({ name: constraintName, def: { type: 'primaryKey', columns: [c.name] }, mentions: [] })
      return { kind: 'createPrimaryKey', constraintName, columns: [c.name] }
    },
  },
  {
    kind: 'createUniqueConstraint',
    weight: 1,
    applies: (_sim, table) => keyColumns(table).length > 0,
    run: (sim, table, draw) => {
      const columns = pickUpTo(draw, keyColumns(table), 2).map((c) => c.name)
      const constraintName = freshName(sim, 'uq')
      table.constraints.push({ name: constraintName, def: { type: 'unique', columns }, mentions: [] })
      return { kind: 'createUniqueConstraint', constraintName, columns }
    },
  },
  {
    kind: 'createForeignKey',
    weight: 2,
    applies: (sim, table) => foreignKeyChoices(sim, table).length > 0,
    run: (sim, table, draw) => {
      const def = foreignKeyDefinition(draw, draw.pick(foreignKeyChoices(sim, table)))
      const constraintName = freshName(sim, 'fk')
      table.constraints.push({ name: constraintName, def, mentions: [] })
      const { type: _type, ...fields } = def
      if (!('localCols' in fields)) throw new Error('internal: a foreign key without columns')
      return { kind: 'createForeignKey', constraintName, ...fields }
    },
  },
  {
    kind: 'createCheckConstraint',
    weight: 1,
    applies: () => true,
    run: (sim, table, draw) => {
      const { condition, mentions } = checkCondition(sim, table, draw)
      const constraintName = freshName(sim, 'ck')
      table.constraints.push({ name: constraintName, def: { type: 'check', condition }, mentions })
      return { kind: 'createCheckConstraint', constraintName, condition }
    },
  },
  {
    kind: 'dropConstraint',
    weight: 1,
    applies: (sim, table) => droppableConstraints(sim, table).length > 0,
    run: (sim, table, draw) => {
      const c = draw.pick(droppableConstraints(sim, table))
      table.constraints = table.constraints.filter((k) => k !== c)
      return { kind: 'dropConstraint', constraintName: c.name ?? '', type: c.def.type, constraint: c.def }
    },
  },
  {
    kind: 'createTableComment',
    weight: 1,
    applies: () => true,
    run: (sim, table) => {
      const comment = commentText(sim)
      const existingComment = table.comment ?? null
      table.comment = comment
      return { kind: 'createTableComment', comment, existingComment }
    },
  },
  {
    kind: 'dropTableComment',
    weight: 1,
    applies: (_sim, table) => table.comment !== undefined,
    run: (_sim, table) => {
      const existingComment = table.comment ?? ''
      delete table.comment
      return { kind: 'dropTableComment', existingComment }
    },
  },
]

/** The op of a table action at the top level: the table added where the kind wants it. */
export function atTop(child: BatchChildOp, tableName: string): BuiltinOp {
  if (child.kind === 'executeSql') return child
  if (child.kind === 'createForeignKey') {
    const { kind, ...rest } = child
    return { kind, sourceTable: tableName, ...rest }
  }
  const { kind, ...rest } = child
  // Every other batch kind takes its table as `tableName`, and no child of the simulator has a
  // position; TypeScript cannot relate the kind to the rest of the fields here.
  return { kind, tableName, ...rest } as BuiltinOp
}
