/**
 * Diff tuples (Alembic's `MigrateOperation.to_diff_tuple` and `OpContainer.as_diffs`, catalog
 * §1.15): each op as the "what changed" tuple that Alembic's autogenerate compares and renders.
 *
 * Where Alembic puts a SQLAlchemy `Table`, `Constraint` or `Index` object in a tuple, Athanor puts
 * the op node itself (a `CreateTableOp` holds the whole table definition, a `CreateIndexOp` the
 * whole index, and so on); where Alembic puts a `Column`, Athanor puts the {@link Column} object of
 * the op. `schema` is `null` when the op has none, as Alembic's `None`. In the `alterColumn`
 * tuples, an `existing*` value that the op does not give is `undefined` ("not known"), because
 * `null` already means "none" (no default, no comment).
 */
import { AthanorError } from './errors.js'
import { builtinSpecs } from './builtins.js'
import type { DowngradeOps } from './containers/downgrade-ops.js'
import type { ModifyTableOps } from './containers/modify-table-ops.js'
import type { UpgradeOps } from './containers/upgrade-ops.js'
import type { ColumnType } from './elements/column-type.js'
import type { Column, Identity } from './elements/column.js'
import type { ServerDefault } from './elements/server-default.js'
import type { OpBase } from './op-spec.js'
import type { BatchChildOp, BuiltinOpKind, BuiltinOpTypes, Op } from './op.js'
import type { AddColumnOp } from './ops/add-column.js'
import type { AlterColumnOp } from './ops/alter-column.js'
import type { BatchOp } from './ops/batch.js'
import type { CreateCheckConstraintOp } from './ops/create-check-constraint.js'
import type { CreateForeignKeyOp } from './ops/create-foreign-key.js'
import type { CreateIndexOp } from './ops/create-index.js'
import type { CreatePrimaryKeyOp } from './ops/create-primary-key.js'
import type { CreateTableCommentOp } from './ops/create-table-comment.js'
import type { CreateTableOp } from './ops/create-table.js'
import type { CreateUniqueConstraintOp } from './ops/create-unique-constraint.js'
import type { DropColumnOp } from './ops/drop-column.js'
import type { DropConstraintOp } from './ops/drop-constraint.js'
import type { DropIndexOp } from './ops/drop-index.js'
import type { DropTableCommentOp } from './ops/drop-table-comment.js'
import type { DropTableOp } from './ops/drop-table.js'
import type { ExecuteSqlOp } from './ops/execute-sql.js'
import type { RenameTableOp } from './ops/rename-table.js'

/**
 * What stands for a dropped column whose definition the `dropColumn` does not carry: its name
 * only (Alembic puts an untyped placeholder column there).
 * @example
 * toDiffTuple(dropColumn({ tableName: 'account', columnName: 'plan' }))
 * // => ['remove_column', null, 'account', { name: 'plan' }]
 */
export interface ColumnPlaceholder {
  readonly name: string
}

/**
 * What an `alterColumn` says about the column as it is now. A member is absent when the op does
 * not say; `null` means "none" (no default, no comment).
 * @example
 * const now: ExistingColumnState = { existingType: 'text', existingServerDefault: null }
 */
export interface ExistingColumnState {
  readonly existingType?: ColumnType
  readonly existingNullable?: boolean
  readonly existingServerDefault?: ServerDefault | null
  readonly existingComment?: string | null
  readonly existingAutoincrement?: boolean
  readonly existingIdentity?: Identity | null
}

/**
 * One change, as Alembic's autogenerate names it. The first item says which change; the rest, in
 * Alembic's order, say where and what.
 * @example
 * const d: DiffTuple = ['add_column', null, 'account', { name: 'plan', type: 'text' }]
 */
