import knexFactory, { type Knex } from 'knex'

type Json = Record<string, unknown>

/** The dialects Knex is compared on, by Knex client name. */
export const KNEX_CLIENTS = { postgresql: 'pg', mysql: 'mysql2', mariadb: 'mysql2', sqlite: 'better-sqlite3', mssql: 'mssql' } as const

/** A Knex instance that only builds SQL (no connection is opened by toSQL). */
export function knexFor(client: string): Knex {
  return knexFactory({ client, useNullAsDefault: true })
}

function column(tb: Knex.CreateTableBuilder | Knex.AlterTableBuilder, c: Json): Knex.ColumnBuilder {
  const name = String(c['name'])
  const t = c['type']
  const o = typeof t === 'string' ? { name: t } : (t as Json)
  switch (o['name']) {
    case 'integer':
      return tb.integer(name)
    case 'bigint':
      return tb.bigInteger(name)
    case 'varchar':
      return tb.string(name, Number(o['length']))
    case 'text':
      return tb.text(name)
    case 'numeric':
      return tb.decimal(name, Number(o['precision']), Number(o['scale']))
    case 'boolean':
      return tb.boolean(name)
    case 'datetime':
      return tb.datetime(name, { useTz: false })
    case 'json':
      return tb.json(name)
    default:
      throw new Error(`bench: no Knex mapping for type ${String(o['name'])}`)
  }
}

function decorate(knex: Knex, b: Knex.ColumnBuilder, c: Json): void {
  if (c['primaryKey'] === true) b.primary()
  if (c['nullable'] === false) b.notNullable()
  else if (c['nullable'] === true) b.nullable()
  const d = c['serverDefault'] as Json | undefined
  if (d !== undefined) b.defaultTo('sql' in d ? knex.raw(String(d['sql'])) : String(d['literal']))
}

/** The same op with Knex's schema builder, as `toSQL()` statements; `undefined` when not mapped. */
export function knexSql(knex: Knex, op: Json): string[] | undefined {
  const s = knex.schema
  let builder: Knex.SchemaBuilder
  switch (op['kind']) {
    case 'createTable':
      builder = s.createTable(String(op['tableName']), (tb) => {
        for (const c of op['columns'] as Json[]) decorate(knex, column(tb, c), c)
      })
      break
    case 'addColumn':
      builder = s.alterTable(String(op['tableName']), (tb) => {
        const c = op['column'] as Json
        decorate(knex, column(tb, c), c)
      })
      break
    case 'alterColumn':
      builder = s.alterTable(String(op['tableName']), (tb) => {
        const c = String(op['columnName'])
        if (op['newColumnName'] !== undefined) tb.renameColumn(c, String(op['newColumnName']))
        else if (op['type'] !== undefined) tb.bigInteger(c).alter({ alterNullable: false })
        else if (op['nullable'] === true) tb.setNullable(c)
        else tb.dropNullable(c)
      })
      break
    case 'createIndex':
      builder = s.alterTable(String(op['tableName']), (tb) => {
        tb.index(op['columns'] as string[], String(op['indexName']))
      })
      break
    case 'createForeignKey':
      builder = s.alterTable(String(op['sourceTable']), (tb) => {
        const fk = tb.foreign(op['localCols'] as string[], String(op['constraintName'])).references(op['remoteCols'] as string[]).inTable(String(op['referentTable']))
        if (op['onDelete'] !== undefined) fk.onDelete(String(op['onDelete']))
      })
      break
    case 'dropColumn':
      builder = s.alterTable(String(op['tableName']), (tb) => {
        tb.dropColumn(String(op['columnName']))
      })
      break
    case 'renameTable':
      // Knex's types say renameTable returns a Promise; it returns the chainable builder.
      builder = s.renameTable(String(op['oldTableName']), String(op['newTableName'])) as unknown as Knex.SchemaBuilder
      break
    default:
      return undefined
  }
  return builder.toSQL().map((q) => q.sql)
}
