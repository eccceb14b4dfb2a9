import type { AlterColumnOp } from '../ops/alter-column.js'
import type { CreateTableCommentOp } from '../ops/create-table-comment.js'
import type { DropColumnOp } from '../ops/drop-column.js'
import type { DropConstraintOp } from '../ops/drop-constraint.js'
import type { DropIndexOp } from '../ops/drop-index.js'
import type { DropTableCommentOp } from '../ops/drop-table-comment.js'
import type { DropTableOp } from '../ops/drop-table.js'
import { deepFreeze } from '../freeze.js'
import type { OpBase } from '../op-spec.js'
import type { BatchChildTypes, BuiltinOpKind, BuiltinOpTypes, Op } from '../op.js'
import { builtinRegistry, type Registry } from '../registry.js'
import { findIndex } from './apply-constraints.js'
import { childWithTable } from './apply-batch.js'
import { applyOne } from './apply-ops.js'
import { constraintDefinitionOf, indexDefinitionOf } from './convert-constraints.js'
import { columnOf, tableDefinitionOf } from './convert.js'
import { findTable, refuse, tableLabel, withPathPrefix } from './lookup.js'
import type { SchemaSnapshot, TableModel } from './snapshot.js'

/**
 * Options of {@link fillExisting} and {@link fillExistingAll}.
 * @example
 * declare const createViewDefinition: OpDefinition // a plugin's kind
 * const options: FillExistingOptions = { registry: createRegistry({ plugins: [createViewDefinition] }) }
 */
export interface FillExistingOptions {
  /** The kinds to apply while filling lists; built-in kinds when absent. */
  readonly registry?: Registry
}

/**
 * What {@link fillExistingAll} returns: the filled ops, and the snapshot after them.
 * @example
 * declare const snapshot: SchemaSnapshot
 * const { ops, snapshot: after }: FillResult = fillExistingAll([dropTable({ tableName: 'old' })], snapshot)
 */
export interface FillResult<O extends Op = Op> {
  readonly ops: readonly O[]
  readonly snapshot: SchemaSnapshot
}

/** The table an op works on: its own fields, or its batch's. */
interface Where {
  readonly tableName: string | undefined
  readonly schema: string | undefined
}

const isKind = <K extends BuiltinOpKind>(op: OpBase, kind: K): op is BuiltinOpTypes[K] => op.kind === kind
const isChild = <K extends keyof BatchChildTypes>(op: OpBase, kind: K): op is BatchChildTypes[K] => op.kind === kind

function whereOf(op: OpBase): Where {
  const tableName = 'tableName' in op && typeof op.tableName === 'string' ? op.tableName : undefined
  const schema = 'schema' in op && typeof op.schema === 'string' ? op.schema : undefined
  return { tableName, schema }
}

function tableFor(s: SchemaSnapshot, kind: string, where: Where, ifExists: boolean | undefined): TableModel | undefined {
  const table = where.tableName === undefined ? undefined : findTable(s, where.tableName, where.schema)
  if (table === undefined && ifExists !== true) {
    refuse(kind, 'tableName', `table ${tableLabel(where.tableName ?? '', where.schema)} not found; expected an existing table`)
  }
  return table
}

function missing(kind: string, path: string, what: string, table: TableModel): never {
  refuse(kind, path, `${what} not found in table ${tableLabel(table.name, table.schema)}; expected an existing one`)
}

type Child<O extends { readonly kind: string }> = Omit<O, 'tableName' | 'schema'>

function fillAlterColumn<O extends Child<AlterColumnOp>>(op: O, where: Where, s: SchemaSnapshot): O {
  const table = tableFor(s, op.kind, where, false)
  if (table === undefined) return op
  const col = table.columns.find((c) => c.name === op.columnName)
  if (col === undefined) missing(op.kind, 'columnName', `column ${JSON.stringify(op.columnName)}`, table)
  return deepFreeze({
    ...op,
    ...(op.existingType === undefined ? { existingType: col.type } : {}),
    ...(op.existingNullable === undefined ? { existingNullable: col.nullable } : {}),
    ...(op.existingServerDefault === undefined ? { existingServerDefault: col.serverDefault ?? null } : {}),
    ...(op.existingComment === undefined ? { existingComment: col.comment ?? null } : {}),
    ...(op.existingAutoincrement === undefined && col.autoincrement !== undefined ? { existingAutoincrement: col.autoincrement } : {}),
    ...(op.existingIdentity === undefined ? { existingIdentity: col.identity ?? null } : {}),
  })
}

