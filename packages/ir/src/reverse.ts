import { NotReversibleError } from './errors.js'
import { deepFreeze } from './freeze.js'
import type { ConstraintDefinition } from './elements/constraint.js'
import type { IndexDefinition } from './elements/index-definition.js'
import type { TableDefinition } from './elements/table-definition.js'
import { tableAfterBatch } from './model/table-after-batch.js'
import type { OpBase } from './op-spec.js'
import type { BuiltinOpKind, BuiltinOpTypes, Op } from './op.js'
import { builtinRegistry, type OpDefinition, type Registry, type ReverseContext } from './registry.js'
import type { OpPlace } from './spec.js'

/** How one kind reverses. */
export type Reverser<O extends OpBase> = (op: O, ctx: ReverseContext) => OpBase

type Fields = Record<string, unknown>

/** Copies `from[key]` to `to[asKey]` when it is present. */
function put(to: Fields, asKey: string, value: unknown): void {
  if (value !== undefined) to[asKey] = value
}

/** Copies every field but `omit`. */
function without(op: object, omit: readonly string[]): Fields {
  const out: Fields = {}
  for (const [k, v] of Object.entries(op)) if (!omit.includes(k)) out[k] = v
  return out
}

function missing(kind: string, field: string, why: string): never {
  throw new NotReversibleError({ kind, path: field, message: `${kind}: cannot reverse without ${field} (${why})` })
}

function node(kind: string, fields: Fields): OpBase {
  return Object.freeze({ kind, ...fields }) as OpBase
}

const ALTER_PAIRS = [
  ['type', 'existingType'],
  ['nullable', 'existingNullable'],
  ['serverDefault', 'existingServerDefault'],
  ['identity', 'existingIdentity'],
  ['comment', 'existingComment'],
  ['autoincrement', 'existingAutoincrement'],
  ['postgresqlUsing', 'postgresqlReverseUsing'],
] as const

const CONSTRAINT_OPS = {
  primaryKey: 'createPrimaryKey',
  unique: 'createUniqueConstraint',
  foreignKey: 'createForeignKey',
  check: 'createCheckConstraint',
} as const

const TABLE_OWN = ['kind', 'tableName', 'schema', 'ifNotExists', 'info'] as const

function swapToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined
  if (token.startsWith('upgrades')) return `downgrades${token.slice('upgrades'.length)}`
  if (token.startsWith('downgrades')) return `upgrades${token.slice('downgrades'.length)}`
  return token
}

function reverseChildren(ops: readonly OpBase[], ctx: ReverseContext, place: OpPlace): readonly OpBase[] {
  const out: OpBase[] = []
  for (let i = ops.length - 1; i >= 0; i--) {
    try {
      out.push(ctx.reverse(ops[i] as OpBase, place))
    } catch (e) {
      // Name the child: `ops[1].column`, not just `column`.
      if (e instanceof NotReversibleError) {
        const path = e.path === undefined || e.path === '' ? `ops[${i}]` : `ops[${i}].${e.path}`
        throw new NotReversibleError({ ...(e.kind === undefined ? {} : { kind: e.kind }), path, message: e.message, cause: e })
      }
      throw e
    }
  }
  return Object.freeze(out)
}

function constraintDrop(op: Fields & OpBase, type: ConstraintDefinition['type'], tableKey: string, schemaKey: string): OpBase {
  const constraint = { type, ...without(op, ['kind', 'constraintName', tableKey, schemaKey, 'ifNotExists', 'info']) }
  const out: Fields = { constraintName: op['constraintName'] }
  put(out, 'tableName', op[tableKey])
  put(out, 'schema', op[schemaKey])
  out['type'] = type
  put(out, 'ifExists', op['ifNotExists'])
  out['constraint'] = constraint
  put(out, 'info', op.info)
  return node('dropConstraint', out)
}

