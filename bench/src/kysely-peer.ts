import {
  DummyDriver, Kysely, MssqlAdapter, MssqlIntrospector, MssqlQueryCompiler, MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler,
  SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql, type Compilable, type CreateTableBuilder, type OperationNodeSource,
  type QueryCompiler, type RootOperationNode,
} from 'kysely'

type Json = Record<string, unknown>
type DataTypeExpression = Parameters<CreateTableBuilder<string, never>['addColumn']>[1]
/** A Kysely builder: it can give its node and compile itself. */
export type KyselyBuilder = Compilable & OperationNodeSource

/** The root node of a schema builder (what its compiler takes). */
export function rootNode(b: KyselyBuilder): RootOperationNode {
  return b.toOperationNode() as RootOperationNode
}

const compilers = { postgresql: PostgresQueryCompiler, mysql: MysqlQueryCompiler, sqlite: SqliteQueryCompiler, mssql: MssqlQueryCompiler } as const
const adapters = { postgresql: PostgresAdapter, mysql: MysqlAdapter, sqlite: SqliteAdapter, mssql: MssqlAdapter } as const
const introspectors = { postgresql: PostgresIntrospector, mysql: MysqlIntrospector, sqlite: SqliteIntrospector, mssql: MssqlIntrospector } as const

/** The dialects Kysely is compared on. */
export type KyselyDialectName = keyof typeof compilers

/** A Kysely instance that only compiles (DummyDriver), and its query compiler. */
export function kyselyFor(name: KyselyDialectName): { readonly db: Kysely<unknown>; readonly compiler: QueryCompiler } {
  const Compiler = compilers[name]
  const Adapter = adapters[name]
  const Introspector = introspectors[name]
  const db = new Kysely<unknown>({
    dialect: {
      createAdapter: () => new Adapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new Introspector(k),
      createQueryCompiler: () => new Compiler(),
    },
  })
  return { db, compiler: new Compiler() }
}

function typeOf(t: unknown): DataTypeExpression {
  if (typeof t === 'string') return ({ datetime: 'timestamp' } as Record<string, string>)[t] as DataTypeExpression ?? (t as DataTypeExpression)
  const o = t as Json
  if (o['name'] === 'varchar') return `varchar(${String(o['length'])})` as DataTypeExpression
  if (o['name'] === 'numeric') return `numeric(${String(o['precision'])}, ${String(o['scale'])})` as DataTypeExpression
  return o['name'] as DataTypeExpression
}

function defaultOf(d: Json): unknown {
  return 'sql' in d ? sql.raw(String(d['sql'])) : d['literal']
}

/**
 * The same op built with Kysely's schema builder: one builder per statement. Returns `undefined`
 * for what the workload's mapping does not cover.
 */
export function kyselyBuilders(db: Kysely<unknown>, op: Json, flavour: KyselyDialectName = 'postgresql'): KyselyBuilder[] | undefined {
  const s = db.schema
  switch (op['kind']) {
    case 'createTable': {
      let b = s.createTable(String(op['tableName']))
      for (const c of op['columns'] as Json[]) {
        b = b.addColumn(String(c['name']), typeOf(c['type']), (col) => {
          let x = col
          if (c['primaryKey'] === true) x = x.primaryKey()
          if (c['nullable'] === false) x = x.notNull()
          if (c['serverDefault'] !== undefined) x = x.defaultTo(defaultOf(c['serverDefault'] as Json))
          return x
        })
      }
      return [b]
    }
    case 'addColumn': {
      const c = op['column'] as Json
      return [
        s.alterTable(String(op['tableName'])).addColumn(String(c['name']), typeOf(c['type']), (col) => {
          let x = col
          if (c['nullable'] === false) x = x.notNull()
          if (c['serverDefault'] !== undefined) x = x.defaultTo(defaultOf(c['serverDefault'] as Json))
          return x
        }),
      ]
    }
    case 'alterColumn': {
      const t = s.alterTable(String(op['tableName']))
      const c = String(op['columnName'])
      if (op['newColumnName'] !== undefined) return [t.renameColumn(c, String(op['newColumnName']))]
      if (flavour === 'mysql') {
        // MySQL has no ALTER COLUMN … SET NOT NULL / TYPE: Kysely users restate the column with MODIFY.
        const nullable = op['nullable'] ?? op['existingNullable']
        return [t.modifyColumn(c, typeOf(op['type'] ?? op['existingType']), (col) => (nullable === false ? col.notNull() : col))]
      }
      if (op['type'] !== undefined) return [t.alterColumn(c, (ac) => ac.setDataType(typeOf(op['type'])))]
      return [t.alterColumn(c, (ac) => (op['nullable'] === true ? ac.dropNotNull() : ac.setNotNull()))]
    }
    case 'createIndex':
      return [s.createIndex(String(op['indexName'])).on(String(op['tableName'])).columns(op['columns'] as string[])]
    case 'createForeignKey':
      return [
        s
          .alterTable(String(op['sourceTable']))
          .addForeignKeyConstraint(String(op['constraintName']), op['localCols'] as string[], String(op['referentTable']), op['remoteCols'] as string[], (fk) =>
            op['onDelete'] === undefined ? fk : fk.onDelete(String(op['onDelete']).toLowerCase() as 'cascade'),
          ),
      ]
    case 'dropColumn':
      return [s.alterTable(String(op['tableName'])).dropColumn(String(op['columnName']))]
    case 'renameTable':
      return [s.alterTable(String(op['oldTableName'])).renameTo(String(op['newTableName']))]
    default:
      return undefined
  }
}