export type DiffTuple =
  | readonly ['add_column', schema: string | null, tableName: string, column: Column]
  | readonly ['remove_column', schema: string | null, tableName: string, column: Column | ColumnPlaceholder]
  | readonly [
      'modify_type',
      schema: string | null,
      tableName: string,
      columnName: string,
      existing: Pick<ExistingColumnState, 'existingNullable' | 'existingServerDefault' | 'existingComment'>,
      existingType: ColumnType | undefined,
      type: ColumnType,
    ]
  | readonly [
      'modify_nullable',
      schema: string | null,
      tableName: string,
      columnName: string,
      existing: Pick<ExistingColumnState, 'existingType' | 'existingServerDefault' | 'existingComment'>,
      existingNullable: boolean | undefined,
      nullable: boolean,
    ]
  | readonly [
      'modify_default',
      schema: string | null,
      tableName: string,
      columnName: string,
      existing: Pick<ExistingColumnState, 'existingNullable' | 'existingType' | 'existingComment'>,
      existingServerDefault: ServerDefault | null | undefined,
      serverDefault: ServerDefault | null,
    ]
  | readonly [
      'modify_comment',
      schema: string | null,
      tableName: string,
      columnName: string,
      existing: Pick<ExistingColumnState, 'existingNullable' | 'existingType' | 'existingServerDefault'>,
      existingComment: string | null | undefined,
      comment: string | null,
    ]
  // Differs from Alembic, where an identity is a kind of server default (a `modify_default`).
  | readonly [
      'modify_identity',
      schema: string | null,
      tableName: string,
      columnName: string,
      existing: Pick<ExistingColumnState, 'existingNullable' | 'existingType' | 'existingServerDefault' | 'existingComment'>,
      existingIdentity: Identity | null | undefined,
      identity: Identity | null,
    ]
  // Differs from Alembic: its alter_column has no diff for an autoincrement change.
  | readonly [
      'modify_autoincrement',
      schema: string | null,
      tableName: string,
      columnName: string,
      existing: Pick<ExistingColumnState, 'existingNullable' | 'existingType' | 'existingServerDefault' | 'existingComment'>,
      existingAutoincrement: boolean | undefined,
      autoincrement: boolean,
    ]
  // Differs from Alembic: a column rename has no diff representation there.
  | readonly ['rename_column', schema: string | null, tableName: string, columnName: string, newColumnName: string]
  | readonly ['add_table', op: CreateTableOp]
  | readonly ['remove_table', op: DropTableOp]
  // Differs from Alembic: `RenameTableOp.to_diff_tuple` is not implemented there.
  | readonly ['rename_table', schema: string | null, oldTableName: string, newTableName: string]
  | readonly ['add_constraint', op: CreatePrimaryKeyOp | CreateUniqueConstraintOp | CreateCheckConstraintOp]
  | readonly ['add_fk', op: CreateForeignKeyOp]
  | readonly ['remove_constraint', op: DropConstraintOp]
  | readonly ['remove_fk', op: DropConstraintOp & { readonly type: 'foreignKey' }]
  | readonly ['add_index', op: CreateIndexOp]
  | readonly ['remove_index', op: DropIndexOp]
  | readonly ['add_table_comment', op: CreateTableCommentOp, existingComment: string | null | undefined]
  | readonly ['remove_table_comment', op: DropTableCommentOp]
  | readonly ['execute', sqltext: string]

/**
 * The name of a change: the first item of a {@link DiffTuple}.
 * @example
 * const k: DiffKind = toDiffTuple(executeSql({ sqltext: 'SELECT 1' }))[0] // => 'execute'
 */
export type DiffKind = DiffTuple[0]

/**
 * The tuple of one change.
 * @example
 * const d: DiffOf<'rename_table'> = ['rename_table', null, 'account', 'user_account']
 */
export type DiffOf<K extends DiffKind> = Extract<DiffTuple, readonly [K, ...unknown[]]>

/**
 * The tuples of an `alterColumn`: one per change it makes.
 * @example
 * const d: readonly AlterColumnDiff[] = toDiffTuple(alterColumn({ tableName: 't', columnName: 'c', newColumnName: 'd' }))
 * // => [['rename_column', null, 't', 'c', 'd']]
 */
export type AlterColumnDiff = DiffOf<
  'modify_type' | 'modify_nullable' | 'modify_default' | 'modify_identity' | 'modify_comment' | 'modify_autoincrement' | 'rename_column'