/** The reverse of every built-in kind that has one. Kinds absent here are not reversible. */
export const builtinReversers: { readonly [K in BuiltinOpKind]?: Reverser<BuiltinOpTypes[K]> } = {
  addColumn: (op) => {
    const o = op as typeof op & { insertBefore?: string; insertAfter?: string }
    const out: Fields = {}
    put(out, 'tableName', o.tableName)
    out['columnName'] = o.column.name
    put(out, 'schema', o.schema)
    put(out, 'ifExists', o.ifNotExists)
    out['column'] = o.column
    put(out, 'inlineReferences', o.inlineReferences)
    put(out, 'inlinePrimaryKey', o.inlinePrimaryKey)
    put(out, 'insertBefore', o.insertBefore)
    put(out, 'insertAfter', o.insertAfter)
    put(out, 'info', o.info)
    return node('dropColumn', out)
  },
  dropColumn: (op) => {
    const o = op as typeof op & { insertBefore?: string; insertAfter?: string }
    if (o.column === undefined) missing(o.kind, 'column', 'the definition of the dropped column')
    const out: Fields = {}
    put(out, 'tableName', o.tableName)
    out['column'] = o.column
    put(out, 'schema', o.schema)
    put(out, 'ifNotExists', o.ifExists)
    put(out, 'inlineReferences', o.inlineReferences)
    put(out, 'inlinePrimaryKey', o.inlinePrimaryKey)
    put(out, 'insertBefore', o.insertBefore)
    put(out, 'insertAfter', o.insertAfter)
    put(out, 'info', o.info)
    return node('addColumn', out)
  },
  alterColumn: (op) => {
    // Differs from Alembic: a rename reverses to the rename back, and a change whose existing
    // value is unknown is refused instead of reversed to "unchanged".
    const out = without(op, ['kind'])
    if (op.newColumnName !== undefined) {
      out['columnName'] = op.newColumnName
      out['newColumnName'] = op.columnName
    }
    for (const [change, existing] of ALTER_PAIRS) {
      const now = (op as unknown as Fields)[change]
      if (now === undefined) continue
      const before = (op as unknown as Fields)[existing]
      if (before === undefined && change !== 'postgresqlUsing') {
        missing(op.kind, existing, `the value of ${change} before the change`)
      }
      delete out[change]
      delete out[existing]
      put(out, change, before)
      put(out, existing, now)
    }
    if (op.postgresqlUsing === undefined && op.postgresqlReverseUsing !== undefined) {
      out['postgresqlUsing'] = op.postgresqlReverseUsing
      delete out['postgresqlReverseUsing']
    }
    return node('alterColumn', out)
  },
  createTable: (op) => {
    const out: Fields = { tableName: op.tableName }
    put(out, 'schema', op.schema)
    put(out, 'ifExists', op.ifNotExists)
    out['table'] = without(op, TABLE_OWN) as unknown as TableDefinition
    put(out, 'info', op.info)
    return node('dropTable', out)
  },
  dropTable: (op) => {
    if (op.table === undefined) missing(op.kind, 'table', 'the definition of the dropped table')
    const out: Fields = { tableName: op.tableName }
    put(out, 'schema', op.schema)
    put(out, 'ifNotExists', op.ifExists)
    Object.assign(out, op.table)
    put(out, 'info', op.info)
    return node('createTable', out)
  },
  renameTable: (op) => {
    const out: Fields = { oldTableName: op.newTableName, newTableName: op.oldTableName }
    put(out, 'schema', op.schema)
    put(out, 'info', op.info)
    return node('renameTable', out)
  },
  createIndex: (op) => {
    const out: Fields = { indexName: op.indexName }
    put(out, 'tableName', op.tableName)
    put(out, 'schema', op.schema)
    put(out, 'ifExists', op.ifNotExists)
    put(out, 'postgresqlConcurrently', op.postgresqlConcurrently)
    out['index'] = without(op, ['kind', 'indexName', 'tableName', 'schema', 'ifNotExists', 'postgresqlConcurrently', 'info']) as unknown as IndexDefinition
    put(out, 'info', op.info)
    return node('dropIndex', out)
  },
  dropIndex: (op, ctx) => {
    if (op.index === undefined) missing(op.kind, 'index', 'the definition of the dropped index')
    if (ctx.place === 'top' && op.tableName === undefined) missing(op.kind, 'tableName', 'the table the index is created on')
    const out: Fields = { indexName: op.indexName }
    put(out, 'tableName', op.tableName)
    put(out, 'schema', op.schema)
    put(out, 'ifNotExists', op.ifExists)
    put(out, 'postgresqlConcurrently', op.postgresqlConcurrently)
    Object.assign(out, op.index)
    put(out, 'info', op.info)
    return node('createIndex', out)
  },
  createPrimaryKey: (op) => constraintDrop(op as unknown as Fields & OpBase, 'primaryKey', 'tableName', 'schema'),
  createUniqueConstraint: (op) => constraintDrop(op as unknown as Fields & OpBase, 'unique', 'tableName', 'schema'),
  createForeignKey: (op) => constraintDrop(op as unknown as Fields & OpBase, 'foreignKey', 'sourceTable', 'sourceSchema'),
  createCheckConstraint: (op) => constraintDrop(op as unknown as Fields & OpBase, 'check', 'tableName', 'schema'),
  dropConstraint: (op) => {
    const c = op.constraint
    if (c === undefined) missing(op.kind, 'constraint', 'the definition of the dropped constraint')
    const isFk = c.type === 'foreignKey'
    const out: Fields = { constraintName: op.constraintName }
    put(out, isFk ? 'sourceTable' : 'tableName', op.tableName)
    put(out, isFk ? 'sourceSchema' : 'schema', op.schema)
    put(out, 'ifNotExists', op.ifExists)
    Object.assign(out, without(c, ['type']))
    put(out, 'info', op.info)
    return node(CONSTRAINT_OPS[c.type], out)
  },
  createTableComment: (op) => {
    // Differs from Alembic, which takes an unknown existing comment for "none" and drops it.
    if (op.existingComment === undefined) missing(op.kind, 'existingComment', 'the comment before the change; null when there was none')
    const out: Fields = {}
    put(out, 'tableName', op.tableName)
    put(out, 'schema', op.schema)
    if (op.existingComment === null) {
      out['existingComment'] = op.comment
      put(out, 'info', op.info)
      return node('dropTableComment', out)
    }
    out['comment'] = op.existingComment
    out['existingComment'] = op.comment
    put(out, 'info', op.info)
    return node('createTableComment', out)
  },
  dropTableComment: (op) => {
    if (op.existingComment === undefined) missing(op.kind, 'existingComment', 'the comment removed')
    const out: Fields = {}
    put(out, 'tableName', op.tableName)
    put(out, 'schema', op.schema)
    out['comment'] = op.existingComment
    out['existingComment'] = null
    put(out, 'info', op.info)
    return node('createTableComment', out)
  },
  executeSql: (op) => {
    if (op.reverseSqltext === undefined) missing(op.kind, 'reverseSqltext', 'the SQL that undoes sqltext')
    const out: Fields = { sqltext: op.reverseSqltext, reverseSqltext: op.sqltext }
    put(out, 'executionOptions', op.executionOptions)
    put(out, 'info', op.info)
    return node('executeSql', out)
  },
  batch: (op, ctx) => {
    const out = without(op, ['kind', 'ops'])
    if (op.copyFrom !== undefined) out['copyFrom'] = tableAfterBatch(op, ctx.registry)
    out['ops'] = reverseChildren(op.ops, ctx, 'batch')
    return node('batch', out)
  },
  modifyTableOps: (op, ctx) => node('modifyTableOps', { ...without(op, ['kind', 'ops']), ops: reverseChildren(op.ops, ctx, 'top') }),
  upgradeOps: (op, ctx) => {
    const out: Fields = { ops: reverseChildren(op.ops, ctx, 'top') }
    put(out, 'downgradeToken', swapToken(op.upgradeToken))
    put(out, 'info', op.info)
    return node('downgradeOps', out)
  },
  downgradeOps: (op, ctx) => {
    const out: Fields = { ops: reverseChildren(op.ops, ctx, 'top') }
    put(out, 'upgradeToken', swapToken(op.downgradeToken))
    put(out, 'info', op.info)
    return node('upgradeOps', out)
  },
  migrationScript: (op) => {
    // The reverse of a migration runs its downgrade as its upgrade: the directions swap.
    const up = op.downgradeOps.map((d) => {
      const o: Fields = { ops: d.ops }
      put(o, 'upgradeToken', swapToken(d.downgradeToken))
      put(o, 'info', d.info)
      return node('upgradeOps', o)
    })
    const down = op.upgradeOps.map((u) => {
      const o: Fields = { ops: u.ops }
      put(o, 'downgradeToken', swapToken(u.upgradeToken))
      put(o, 'info', u.info)
      return node('downgradeOps', o)
    })
    return node('migrationScript', { ...without(op, ['kind']), upgradeOps: Object.freeze(up), downgradeOps: Object.freeze(down) })
  },
}

