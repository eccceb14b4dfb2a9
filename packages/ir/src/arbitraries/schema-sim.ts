/**
 * A small schema simulator behind `opSequence`: it keeps the tables a sequence of ops has built
 * so far, so that each next op can be chosen to be valid on them (like
 * `shared/bench/gen_compile_mix.py`). It knows nothing of `applyOps`; the tests check that the
 * two agree.
 *
 * The state is scratch data of one generation, never shared: tables and lists are updated in
 * place, while every value an op may hold (columns, types, definitions) is immutable and
 * replaced, never changed, so an op emitted earlier never sees a later change.
 */
import type { Column } from '../elements/column.js'
import type { ColumnType } from '../elements/column-type.js'
import type { ConstraintDefinition, TableConstraint } from '../elements/constraint.js'
import type { IndexDefinition } from '../elements/index-definition.js'
import type { ServerDefault } from '../elements/server-default.js'
import type { TableDefinition } from '../elements/table-definition.js'
import { deepFreeze } from '../freeze.js'
import type { NameStyle } from './options.js'

/**
 * The op kinds the simulator emits.
 * @example
 * import fc from 'fast-check'
 * // Batches of column changes only
 * const batchKinds: SequenceOpKind[] = ['addColumn', 'alterColumn', 'dropColumn']
 * fc.assert(fc.property(opSequence({ batchKinds }), (ops) => ops.every((op) => op.kind !== 'batch' || op.ops.every((child) => batchKinds.includes(child.kind as SequenceOpKind)))))
 */
export type SequenceOpKind =
  | 'createTable' | 'dropTable' | 'renameTable' | 'addColumn' | 'dropColumn' | 'alterColumn' | 'createIndex' | 'dropIndex' | 'createPrimaryKey'
  | 'createUniqueConstraint' | 'createForeignKey' | 'createCheckConstraint' | 'dropConstraint' | 'createTableComment' | 'dropTableComment' | 'batch'

/** A column as the simulator keeps it. */
export interface SimColumn {
  readonly name: string
  readonly type: ColumnType
  readonly nullable: boolean
  readonly serverDefault?: ServerDefault
  readonly comment?: string
}

/** A constraint; `mentions` lists the columns a check's condition names. */
export interface SimConstraint {
  readonly name?: string
  readonly def: ConstraintDefinition
  readonly mentions: readonly string[]
}

/** An index. */
export interface SimIndex {
  readonly name: string
  readonly def: IndexDefinition
}

/** A table; its lists change in place, their items never do. */
export interface SimTable {
  name: string
  columns: SimColumn[]
  constraints: SimConstraint[]
  indexes: SimIndex[]
  comment?: string
}

/** The simulated database and the counter behind fresh names. */
export interface Sim {
  readonly tables: SimTable[]
  readonly names: NameStyle
  nextId: number
}

/** An empty database. */
export function emptySim(names: NameStyle): Sim {
  return { tables: [], names, nextId: 0 }
}

// Prefixes of hostile names that every target engine accepts: no trailing space (MySQL), no
// character outside the BMP (MySQL), short enough for the 63-byte limit of PostgreSQL.
const HOSTILE_STEMS = ['select ', 'Order', 'a b ', "O'Brien ", 'say "hi" ', 'back`tick ', '[br] ', 'semi;', 'dash--', 'per%', ':bind ', 'é', '日本', 'MiXeD', 'dot.']

/**
 * A name used nowhere else in the database, whatever the letter case: a counter makes it
 * unique, so that tables, indexes and constraints (which PostgreSQL keeps in one namespace per
 * schema) never clash.
 */
export function freshName(sim: Sim, prefix: string): string {
  const id = sim.nextId++
  if (sim.names === 'plain') return `${prefix}_${id}`
  return `${HOSTILE_STEMS[id % HOSTILE_STEMS.length] ?? ''}${prefix}${id}`
}

/** A table by name. */
export function tableNamed(sim: Sim, name: string): SimTable | undefined {
  return sim.tables.find((t) => t.name === name)
}

/** Types the simulator uses, each valid on every target engine; frozen, as ops share them. */
export const SIM_TYPES: readonly ColumnType[] = deepFreeze([
  'integer', 'bigint', 'smallint', { name: 'varchar', length: 50 }, 'text', 'boolean', { name: 'numeric', precision: 10, scale: 2 }, 'date', 'datetime',
] as const)

/** Same type, whichever way it is written. */
export function sameType(a: ColumnType, b: ColumnType): boolean {
  const norm = (t: ColumnType): string => JSON.stringify(typeof t === 'string' ? { name: t } : t)
  return norm(a) === norm(b)
}

function nameOf(t: ColumnType): string {
  return typeof t === 'string' ? t : t.name
}

/** Types an index, key or unique constraint may use on every engine (MySQL cannot index TEXT). */
export function indexable(c: SimColumn): boolean {
  return nameOf(c.type) !== 'text' && nameOf(c.type) !== 'json'
}