>

/**
 * What each op kind that has a diff form turns into; the return type of {@link toDiffTuple}.
 * @example
 * const d: DiffTupleOfOp['renameTable'] = ['rename_table', null, 'a', 'b']
 */
export interface DiffTupleOfOp {
  addColumn: DiffOf<'add_column'>
  dropColumn: DiffOf<'remove_column'>
  alterColumn: readonly AlterColumnDiff[]
  createTable: DiffOf<'add_table'>
  dropTable: DiffOf<'remove_table'>
  renameTable: DiffOf<'rename_table'>
  createIndex: DiffOf<'add_index'>
  dropIndex: DiffOf<'remove_index'>
  createPrimaryKey: DiffOf<'add_constraint'>
  createUniqueConstraint: DiffOf<'add_constraint'>
  createForeignKey: DiffOf<'add_fk'>
  createCheckConstraint: DiffOf<'add_constraint'>
  dropConstraint: DiffOf<'remove_constraint' | 'remove_fk'>
  createTableComment: DiffOf<'add_table_comment'>
  dropTableComment: DiffOf<'remove_table_comment'>
  executeSql: DiffOf<'execute'>
}

/**
 * An op that has a diff form: every built-in kind but `bulkInsert`, the containers and `batch`.
 * @example
 * const op: DiffableOp = executeSql({ sqltext: 'SELECT 1' })
 */
export type DiffableOp = BuiltinOpTypes[keyof DiffTupleOfOp]

/**
 * What {@link asDiffs} flattens: Alembic's op containers, and a batch.
 * @example
 * const c: DiffContainer = upgradeOps({ ops: [] })
 */
export type DiffContainer = UpgradeOps | DowngradeOps | ModifyTableOps | BatchOp

/** Kinds with no diff form say why instead. */
interface NoDiff {
  readonly noDiff: string
}

/** One entry per built-in kind: its diff form, typed as {@link DiffTupleOfOp} says, or why it has none. */
type Differs = { readonly [K in keyof DiffTupleOfOp]: (op: BuiltinOpTypes[K]) => DiffTupleOfOp[K] } & {
  readonly [K in Exclude<BuiltinOpKind, keyof DiffTupleOfOp>]: NoDiff
}

const schemaOf = (schema: string | undefined): string | null => schema ?? null

function tuple<T extends DiffTuple>(t: T): T {
  return Object.freeze(t)
}

/** Copies the listed `existing*` members that the op gives. */
function existing<K extends keyof ExistingColumnState>(op: AlterColumnOp, keys: readonly K[]): Pick<ExistingColumnState, K> {
  const out: Partial<Record<keyof ExistingColumnState, unknown>> = {}
  for (const k of keys) if (op[k] !== undefined) out[k] = op[k]
  return Object.freeze(out) as Pick<ExistingColumnState, K>
}

function alterColumnDiffs(op: AlterColumnOp): readonly AlterColumnDiff[] {
  const at = [schemaOf(op.schema), op.tableName, op.columnName] as const
  const out: AlterColumnDiff[] = []
  // Alembic's order: type, nullable, default, comment; then what Alembic has no tuple for.
  if (op.type !== undefined) {
    out.push(tuple(['modify_type', ...at, existing(op, ['existingNullable', 'existingServerDefault', 'existingComment']), op.existingType, op.type]))
  }
  if (op.nullable !== undefined) {
    out.push(tuple(['modify_nullable', ...at, existing(op, ['existingType', 'existingServerDefault', 'existingComment']), op.existingNullable, op.nullable]))
  }
  if (op.serverDefault !== undefined) {
    out.push(tuple(['modify_default', ...at, existing(op, ['existingNullable', 'existingType', 'existingComment']), op.existingServerDefault, op.serverDefault]))
  }
  // Differs from Alembic, where an identity is a server default: after the default, as compilers apply it.
  if (op.identity !== undefined) {
    const state = existing(op, ['existingNullable', 'existingType', 'existingServerDefault', 'existingComment'])
    out.push(tuple(['modify_identity', ...at, state, op.existingIdentity, op.identity]))
  }
  if (op.comment !== undefined) {
    out.push(tuple(['modify_comment', ...at, existing(op, ['existingNullable', 'existingType', 'existingServerDefault']), op.existingComment, op.comment]))
  }
  // Differs from Alembic, which leaves autoincrement changes and renames out of the diff.
  if (op.autoincrement !== undefined) {
    const state = existing(op, ['existingNullable', 'existingType', 'existingServerDefault', 'existingComment'])
    out.push(tuple(['modify_autoincrement', ...at, state, op.existingAutoincrement, op.autoincrement]))
  }
  // Last, as the other tuples name the column by its old name (and as Alembic renames last).
  if (op.newColumnName !== undefined) out.push(tuple(['rename_column', ...at, op.newColumnName]))
  return Object.freeze(out)
}