/**
 * Options of {@link reverse}.
 * @example
 * // Reverse a plugin kind: pass the registry that defines it
 * interface RenameViewOp extends OpBase { readonly kind: 'renameView'; readonly from: string; readonly to: string }
 * const registry = createRegistry({ plugins: [{
 *   kind: 'renameView', fields: { from: name, to: name }, required: ['from', 'to'],
 *   reverse: (op: RenameViewOp): RenameViewOp => ({ kind: 'renameView', from: op.to, to: op.from }),
 * }] })
 * const options: ReverseOptions = { registry }
 * const r = parseOp({ kind: 'renameView', from: 'a', to: 'b' }, { registry })
 * const undone: unknown = r.ok ? reverse(r.value, options) : undefined
 * undone // => { kind: 'renameView', from: 'b', to: 'a' }
 */
export interface ReverseOptions {
  readonly registry?: Registry
}

/**
 * The op that undoes `op`. Containers reverse their children in reverse order; a migration
 * script swaps its upgrade and downgrade. Throws {@link NotReversibleError} naming the missing
 * field when the op does not carry what its reverse needs. `reverse(reverse(op))` deep-equals `op`.
 * @example
 * reverse(renameTable({ oldTableName: 'a', newTableName: 'b' }))
 * // => { kind: 'renameTable', oldTableName: 'b', newTableName: 'a' }
 */
