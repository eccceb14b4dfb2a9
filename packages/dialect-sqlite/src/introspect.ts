/**
 * `@athanor/dialect-sqlite/introspect`: reads a SQLite database into the IR's `SchemaSnapshot`
 * (tables, and the triggers and views a rebuild re-creates), through a query function the caller
 * supplies, so this package needs no driver; and says how SQLite reports what the ops wrote
 * (`sqliteCanonical`), for comparing a snapshot read from a database with one built by `applyOps`.
 * @packageDocumentation
 */
import type { ColumnModel, ConstraintModel, IndexModel, SchemaSnapshot, TableModel, TableOptions, TriggerModel, ViewModel } from '@athanor/ir'
import { parseCreateIndex, parseCreateTable, type ParsedConstraint, type ParsedTable } from './introspect-table.js'
import { sqliteDefaultOf, sqliteTypeOf } from './introspect-types.js'
import { sqliteQuote } from './quote.js'

export { sqliteCanonical, sqliteReportedType } from './canonical.js'
export type { SqliteCanonical } from './canonical.js'
export { parseCreateIndex, parseCreateTable } from './introspect-table.js'
export type { ParsedColumn, ParsedConstraint, ParsedTable } from './introspect-table.js'
export { sqliteDefaultOf, sqliteTypeOf } from './introspect-types.js'

/**
 * A row as a driver returns it, keyed by column name.
 * @example
 * import Database from 'better-sqlite3'
 * const db = new Database(':memory:')
 * db.exec('CREATE TABLE account (id INTEGER PRIMARY KEY, email TEXT)')
 * const rows = db.prepare('SELECT name FROM pragma_table_info(?)').all('account') as SqliteRow[]
 * rows.map((row) => row['name']) // ['id', 'email']
 * const snapshot = await introspectSqlite((sql, params = []) => db.prepare(sql).all(...params) as SqliteRow[])
 * snapshot.tables.map((t) => t.name) // ['account']
 */
export type SqliteRow = Readonly<Record<string, unknown>>

/**
 * Runs one SQL statement with positional `?` parameters and returns its rows (synchronously, as
 * better-sqlite3 does, or as a promise).
 * @example
 * import Database from 'better-sqlite3'
 * const db = new Database('app.db')
 * const query: SqliteQuery = (sql, params = []) => db.prepare(sql).all(...params) as SqliteRow[]
 */
export type SqliteQuery = (sql: string, params?: readonly unknown[]) => readonly SqliteRow[] | Promise<readonly SqliteRow[]>

/**
 * Options of {@link introspectSqlite}.
 * @example
 * const options: SqliteIntrospectOptions = { schema: 'audit' } // an attached database
 */
export interface SqliteIntrospectOptions {
  /** The attached database to read (`main` when absent); tables of another than `main` carry it as `schema`. */
  readonly schema?: string
}

const str = (row: SqliteRow, key: string): string => {
  const v = row[key]
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v)
}
const num = (row: SqliteRow, key: string): number => Number(row[key] ?? 0)

const sameCols = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/** The parsed constraint of the given type and columns not used yet, to take its name and clauses from. */
function claim(parsed: readonly ParsedConstraint[], used: Set<ParsedConstraint>, test: (c: ParsedConstraint) => boolean): ParsedConstraint | undefined {
  const found = parsed.find((c) => !used.has(c) && test(c))
  if (found !== undefined) used.add(found)
  return found
}

interface ForeignKeyRow {
  readonly id: number
  readonly table: string
  readonly from: string
  readonly to: string
  readonly onUpdate: string
  readonly onDelete: string
  readonly match: string
}