const isForeignKeyDrop = (op: DropConstraintOp): op is DropConstraintOp & { readonly type: 'foreignKey' } => op.type === 'foreignKey'

const noDiff = (why: string): NoDiff => ({ noDiff: why })

/** The diff form of every built-in kind, or why it has none. */
const differs: Differs = {
  addColumn: (op) => tuple(['add_column', schemaOf(op.schema), op.tableName, op.column]),
  dropColumn: (op) => tuple(['remove_column', schemaOf(op.schema), op.tableName, op.column ?? Object.freeze({ name: op.columnName })]),
  alterColumn: alterColumnDiffs,
  createTable: (op) => tuple(['add_table', op]),
  // Without `table` the op still names the table dropped; Alembic too gives a bare table there.
  dropTable: (op) => tuple(['remove_table', op]),
  // Differs from Alembic, which raises NotImplementedError: a rename has an obvious diff form.
  renameTable: (op) => tuple(['rename_table', schemaOf(op.schema), op.oldTableName, op.newTableName]),
  createIndex: (op) => tuple(['add_index', op]),
  dropIndex: (op) => tuple(['remove_index', op]),
  createPrimaryKey: (op) => tuple(['add_constraint', op]),
  createUniqueConstraint: (op) => tuple(['add_constraint', op]),
  createForeignKey: (op) => tuple(['add_fk', op]),
  createCheckConstraint: (op) => tuple(['add_constraint', op]),
  // Differs from Alembic, which raises when the drop does not carry the constraint dropped: the op
  // is the payload here, and its name, table and `type` say what is dropped. A drop without
  // `type` is a `remove_constraint`, as in Alembic.
  dropConstraint: (op) => (isForeignKeyDrop(op) ? tuple(['remove_fk', op]) : tuple(['remove_constraint', op])),
  createTableComment: (op) => tuple(['add_table_comment', op, op.existingComment]),
  dropTableComment: (op) => tuple(['remove_table_comment', op]),
  executeSql: (op) => tuple(['execute', op.sqltext]),
  bulkInsert: noDiff('inserting rows is not a schema change, so it has no diff form (as in Alembic)'),
  batch: noDiff('a batch holds ops; use asDiffs to get the diffs of its children'),
  modifyTableOps: noDiff('a container holds ops; use asDiffs to get the diffs of its children'),
  upgradeOps: noDiff('a container holds ops; use asDiffs to get the diffs of its children'),
  downgradeOps: noDiff('a container holds ops; use asDiffs to get the diffs of its children'),
  migrationScript: noDiff('a migration script holds upgradeOps and downgradeOps; use asDiffs on each'),
}

function diffOf(op: OpBase): DiffTuple | readonly DiffTuple[] {
  const d: ((op: never) => DiffTuple | readonly DiffTuple[]) | NoDiff | undefined = Object.hasOwn(differs, op.kind)
    ? differs[op.kind as BuiltinOpKind]
    : undefined
  if (d === undefined || 'noDiff' in d) {
    // No ErrorCode says "has no diff form"; UNSUPPORTED_OPERATION is the nearest ("cannot do
    // what the op asks"). Plugin kinds have no diff form: the registry has no slot for one.
    const why = d === undefined ? `${JSON.stringify(op.kind)} is not a built-in kind, and plugin kinds have no diff form` : d.noDiff
    throw new AthanorError('UNSUPPORTED_OPERATION', { kind: op.kind, path: '', message: `${op.kind}: no diff tuple: ${why}` })
  }
  return d(op as never)
}