export function reverse<O extends Op>(op: O, options: ReverseOptions = {}): ReverseOf<O> {
  const registry = options.registry ?? builtinRegistry()
  return reverseAt(op, registry, 'top') as ReverseOf<O>
}

/**
 * The kind each built-in kind reverses to.
 * @example
 * const undo: BuiltinReverseTypes['addColumn'] = reverse(addColumn({ tableName: 'account', column: { name: 'plan', type: 'text' } }))
 * undo // => { kind: 'dropColumn', tableName: 'account', columnName: 'plan', column: { name: 'plan', type: 'text' } }
 */
export interface BuiltinReverseTypes {
  addColumn: BuiltinOpTypes['dropColumn']
  alterColumn: BuiltinOpTypes['alterColumn']
  dropColumn: BuiltinOpTypes['addColumn']
  createTable: BuiltinOpTypes['dropTable']
  dropTable: BuiltinOpTypes['createTable']
  renameTable: BuiltinOpTypes['renameTable']
  createIndex: BuiltinOpTypes['dropIndex']
  dropIndex: BuiltinOpTypes['createIndex']
  createPrimaryKey: BuiltinOpTypes['dropConstraint']
  createUniqueConstraint: BuiltinOpTypes['dropConstraint']
  createForeignKey: BuiltinOpTypes['dropConstraint']
  createCheckConstraint: BuiltinOpTypes['dropConstraint']
  dropConstraint:
    | BuiltinOpTypes['createPrimaryKey']
    | BuiltinOpTypes['createUniqueConstraint']
    | BuiltinOpTypes['createForeignKey']
    | BuiltinOpTypes['createCheckConstraint']
  createTableComment: BuiltinOpTypes['createTableComment'] | BuiltinOpTypes['dropTableComment']
  dropTableComment: BuiltinOpTypes['createTableComment']
  bulkInsert: never
  executeSql: BuiltinOpTypes['executeSql']
  batch: BuiltinOpTypes['batch']
  modifyTableOps: BuiltinOpTypes['modifyTableOps']
  upgradeOps: BuiltinOpTypes['downgradeOps']
  downgradeOps: BuiltinOpTypes['upgradeOps']
  migrationScript: BuiltinOpTypes['migrationScript']
}

/**
 * The type of `reverse(op)`: the matching kind for a built-in op, any op for a plugin kind.
 * @example
 * const op = createIndex({ indexName: 'ix_account_email', tableName: 'account', columns: ['email'] })
 * const undo: ReverseOf<typeof op> = reverse(op) // a DropIndexOp
 * undo.index // => { columns: ['email'] }
 */
export type ReverseOf<O extends Op> = O['kind'] extends keyof BuiltinReverseTypes ? BuiltinReverseTypes[O['kind']] : Op

function reverseAt(op: OpBase, registry: Registry, place: OpPlace): OpBase {
  const def: OpDefinition | undefined = registry.get(op.kind)
  if (def?.reverse === undefined) {
    throw new NotReversibleError({
      kind: op.kind,
      path: '',
      message: def === undefined ? `unknown op kind ${JSON.stringify(op.kind)}` : `${op.kind} has no reverse`,
    })
  }
  return deepFreeze(def.reverse(op, { registry, place, reverse: (child, childPlace) => reverseAt(child, registry, childPlace) }))
}

/**
 * True when {@link reverse} would succeed.
 * @example
 * isReversible(renameTable({ oldTableName: 'a', newTableName: 'b' })) // => true
 * // a dropColumn cannot be reversed without the definition of the column it drops:
 * isReversible(dropColumn({ tableName: 't', columnName: 'c' })) // => false
 */
export function isReversible(op: Op, options: ReverseOptions = {}): boolean {
  try {
    reverse(op, options)
    return true
  } catch (e) {
    if (e instanceof NotReversibleError) return false
    throw e
  }
}