function foreignKeys(rows: readonly SqliteRow[], parsed: readonly ParsedConstraint[], used: Set<ParsedConstraint>): ConstraintModel[] {
  const groups = new Map<number, ForeignKeyRow[]>()
  for (const r of rows) {
    const id = num(r, 'id')
    const list = groups.get(id) ?? []
    list.push({ id, table: str(r, 'table'), from: str(r, 'from'), to: str(r, 'to'), onUpdate: str(r, 'on_update'), onDelete: str(r, 'on_delete'), match: str(r, 'match') })
    groups.set(id, list)
  }
  // SQLite numbers foreign keys from the last declared; report them in declaration order.
  return [...groups.entries()].sort(([a], [b]) => b - a).map(([, list]) => {
    const first = list[0]
    const localCols = list.map((r) => r.from)
    const remoteCols = list.map((r) => r.to)
    const p = claim(parsed, used, (c) => c.type === 'foreignKey' && sameCols(c.columns, localCols) && c.referentTable === first?.table)
    const action = (v: string | undefined) => (v === undefined || v === '' || v === 'NO ACTION' ? undefined : v)
    const onDelete = action(first?.onDelete)
    const onUpdate = action(first?.onUpdate)
    const match = first?.match === undefined || first.match === 'NONE' ? undefined : first.match
    return {
      type: 'foreignKey',
      ...(p?.name === undefined ? {} : { name: p.name }),
      localCols,
      referentTable: first?.table ?? '',
      remoteCols,
      ...(onDelete === undefined ? {} : { onDelete }),
      ...(onUpdate === undefined ? {} : { onUpdate }),
      ...(match === undefined ? {} : { match }),
      ...(p?.deferrable === undefined ? {} : { deferrable: p.deferrable }),
      ...(p?.initially === undefined ? {} : { initially: p.initially }),
    }
  })
}

async function readTable(query: SqliteQuery, schema: string, name: string, sql: string, reported: string | undefined, indexSql: ReadonlyMap<string, string>): Promise<TableModel> {
  const parsed: ParsedTable = parseCreateTable(sql)
  const used = new Set<ParsedConstraint>()
  const cols = await query('SELECT * FROM pragma_table_xinfo(?, ?)', [name, schema])
  const pk = cols.filter((r) => num(r, 'pk') > 0).sort((a, b) => num(a, 'pk') - num(b, 'pk')).map((r) => str(r, 'name'))
  const pkParsed = claim(parsed.constraints, used, (c) => c.type === 'primaryKey')
  const rowidKey = pk.length === 1 && !parsed.withoutRowid && str(cols.find((r) => str(r, 'name') === pk[0]) ?? {}, 'type').toUpperCase() === 'INTEGER'
  const columns: ColumnModel[] = cols.map((r) => {
    const colName = str(r, 'name')
    const p = parsed.columns.find((c) => c.name === colName)
    const hidden = num(r, 'hidden')
    const dflt = r['dflt_value']
    return {
      name: colName,
      type: sqliteTypeOf(str(r, 'type'), p?.collation),
      nullable: num(r, 'notnull') === 0 && !pk.includes(colName),
      ...(typeof dflt === 'string' ? { serverDefault: sqliteDefaultOf(dflt) } : {}),
      ...(hidden === 2 || hidden === 3 ? { computed: { sqltext: p?.generated ?? '', persisted: hidden === 3 } } : {}),
      ...(rowidKey && pk[0] === colName ? { autoincrement: true } : {}),
    }
  })
  const constraints: ConstraintModel[] = []
  if (pk.length > 0) constraints.push({ type: 'primaryKey', ...(pkParsed?.name === undefined ? {} : { name: pkParsed.name }), columns: pk })
  const indexes: IndexModel[] = []
  const list = await query('SELECT * FROM pragma_index_list(?, ?)', [name, schema])
  for (const ix of [...list].sort((a, b) => num(b, 'seq') - num(a, 'seq'))) {
    const ixName = str(ix, 'name')
    const origin = str(ix, 'origin')
    if (origin === 'pk') continue
    const info = await query('SELECT * FROM pragma_index_info(?, ?)', [ixName, schema])
    const ixCols = [...info].sort((a, b) => num(a, 'seqno') - num(b, 'seqno')).map((r) => str(r, 'name'))
    if (origin === 'u') {
      const p = claim(parsed.constraints, used, (c) => c.type === 'unique' && sameCols(c.columns, ixCols))
      constraints.push({ type: 'unique', ...(p?.name === undefined ? {} : { name: p.name }), columns: ixCols, ...(p?.onConflict === undefined ? {} : { sqliteOnConflict: p.onConflict }) })
    } else {
      const text = indexSql.get(ixName) ?? ''
      const def = parseCreateIndex(text)
      indexes.push({
        name: ixName,
        columns: def.columns.length > 0 ? def.columns : ixCols,
        ...(num(ix, 'unique') === 1 ? { unique: true } : {}),
        ...(def.where === undefined ? {} : { sqliteWhere: def.where }),
      })
    }
  }
  // SQLite keeps no index for a UNIQUE that repeats the primary key or another UNIQUE; the
  // table's text still declares it.
  for (const c of parsed.constraints) {
    if (c.type === 'unique' && !used.has(c)) {
      constraints.push({ type: 'unique', ...(c.name === undefined ? {} : { name: c.name }), columns: c.columns, ...(c.onConflict === undefined ? {} : { sqliteOnConflict: c.onConflict }) })
    }
  }
  constraints.push(...foreignKeys(await query('SELECT * FROM pragma_foreign_key_list(?, ?)', [name, schema]), parsed.constraints, used))
  for (const c of parsed.constraints) {
    if (c.type === 'check') constraints.push({ type: 'check', ...(c.name === undefined ? {} : { name: c.name }), condition: c.condition ?? '' })
  }
  const autoincrement = parsed.constraints.some((c) => c.type === 'primaryKey' && c.autoincrement === true)
  const options: TableOptions = {
    ...(autoincrement ? { sqliteAutoincrement: true } : {}),
    ...(parsed.withoutRowid ? { sqliteWithoutRowid: true } : {}),
    ...(parsed.strict ? { sqliteStrict: true } : {}),
  }
  return {
    name,
    ...(reported === undefined ? {} : { schema: reported }),
    columns,
    constraints,
    indexes,
    ...(Object.keys(options).length === 0 ? {} : { options }),
  }
}