function fillDropColumn<O extends Child<DropColumnOp>>(op: O, where: Where, s: SchemaSnapshot): O {
  // A column definition says what SQL Server must drop first, so the op refuses it next to the
  // mssqlDrop* flags: an op with a flag is left as it is.
  if (op.column !== undefined || op.mssqlDropDefault !== undefined || op.mssqlDropCheck !== undefined || op.mssqlDropForeignKey !== undefined) return op
  const table = tableFor(s, op.kind, where, false)
  if (table === undefined) return op
  if (!table.columns.some((c) => c.name === op.columnName)) {
    if (op.ifExists === true) return op
    missing(op.kind, 'columnName', `column ${JSON.stringify(op.columnName)}`, table)
  }
  const column = columnOf(table, op.columnName)
  return deepFreeze({ ...op, column, ...(column.primaryKey === true && op.inlinePrimaryKey === undefined ? { inlinePrimaryKey: true } : {}) })
}

function fillDropTable<O extends DropTableOp>(op: O, s: SchemaSnapshot): O {
  if (op.table !== undefined) return op
  const table = tableFor(s, op.kind, whereOf(op), op.ifExists)
  return table === undefined ? op : deepFreeze({ ...op, table: tableDefinitionOf(table) })
}

function fillDropConstraint<O extends Child<DropConstraintOp>>(op: O, where: Where, s: SchemaSnapshot): O {
  if (op.constraint !== undefined) return op
  const table = tableFor(s, op.kind, where, false)
  if (table === undefined) return op
  const c = table.constraints.find((x) => x.name === op.constraintName)
  if (c === undefined) {
    if (op.ifExists === true) return op
    missing(op.kind, 'constraintName', `constraint ${JSON.stringify(op.constraintName)}`, table)
  }
  if (op.type !== undefined && op.type !== c.type) {
    refuse(op.kind, 'type', `constraint ${JSON.stringify(op.constraintName)} is a ${c.type} constraint; expected ${JSON.stringify(c.type)}, found ${JSON.stringify(op.type)}`)
  }
  return deepFreeze({ ...op, type: c.type, constraint: constraintDefinitionOf(c) })
}

function fillDropIndex<O extends Child<DropIndexOp>>(op: O, where: Where, s: SchemaSnapshot, addTableName: boolean): O {
  if (op.index !== undefined && (where.tableName !== undefined || !addTableName)) return op
  const table = where.tableName === undefined ? undefined : tableFor(s, op.kind, where, false)
  const found = findIndex(table === undefined ? s.tables : [table], op.indexName, where.schema)
  if (found === undefined) {
    if (op.ifExists === true) return op
    refuse(op.kind, 'indexName', `index ${JSON.stringify(op.indexName)} not found${table === undefined ? '' : ` on table ${tableLabel(table.name, table.schema)}`}; expected an existing index`)
  }
  const ix = found.table.indexes[found.at]
  return deepFreeze({
    ...op,
    ...(addTableName && where.tableName === undefined ? { tableName: found.table.name } : {}),
    ...(op.index === undefined && ix !== undefined ? { index: indexDefinitionOf(ix) } : {}),
  })
}

function fillCreateTableComment<O extends Child<CreateTableCommentOp>>(op: O, where: Where, s: SchemaSnapshot): O {
  if (op.existingComment !== undefined) return op
  const table = tableFor(s, op.kind, where, false)
  return table === undefined ? op : deepFreeze({ ...op, existingComment: table.comment ?? null })
}

function fillDropTableComment<O extends Child<DropTableCommentOp>>(op: O, where: Where, s: SchemaSnapshot): O {
  if (op.existingComment !== undefined) return op
  const table = tableFor(s, op.kind, where, false)
  return table?.comment === undefined ? op : deepFreeze({ ...op, existingComment: table.comment })
}

/** Fills one op that holds no other ops; `batch` is the table of its batch, when it is a batch child. */
function fillLeaf<O extends OpBase>(op: O, batch: Where | undefined, s: SchemaSnapshot): O {
  const where = batch ?? whereOf(op)
  if (isChild(op, 'alterColumn')) return fillAlterColumn(op, where, s)
  if (isChild(op, 'dropColumn')) return fillDropColumn(op, where, s)
  if (isChild(op, 'dropConstraint')) return fillDropConstraint(op, where, s)
  if (isChild(op, 'dropIndex')) return fillDropIndex(op, where, s, batch === undefined)
  if (isChild(op, 'createTableComment')) return fillCreateTableComment(op, where, s)
  if (isChild(op, 'dropTableComment')) return fillDropTableComment(op, where, s)
  if (isKind(op, 'dropTable')) return fillDropTable(op, s)
  return op
}