/**
 * The diff tuple of one op (Alembic's `to_diff_tuple`): a tuple, or for `alterColumn` a list of
 * tuples, one per change (possibly empty). Throws an {@link AthanorError} with code
 * `UNSUPPORTED_OPERATION` for `bulkInsert`, containers, batches and plugin kinds, which have no
 * diff form.
 * @example
 * toDiffTuple(addColumn({ tableName: 'account', column: { name: 'plan', type: 'text' } }))
 * // => ['add_column', null, 'account', { name: 'plan', type: 'text' }]
 * toDiffTuple(alterColumn({ tableName: 'account', columnName: 'plan', nullable: false, existingNullable: true }))
 * // => [['modify_nullable', null, 'account', 'plan', {}, true, false]]
 */
export function toDiffTuple<O extends DiffableOp>(op: O): DiffTupleOfOp[O['kind']]
export function toDiffTuple(op: Op): DiffTuple | readonly DiffTuple[]
export function toDiffTuple(op: Op): DiffTuple | readonly DiffTuple[] {
  return diffOf(op)
}

function isTupleList(d: DiffTuple | readonly DiffTuple[]): d is readonly DiffTuple[] {
  return d.length === 0 || Array.isArray(d[0])
}

function hasOps(op: OpBase): op is OpBase & { readonly ops: readonly OpBase[] } {
  return Array.isArray((op as { readonly ops?: unknown }).ops)
}

/**
 * A batch child as the op it stands for outside the batch: the batch's table in the child's
 * table fields (`tableName`/`schema`, or `sourceTable`/`sourceSchema` of a foreign key), and
 * without the fields only a batch child has (`insertBefore`, `insertAfter`).
 */
function outsideBatch(child: BatchChildOp, batch: BatchOp): OpBase {
  const rules = Object.hasOwn(builtinSpecs, child.kind) ? builtinSpecs[child.kind].batch : undefined
  const [tableField, schemaField] = rules?.tableFields ?? []
  const batchOnly = Object.keys(rules?.batchFields ?? {})
  const fields: Record<string, unknown> = {}
  if (tableField !== undefined) fields[tableField] = batch.tableName
  if (schemaField !== undefined && batch.schema !== undefined) fields[schemaField] = batch.schema
  for (const [k, v] of Object.entries(child)) if (k !== 'kind' && !batchOnly.includes(k)) fields[k] = v
  return Object.freeze({ kind: child.kind, ...fields }) as OpBase
}

function collect(op: OpBase, out: DiffTuple[]): void {
  if (op.kind === 'batch') {
    const b = op as BatchOp
    for (const child of b.ops) collect(outsideBatch(child, b), out)
  } else if (hasOps(op)) {
    // Like Alembic's as_diffs: any child that holds ops is descended.
    for (const child of op.ops) collect(child, out)
  } else {
    const d = diffOf(op)
    if (isTupleList(d)) out.push(...d)
    else out.push(d)
  }
}

/**
 * Every diff tuple of a container, in order (Alembic's `as_diffs`): nested containers are
 * flattened, `alterColumn` lists are spread, and a batch's children get the batch's table (and
 * schema) filled in. Throws like {@link toDiffTuple} when a leaf has no diff form.
 * @example
 * asDiffs(batch({ tableName: 'account', ops: [{ kind: 'dropIndex', indexName: 'ix_account_email' }] }))
 * // => [['remove_index', { kind: 'dropIndex', tableName: 'account', indexName: 'ix_account_email' }]]
 */
export function asDiffs(container: DiffContainer): readonly DiffTuple[] {
  const out: DiffTuple[] = []
  collect(container, out)
  return Object.freeze(out)
}