/**
 * Reads the tables of one database (`main`, or an attached one): columns in order with their
 * generic types (as the dialect spells them; `{ name: 'raw', sql }` for other declared types),
 * nullability, defaults (`'abc'` is `{ literal: 'abc' }`, anything else `{ sql }`), generated
 * columns and collations; the primary key (an INTEGER key of a rowid table is
 * `autoincrement: true`), unique, foreign key and check constraints with their names (read from
 * the stored `CREATE TABLE`, since SQLite's pragmas do not report them); the indexes made with
 * `CREATE INDEX` (expressions and `WHERE` included); the table options `sqliteAutoincrement`,
 * `sqliteWithoutRowid`, `sqliteStrict`; and the database's triggers and views with their stored
 * SQL. Tables, triggers and views come in creation order; SQLite's own tables are left out.
 * @example
 * import Database from 'better-sqlite3'
 * import { introspectSqlite } from '@athanor/dialect-sqlite/introspect'
 * const db = new Database('app.db')
 * const snapshot = await introspectSqlite((sql, params = []) => db.prepare(sql).all(...params) as SqliteRow[])
 */
export async function introspectSqlite(query: SqliteQuery, options: SqliteIntrospectOptions = {}): Promise<SchemaSnapshot> {
  const schema = options.schema ?? 'main'
  const reported = schema === 'main' ? undefined : schema
  const master = await query(`SELECT type, name, tbl_name, sql FROM ${sqliteQuote.ident(schema)}.sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid`)
  const indexSql = new Map(master.filter((r) => str(r, 'type') === 'index').map((r) => [str(r, 'name'), str(r, 'sql')]))
  const tables: TableModel[] = []
  const triggers: TriggerModel[] = []
  const views: ViewModel[] = []
  const where = reported === undefined ? {} : { schema: reported }
  for (const r of master) {
    const type = str(r, 'type')
    if (type === 'table') tables.push(await readTable(query, schema, str(r, 'name'), str(r, 'sql'), reported, indexSql))
    else if (type === 'trigger') triggers.push({ name: str(r, 'name'), tableName: str(r, 'tbl_name'), ...where, sql: str(r, 'sql') })
    else if (type === 'view') views.push({ name: str(r, 'name'), ...where, sql: str(r, 'sql') })
  }
  return {
    tables,
    ...(triggers.length === 0 ? {} : { triggers }),
    ...(views.length === 0 ? {} : { views }),
  }
}