function fillList<O extends OpBase>(ops: readonly O[], s: SchemaSnapshot, registry: Registry, field: string): { ops: readonly O[]; snapshot: SchemaSnapshot } {
  let snapshot = s
  const out = ops.map((op, i) =>
    withPathPrefix(`${field}[${i}]`, () => {
      const r = fillDeep(op, snapshot, registry)
      snapshot = r.snapshot
      return r.op
    }),
  )
  return { ops: Object.freeze(out), snapshot }
}

function fillDeep<O extends OpBase>(op: O, s: SchemaSnapshot, registry: Registry): { op: O; snapshot: SchemaSnapshot } {
  if (isKind(op, 'batch')) {
    if (findTable(s, op.tableName, op.schema) === undefined) refuse(op.kind, 'tableName', `table ${tableLabel(op.tableName, op.schema)} not found; expected an existing table`)
    const where = { tableName: op.tableName, schema: op.schema }
    let inner = s
    const ops = op.ops.map((child, i) =>
      withPathPrefix(`ops[${i}]`, () => {
        const filled = fillLeaf(child, where, inner)
        inner = applyOne(inner, childWithTable(filled, registry, op.tableName, op.schema), registry)
        return filled
      }),
    )
    const out = deepFreeze({ ...op, ops })
    return { op: out, snapshot: applyOne(s, out, registry) }
  }
  if (isKind(op, 'modifyTableOps') || isKind(op, 'upgradeOps') || isKind(op, 'downgradeOps')) {
    const r = fillList(op.ops, s, registry, 'ops')
    return { op: deepFreeze({ ...op, ops: r.ops }), snapshot: r.snapshot }
  }
  if (isKind(op, 'migrationScript')) {
    // The downgrade runs against the schema the upgrade leaves; it is filled against that, and
    // the snapshot returned is the upgrade's.
    const up = fillList(op.upgradeOps, s, registry, 'upgradeOps')
    const down = fillList(op.downgradeOps, up.snapshot, registry, 'downgradeOps')
    return { op: deepFreeze({ ...op, upgradeOps: up.ops, downgradeOps: down.ops }), snapshot: up.snapshot }
  }
  const filled = fillLeaf(op, undefined, s)
  return { op: filled, snapshot: applyOne(s, filled, registry) }
}

/**
 * `op` with what it lacks filled from `snapshot`, never overwriting what it gives: alterColumn
 * `existingType`, `existingNullable`, `existingServerDefault` (`null`: no default),
 * `existingComment` (`null`: none), `existingIdentity` (`null`: none), `existingAutoincrement`
 * (when the model states it); dropColumn `column` (see `columnOf`; plus `inlinePrimaryKey` for
 * a key column; nothing when the op has an `mssqlDrop*` flag, which `column` excludes); dropTable
 * `table`; dropConstraint `type` and `constraint`; dropIndex `tableName` and `index`;
 * createTableComment `existingComment` (`null`: none); dropTableComment `existingComment` (when
 * there is one). Batches and containers are filled child by child, each child against the
 * schema the previous ones leave. With that, `reverse` and the MySQL, SQL Server and SQLite
 * compilers can work from a model instead of a live database. Throws `ModelMismatchError` when
 * what the op names is not in the snapshot (unless `ifExists` says it may be absent).
 * @example
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'id', type: 'integer' }, { name: 'nickname', type: 'text' }] })])
 * fillExisting(dropColumn({ tableName: 'account', columnName: 'nickname' }), snapshot)
 * // => dropColumn({ tableName: 'account', columnName: 'nickname', column: { name: 'nickname', type: 'text', nullable: true } })
 */
export function fillExisting<O extends Op>(op: O, snapshot: SchemaSnapshot, options: FillExistingOptions = {}): O {
  return fillDeep(op, snapshot, options.registry ?? builtinRegistry()).op
}

/**
 * Fills each op of a list with {@link fillExisting}, applying it to the snapshot before filling
 * the next; returns the filled ops and the snapshot after them. Error paths start with the op's
 * index (`[2].columnName`).
 * @example
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'a', type: 'text' }] })])
 * const { ops, snapshot: after } = fillExistingAll([alterColumn({ tableName: 't', columnName: 'a', nullable: false })], snapshot)
 * ops[0]?.existingNullable // => true
 * after.tables[0]?.columns[0]?.nullable // => false
 */
export function fillExistingAll<O extends Op>(ops: readonly O[], snapshot: SchemaSnapshot, options: FillExistingOptions = {}): FillResult<O> {
  const r = fillList(ops, snapshot, options.registry ?? builtinRegistry(), '')
  return Object.freeze({ ops: r.ops, snapshot: deepFreeze(r.snapshot) })
}
