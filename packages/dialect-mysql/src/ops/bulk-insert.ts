import { renderLiteral, statement, type HandlerContext, type LiteralRules, type Statement } from '@athanor/dialect-kit'
import { AthanorError, normalizeType, type BulkInsertOp, type JsonValue } from '@athanor/ir'
import type { MysqlTarget } from '../target.js'

const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/
const OFFSET = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([+-]\d{2}):?(\d{2})$/

function rules(target: MysqlTarget, path: () => string): LiteralRules {
  return {
    dialect: target.name,
    quote: target.quote,
    boolean: (b) => (b ? 'true' : 'false'),
    binary: (hex) => `X'${hex}'`,
    temporal: (text, type) => {
      if (type === 'time' && /[+-]\d{2}:?\d{2}$/.test(text)) {
        throw new AthanorError('INVALID_VALUE', { kind: 'bulkInsert', path: path(), message: `${target.name}: ${path()} must be a time without an offset (TIME keeps no time zone), found ${JSON.stringify(text)}` })
      }
      return target.quote.literal(type === 'datetime' ? utcWallClock(text) : text)
    },
  }
}

/**
 * A datetime with an offset as the UTC time it denotes: MySQL's DATETIME keeps no time zone
 * (MariaDB refuses the offset; MySQL 8 would convert it to the session's time zone).
 */
function utcWallClock(text: string): string {
  const m = OFFSET.exec(text)
  if (m === null) return text
  const [, date, hh, mm, ss, fraction, offH, offM] = m
  const sign = (offH ?? '+').startsWith('-') ? -1 : 1
  const at = Date.parse(`${date}T${hh}:${mm}:${ss ?? '00'}Z`) - sign * (Math.abs(Number(offH)) * 60 + Number(offM)) * 60_000
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')}${fraction ?? ''}`
}

/** A UUID value as CHAR(32) holds it: 32 lower-case hex digits without dashes (as SQLAlchemy stores Uuid on MySQL). */
function uuidValue(value: JsonValue, path: string, target: MysqlTarget): JsonValue {
  if (value === null) return value
  if (typeof value === 'string' && UUID.test(value)) return value.replaceAll('-', '').toLowerCase()
  throw new AthanorError('INVALID_VALUE', { kind: 'bulkInsert', path, message: `${target.name}: ${path} must be a UUID, found ${JSON.stringify(value)}` })
}

/**
 * One `INSERT INTO t (cols) VALUES (literals)` per row, with the row's keys in column order and
 * values written as inline literals of their column's type (catalog §2.6): booleans `true`/`false`,
 * binary `X'…'`, datetimes with an offset at their UTC time, UUIDs as 32 hex digits, strings as
 * `mysqlLiteral` writes them. A row without values is `INSERT INTO t () VALUES ()`.
 */
export function compileBulkInsert(op: BulkInsertOp, _ctx: HandlerContext, target: MysqlTarget): readonly Statement[] {
  const q = target.quote
  const table = q.qualified(op.tableName, op.schema)
  let path = ''
  const literalRules = rules(target, () => path)
  return op.rows.map((row, i) => {
    const cols = op.columns.filter((c) => Object.hasOwn(row, c.name))
    const names = cols.map((c) => q.ident(c.name)).join(', ')
    const values = cols.map((c) => {
      path = `rows[${i}].${c.name}`
      const value = row[c.name] ?? null
      return renderLiteral(normalizeType(c.type).name === 'uuid' ? uuidValue(value, path, target) : value, c.type, literalRules, path)
    })
    return statement(`INSERT INTO ${table} (${names}) VALUES (${values.join(', ')})`)
  })
}
