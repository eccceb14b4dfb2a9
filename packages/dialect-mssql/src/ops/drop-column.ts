import { alterTable, statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { columnIndexName, sqlMentions, type Column, type ConstraintModel, type DropColumnOp, type IndexModel, type TableModel } from '@athanor/ir'
import { dropLookup, type LookupKind } from '../drop-lookup.js'
import { knownColumn } from '../existing.js'
import { mssqlQuote as q } from '../quote.js'

/** What has to go before the column can: lookups for engine-named constraints, drops by name for the rest. */
interface Plan {
  readonly lookups: LookupKind[]
  readonly constraints: string[]
  readonly indexes: string[]
}

const KIND_OF: Readonly<Record<ConstraintModel['type'], LookupKind>> = { check: 'check', foreignKey: 'foreignKey', primaryKey: 'key', unique: 'key' }
// The order of the drops: the reference's (default, check, foreign key), then keys.
const ORDER: readonly LookupKind[] = ['default', 'check', 'foreignKey', 'key']

/** True when the constraint uses the column (on SQL Server, which knows no `postgresqlInclude`). */
function constraintUses(c: ConstraintModel, table: TableModel, column: string): boolean {
  switch (c.type) {
    case 'primaryKey':
    case 'unique':
      return c.columns.includes(column)
    case 'foreignKey':
      return c.localCols.includes(column) || (c.referentTable === table.name && c.referentSchema === table.schema && c.remoteCols.includes(column))
    case 'check':
      return sqlMentions(c.condition, column)
  }
}

function indexUses(ix: IndexModel, column: string): boolean {
  return (
    ix.columns.some((c) => (typeof c === 'string' ? c === column : sqlMentions(c.sql, column))) ||
    (ix.mssqlInclude?.includes(column) ?? false) ||
    (ix.mssqlWhere !== undefined && sqlMentions(ix.mssqlWhere, column))
  )
}

/** From the snapshot: everything SQL Server would refuse to drop the column under. */
function planFromTable(table: TableModel, column: string, hasDefault: boolean): Plan {
  const plan: Plan = { lookups: hasDefault ? ['default'] : [], constraints: [], indexes: [] }
  for (const kind of ORDER) {
    for (const c of table.constraints) {
      if (KIND_OF[c.type] !== kind || !constraintUses(c, table, column)) continue
      if (c.name !== undefined) plan.constraints.push(c.name)
      else if (!plan.lookups.includes(kind)) plan.lookups.push(kind)
    }
  }
  for (const ix of table.indexes) if (indexUses(ix, column)) plan.indexes.push(ix.name)
  return plan
}

/** From the definition the op carries (its flags imply constraints and an index). */
function planFromColumn(col: Column, tableName: string, schema: string | undefined): Plan {
  const plan: Plan = { lookups: [], constraints: [], indexes: [] }
  if (col.serverDefault !== undefined) plan.lookups.push('default')
  if (col.check !== undefined) planConstraint(plan, col.check.name, 'check')
  if (col.foreignKey !== undefined) planConstraint(plan, col.foreignKey.name, 'foreignKey')
  if (col.index === true) plan.indexes.push(columnIndexName(tableName, col.name, schema))
  else if (col.unique === true) plan.lookups.push('key')
  return plan
}

/** A constraint of the plan: dropped by name, else found by a lookup. */
function planConstraint(plan: Plan, name: string | undefined, kind: LookupKind): void {
  if (name === undefined) plan.lookups.push(kind)
  else plan.constraints.push(name)
}

/**
 * The lookups the `mssqlDrop*` flags add to the plan: each flag its own, unless the plan already
 * looks up or drops by name a constraint of that kind.
 */
function addFlagged(op: DropColumnOp, known: ReturnType<typeof knownColumn>, plan: Plan): void {
  const flagged: readonly [boolean | undefined, LookupKind][] = [[op.mssqlDropDefault, 'default'], [op.mssqlDropCheck, 'check'], [op.mssqlDropForeignKey, 'foreignKey']]
  // With the definition known, a flag adds nothing when a constraint of its kind is dropped by name.
  const byName = new Set(known === undefined ? [] : known.table.constraints.filter((c) => c.name !== undefined && plan.constraints.includes(c.name)).map((c) => KIND_OF[c.type]))
  if (op.column?.check?.name !== undefined) byName.add('check')
  if (op.column?.foreignKey?.name !== undefined) byName.add('foreignKey')
  for (const [flag, kind] of flagged) if (flag === true && !plan.lookups.includes(kind) && !byName.has(kind)) plan.lookups.push(kind)
}

/**
 * What must go first, each before `ALTER TABLE t DROP COLUMN [IF EXISTS] c` (catalog §2.5):
 * the default-constraint lookup block, CHECK and foreign-key constraints (`ALTER TABLE t DROP
 * CONSTRAINT n` when named, else a lookup block), keys, then `DROP INDEX ix ON t`.
 *
 * Decided from the snapshot when it knows the column (its default, and every constraint and
 * index of the table that uses it), else from the `column` the op carries, else from the flags
 * `mssqlDropDefault`, `mssqlDropCheck` and `mssqlDropForeignKey`, as in the reference. A flag
 * also adds its lookup when what is known drops nothing of its kind.
 */
export function compileDropColumn(op: DropColumnOp, ctx: HandlerContext): readonly Statement[] {
  const known = knownColumn(ctx.snapshot, op.tableName, op.schema, op.columnName)
  const plan = known !== undefined
    ? planFromTable(known.table, op.columnName, known.column.serverDefault !== undefined)
    : op.column !== undefined
      ? planFromColumn(op.column, op.tableName, op.schema)
      : { lookups: [], constraints: [], indexes: [] }
  if (op.mssqlDropDefault === true || op.mssqlDropCheck === true || op.mssqlDropForeignKey === true) addFlagged(op, known, plan)
  const table = alterTable(q, op.tableName, op.schema)
  const out: Statement[] = []
  for (const kind of ORDER) if (plan.lookups.includes(kind)) out.push(dropLookup(kind, op.tableName, op.schema, op.columnName))
  for (const name of plan.constraints) out.push(statement(`${table} DROP CONSTRAINT ${q.ident(name)}`))
  for (const name of plan.indexes) out.push(statement(`DROP INDEX ${q.ident(name)} ON ${q.qualified(op.tableName, op.schema)}`))
  out.push(statement(`${table} DROP COLUMN ${op.ifExists === true ? 'IF EXISTS ' : ''}${q.ident(op.columnName)}`))
  return out
}
