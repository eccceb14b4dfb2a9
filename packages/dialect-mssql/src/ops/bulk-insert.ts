import { renderLiteral, statement, type HandlerContext, type LiteralRules, type Quoter, type Statement } from '@athanor/dialect-kit'
import { findTable, typeName, type BulkInsertColumn, type BulkInsertOp, type JsonObject } from '@athanor/ir'
import { identityOf } from '../existing.js'
import { mssqlQuote as q, mssqlUnicodeLiteral } from '../quote.js'

/**
 * The most rows one `VALUES` list may hold (SQL Server's limit for a table value constructor).
 * @example
 * MAX_ROWS_PER_INSERT // => 1000
 */
export const MAX_ROWS_PER_INSERT = 1000

const rules = (quote: Quoter): LiteralRules => ({
  dialect: 'mssql',
  quote,
  boolean: (b) => (b ? '1' : '0'),
  binary: (hex) => `0x${hex}`,
})
const plain = rules(q)
// Unicode-typed columns get N'…' whatever their text (catalog §0.5); JSON is NVARCHAR(max) here.
const unicode = rules({ ...q, literal: mssqlUnicodeLiteral })
const rulesFor = (c: BulkInsertColumn): LiteralRules => (typeName(c.type) === 'nvarchar' || typeName(c.type) === 'json' ? unicode : plain)

/** Consecutive rows that supply the same columns, and where the first of them is in `op.rows`. */
interface Run {
  readonly columns: readonly BulkInsertColumn[]
  readonly rows: readonly JsonObject[]
  readonly first: number
}

function runsOf(op: BulkInsertOp): Run[] {
  const runs: { columns: readonly BulkInsertColumn[]; key: string; rows: JsonObject[]; first: number }[] = []
  op.rows.forEach((row, i) => {
    const columns = op.columns.filter((c) => Object.hasOwn(row, c.name))
    const key = JSON.stringify(columns.map((c) => c.name))
    const last = runs[runs.length - 1]
    if (last !== undefined && last.key === key) last.rows.push(row)
    else runs.push({ columns, key, rows: [row], first: i })
  })
  return runs
}

/**
 * Whether inserting into these columns needs `SET IDENTITY_INSERT t ON`: `yes` when the snapshot
 * declares one of them an identity, `no` when it knows the table and none is, `maybe` otherwise.
 */
function needsIdentityInsert(op: BulkInsertOp, ctx: HandlerContext, columns: readonly BulkInsertColumn[]): 'yes' | 'no' | 'maybe' {
  const table = ctx.snapshot === undefined ? undefined : findTable(ctx.snapshot, op.tableName, op.schema)
  if (table === undefined) return 'maybe'
  const found = columns.map((c) => {
    const col = table.columns.find((t) => t.name === c.name)
    return col === undefined ? 'no' : identityOf(table, col)
  })
  return found.includes('declared') ? 'yes' : found.includes('inferred') ? 'maybe' : 'no'
}

/** `SET IDENTITY_INSERT t ON|OFF`, or guarded by a look at `sys.identity_columns` when unsure. */
function identityInsert(table: string, columns: readonly BulkInsertColumn[], on: 'ON' | 'OFF', sure: boolean): Statement {
  const set = `SET IDENTITY_INSERT ${table} ${on}`
  if (sure) return statement(set)
  const names = columns.map((c) => mssqlUnicodeLiteral(c.name)).join(', ')
  return statement(`IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(${mssqlUnicodeLiteral(table)}) AND name IN (${names})) BEGIN ${set} END`)
}

/**
 * `INSERT INTO t (cols) VALUES (…), (…)`: consecutive rows that supply the same columns share a
 * statement of at most 1,000 rows (one row per statement with `multiinsert: false`); values are
 * inline literals of their column's type (catalog §2.6), `N'…'` for NVARCHAR and JSON, so the
 * 2,100-parameter limit does not apply. A row without values is `INSERT INTO t DEFAULT VALUES`.
 *
 * Rows that give a value to an identity column are wrapped in `SET IDENTITY_INSERT t ON` …
 * `SET IDENTITY_INSERT t OFF`. Whether a column is one comes from the snapshot; when the snapshot
 * does not know the table, or only infers the identity (an integer primary key), each `SET` is
 * guarded: `IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N't') AND
 * name IN (N'id', …)) BEGIN SET IDENTITY_INSERT t ON END`.
 */
export function compileBulkInsert(op: BulkInsertOp, ctx: HandlerContext): readonly Statement[] {
  const table = q.qualified(op.tableName, op.schema)
  const out: Statement[] = []
  // Differs from Alembic, which always wraps the inserts (even none) in SET IDENTITY_INSERT: on a
  // table without an identity column SQL Server refuses the SET, and with IDENTITY_INSERT ON an
  // INSERT that leaves the identity column out fails.
  for (const run of runsOf(op)) {
    const identity = run.columns.length === 0 ? 'no' : needsIdentityInsert(op, ctx, run.columns)
    if (identity !== 'no') out.push(identityInsert(table, run.columns, 'ON', identity === 'yes'))
    if (run.columns.length === 0) {
      for (let i = 0; i < run.rows.length; i++) out.push(statement(`INSERT INTO ${table} DEFAULT VALUES`))
    } else {
      const names = run.columns.map((c) => q.ident(c.name)).join(', ')
      const values = run.rows.map((row, i) => `(${run.columns.map((c) => renderLiteral(row[c.name] ?? null, c.type, rulesFor(c), `rows[${run.first + i}].${c.name}`)).join(', ')})`)
      const size = op.multiinsert === false ? 1 : MAX_ROWS_PER_INSERT
      for (let at = 0; at < values.length; at += size) out.push(statement(`INSERT INTO ${table} (${names}) VALUES ${values.slice(at, at + size).join(', ')}`))
    }
    if (identity !== 'no') out.push(identityInsert(table, run.columns, 'OFF', identity === 'yes'))
  }
  return out
}
