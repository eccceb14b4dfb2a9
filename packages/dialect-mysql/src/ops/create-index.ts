import { statement, type HandlerContext, type Statement } from '@athanor/dialect-kit'
import { findTable, type CreateIndexOp } from '@athanor/ir'
import { createIndexSql } from '../constraint-sql.js'
import { checkKeyPart } from '../key-parts.js'
import type { MysqlTarget } from '../target.js'

/**
 * `CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX [IF NOT EXISTS] name ON t (a(10), (expr), b)
 * [USING BTREE | HASH]` with `mysqlLength`, `mysqlPrefix` and `mysqlUsing` (catalog §2.3). With
 * a schema snapshot, a TEXT, BLOB or JSON column without a prefix length is refused (see
 * `checkKeyPart`); a FULLTEXT index takes them whole.
 */
export function compileCreateIndex(op: CreateIndexOp, ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const table = ctx.snapshot === undefined ? undefined : findTable(ctx.snapshot, op.tableName, op.schema)
  if (table !== undefined && op.mysqlPrefix === undefined) {
    op.columns.forEach((c, i) => {
      if (typeof c === 'string') checkKeyPart(c, table.columns.find((col) => col.name === c)?.type, op.mysqlLength, op.unique === true ? 'unique' : 'index', target, op.kind, `columns[${i}]`)
    })
  }
  return [statement(createIndexSql(op, op, target, op.ifNotExists === true ? IF_NOT_EXISTS : NO_OPTIONS))]
}

// Shared, not made per op.
const IF_NOT_EXISTS = Object.freeze({ ifNotExists: true })
const NO_OPTIONS = Object.freeze({})
