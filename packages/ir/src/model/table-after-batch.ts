import type { ForeignKeyDefinition } from '../elements/constraint.js'
import type { TableDefinition } from '../elements/table-definition.js'
import { AthanorError } from '../errors.js'
import type { BatchOp } from '../ops/batch.js'
import { builtinRegistry, type Registry } from '../registry.js'
import { applyOne } from './apply-ops.js'
import { tableDefinitionOf } from './convert.js'
import { findTable } from './lookup.js'
import { normalizeTable } from './normalize.js'
import type { ColumnModel, SchemaSnapshot, TableModel } from './snapshot.js'

type Reference = Pick<ForeignKeyDefinition, 'referentTable' | 'referentSchema' | 'remoteCols'>

/** Every foreign key the batch's table has before or gets during the batch. */
function references(op: BatchOp, copyFrom: TableDefinition): Reference[] {
  const out: Reference[] = []
  const fromColumn = (fk: { referentTable: string; remoteCol: string; referentSchema?: string }): Reference => ({
    referentTable: fk.referentTable,
    remoteCols: [fk.remoteCol],
    ...(fk.referentSchema === undefined ? {} : { referentSchema: fk.referentSchema }),
  })
  for (const c of copyFrom.constraints ?? []) if (c.type === 'foreignKey') out.push(c)
  for (const c of copyFrom.columns) if (c.foreignKey !== undefined) out.push(fromColumn(c.foreignKey))
  for (const child of op.ops) {
    if (child.kind === 'createForeignKey') out.push(child)
    if (child.kind === 'addColumn' && child.column.foreignKey !== undefined) out.push(fromColumn(child.column.foreignKey))
  }
  return out
}

/**
 * Stand-ins for the tables the batch's foreign keys point at, holding just the columns pointed
 * at, so that the batch applies without the rest of the schema (Alembic likewise builds
 * placeholder tables for a rebuild's REFERENCES clauses, catalog §3.7).
 */
function placeholders(op: BatchOp, copyFrom: TableDefinition): TableModel[] {
  const tables = new Map<string, { name: string; schema: string | undefined; columns: Set<string> }>()
  for (const ref of references(op, copyFrom)) {
    if (ref.referentTable === op.tableName && ref.referentSchema === op.schema) continue
    const key = JSON.stringify([ref.referentSchema ?? null, ref.referentTable])
    const entry = tables.get(key) ?? { name: ref.referentTable, schema: ref.referentSchema, columns: new Set<string>() }
    for (const c of ref.remoteCols) entry.columns.add(c)
    tables.set(key, entry)
  }
  return [...tables.values()].map((t) => ({
    name: t.name,
    ...(t.schema === undefined ? {} : { schema: t.schema }),
    columns: [...t.columns].map((name): ColumnModel => ({ name, type: 'integer', nullable: true })),
    constraints: [],
    indexes: [],
  }))
}

/**
 * The definition of a batch's table after its children, applied to its `copyFrom`: what the
 * reverse batch needs as its own `copyFrom`. The result is the model's form of the definition
 * (`tableDefinitionOf`), which describes the same table as a hand-written one but may spell it
 * differently (`nullable` stated, column flags as table-level items). Throws an `AthanorError`
 * with code `MISSING_FIELD` (path `copyFrom`) without `copyFrom`, and `ModelMismatchError` (path
 * `ops[i]…`) when a child does not fit the table.
 * @example
 * tableAfterBatch(batch({ tableName: 't', copyFrom: { columns: [{ name: 'a', type: 'integer' }] }, ops: [{ kind: 'addColumn', column: { name: 'b', type: 'text' } }] }), builtinRegistry())
 * // => { columns: [{ name: 'a', type: 'integer', nullable: true }, { name: 'b', type: 'text', nullable: true }] }
 */
export function tableAfterBatch(op: BatchOp, registry: Registry = builtinRegistry()): TableDefinition {
  const copyFrom = op.copyFrom
  if (copyFrom === undefined) {
    throw new AthanorError('MISSING_FIELD', { kind: op.kind, path: 'copyFrom', message: 'batch: the table after the batch needs copyFrom, the definition before it' })
  }
  const before: SchemaSnapshot = { tables: [...placeholders(op, copyFrom), normalizeTable(op.tableName, op.schema, copyFrom)] }
  const after = findTable(applyOne(before, op, registry), op.tableName, op.schema)
  if (after === undefined) throw new Error('internal: the batch table vanished')
  return tableDefinitionOf(after)
}