/** Integer and exact numeric types, which a `>= 0` check fits. */
export function numericType(t: ColumnType): boolean {
  return ['integer', 'bigint', 'smallint', 'numeric'].includes(nameOf(t))
}

/** A default that fits `type` on every engine; none for TEXT, which MySQL refuses a literal default. */
export function defaultFor(type: ColumnType, variant: number): ServerDefault | undefined {
  switch (nameOf(type)) {
    case 'integer':
    case 'bigint':
    case 'smallint':
      return { literal: variant % 2 === 0 ? '0' : '42' }
    case 'boolean':
      return { literal: variant % 2 === 0 ? '0' : '1' }
    case 'varchar':
      return { literal: variant % 2 === 0 ? 'n/a' : "it's" }
    case 'numeric':
      return { literal: '1.50' }
    case 'date':
      return { literal: '2020-01-01' }
    case 'datetime':
      return { sql: 'CURRENT_TIMESTAMP' }
    default:
      return undefined
  }
}

/**
 * A wider type that every engine converts to in place on an empty table, or undefined.
 * `hasDefault` rules out TEXT (no literal default on MySQL).
 */
export function widerType(type: ColumnType, hasDefault: boolean): ColumnType | undefined {
  if (typeof type === 'string') {
    if (type === 'smallint') return 'integer'
    if (type === 'integer') return 'bigint'
    return undefined
  }
  if (type.name === 'varchar') {
    const length = type.length ?? 50
    if (length >= 400 && !hasDefault) return 'text'
    return length < 400 ? { name: 'varchar', length: length * 2 } : undefined
  }
  if (type.name === 'numeric') return { name: 'numeric', precision: (type.precision ?? 10) + 4, scale: type.scale ?? 2 }
  return undefined
}

/** The column as an op carries it: `nullable` always stated. */
export function columnOf(c: SimColumn): Column {
  return {
    name: c.name,
    type: c.type,
    nullable: c.nullable,
    ...(c.serverDefault === undefined ? {} : { serverDefault: c.serverDefault }),
    ...(c.comment === undefined ? {} : { comment: c.comment }),
  }
}

/** The columns a constraint names on its own table. */
export function constraintColumns(def: ConstraintDefinition): readonly string[] {
  switch (def.type) {
    case 'foreignKey':
      return def.localCols
    case 'check':
      return []
    default:
      return def.columns
  }
}

/** Foreign keys of the database that point at `table`, with the table they belong to. */
export function incomingForeignKeys(sim: Sim, table: SimTable): { readonly from: SimTable; readonly fk: SimConstraint }[] {
  const out: { from: SimTable; fk: SimConstraint }[] = []
  for (const from of sim.tables) {
    for (const c of from.constraints) if (c.def.type === 'foreignKey' && c.def.referentTable === table.name) out.push({ from, fk: c })
  }
  return out
}

/** True when a constraint, index or foreign key (of any table) names the column. */
export function isColumnUsed(sim: Sim, table: SimTable, column: string): boolean {
  if (table.constraints.some((c) => constraintColumns(c.def).includes(column) || c.mentions.includes(column))) return true
  if (table.indexes.some((i) => i.def.columns.includes(column))) return true
  return incomingForeignKeys(sim, table).some(({ fk }) => fk.def.type === 'foreignKey' && fk.def.remoteCols.includes(column))
}

/** The primary key of a table, if any. */
export function primaryKeyOf(table: SimTable): SimConstraint | undefined {
  return table.constraints.find((c) => c.def.type === 'primaryKey')
}

/**
 * True when dropping the constraint or index would break a foreign key: it backs the key of a
 * foreign key pointing here, or an index MySQL keeps for a foreign key of this table.
 */
export function backsForeignKey(sim: Sim, table: SimTable, columns: readonly unknown[]): boolean {
  const incoming = incomingForeignKeys(sim, table).some(({ fk }) => fk.def.type === 'foreignKey' && fk.def.remoteCols.some((c) => columns.includes(c)))
  const local = table.constraints.some((c) => c.def.type === 'foreignKey' && c.def.localCols.some((col) => columns.includes(col)))
  return incoming || local
}

/** The table as a definition: what `dropTable` and a batch's `copyFrom` carry. */
export function tableDefinitionOf(table: SimTable): TableDefinition {
  // The primary key first, as the model and CREATE TABLE list it.
  const ordered = [...table.constraints.filter((c) => c.def.type === 'primaryKey'), ...table.constraints.filter((c) => c.def.type !== 'primaryKey')]
  const constraints: TableConstraint[] = [
    ...ordered.map((c): TableConstraint => (c.name === undefined ? c.def : { ...c.def, name: c.name })),
    ...table.indexes.map((i): TableConstraint => ({ type: 'index', name: i.name, ...i.def })),
  ]
  return {
    columns: table.columns.map(columnOf),
    ...(constraints.length === 0 ? {} : { constraints }),
    ...(table.comment === undefined ? {} : { comment: table.comment }),
  }
}
