import { normalizeType, type ColumnModel, type ColumnType, type ConstraintModel, type IndexModel, type ServerDefault } from '@athanor/ir'

// What MySQL and MariaDB make of what the ops wrote, in the form `introspectMysql` reports it:
// the same type, default or option spelled the way information_schema gives it back. Applied to
// both sides of a comparison (every function is idempotent), it leaves only real differences.

/**
 * The type as MySQL reports it: `nvarchar` is `varchar`; `char(1)` is `char`; TEXT ignores a
 * length; NUMERIC without a precision is DECIMAL(10) and a scale of 0 is omitted; FLOAT up to 24
 * binary digits is FLOAT, beyond DOUBLE; DATETIME and TIME keep no time zone and precision 0 is
 * the default; `interval` is stored as DATETIME and `uuid` as CHAR(32); an enum has no type name;
 * a raw type is compared in lower case without integer display widths.
 * @example
 * mysqlReportedType({ name: 'float', precision: 30 }) // => { name: 'double' }
 */
export function mysqlReportedType(type: ColumnType): Exclude<ColumnType, string> {
  const t = normalizeType(type)
  switch (t.name) {
    case 'nvarchar':
    case 'varchar':
    case 'char':
    case 'text': {
      const name = t.name === 'nvarchar' ? 'varchar' : t.name
      const keepLength = t.length !== undefined && name !== 'text' && !(name === 'char' && t.length === 1)
      return { name, ...(keepLength ? { length: t.length } : {}), ...(t.collation === undefined ? {} : { collation: t.collation }) }
    }
    case 'numeric':
      return { name: 'numeric', precision: t.precision ?? 10, ...(t.scale === undefined || t.scale === 0 ? {} : { scale: t.scale }) }
    case 'float':
      return t.precision !== undefined && t.precision > 24 ? { name: 'double' } : { name: 'float' }
    case 'datetime':
    case 'time':
      return { name: t.name, ...(t.precision === undefined || t.precision === 0 ? {} : { precision: t.precision }) }
    case 'interval':
      return { name: 'datetime' }
    case 'uuid':
      return { name: 'char', length: 32 }
    case 'enum':
      return { name: 'enum', values: t.values }
    case 'raw': {
      const sql = (t.dialects?.['mariadb'] ?? t.dialects?.['mysql'] ?? t.sql).trim().replace(/\s+/g, ' ').toLowerCase()
      return { name: 'raw', sql: sql.replace(/\b(smallint|mediumint|int|integer|bigint)\(\d+\)/g, '$1') }
    }
    default:
      return t
  }
}

/**
 * SQL text without backtick quoting (outside string literals): MariaDB writes `` `a` > 0 `` where
 * the op said `a > 0`. Lossy, for comparing only.
 * @example
 * withoutBackticks('`a` > 0') // => 'a > 0'
 */
export function withoutBackticks(sql: string): string {
  let out = ''
  let quote: string | undefined
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i] ?? ''
    if (quote === "'") {
      out += ch
      if (ch === '\\') out += sql[++i] ?? ''
      else if (ch === "'") quote = undefined
    } else if (quote === '`') {
      if (ch === '`' && sql[i + 1] === '`') {
        out += '`'
        i++
      } else if (ch === '`') quote = undefined
      else out += ch
    } else if (ch === "'" || ch === '`') {
      quote = ch
      if (ch === "'") out += ch
    } else out += ch
  }
  return out
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const QUOTED = /^'((?:[^']|'')*)'$/s

/** A decimal string with exactly `scale` digits after the point. */
function fixedScale(text: string, scale: number): string {
  const negative = text.startsWith('-')
  const [whole = '0', fraction = ''] = text.replace(/^[-+]/, '').split('.')
  const digits = scale === 0 ? '' : `.${fraction.padEnd(scale, '0').slice(0, scale)}`
  return `${negative ? '-' : ''}${whole.replace(/^0+(?=\d)/, '') || '0'}${digits}`
}

/**
 * The default in one spelling for the value MySQL stores, for a column of `type`: a constant on a
 * number or boolean column is `{ literal }` with the value as MySQL prints it (`42`, `1.50` on a
 * DECIMAL(10,2), `1` for `true` on a BOOL); `{ sql: "'x'" }` is `{ literal: 'x' }`; other SQL
 * loses its backticks.
 * @example
 * mysqlReportedDefault({ sql: 'true' }, 'boolean') // => { literal: '1' }
 */
export function mysqlReportedDefault(value: ServerDefault, type: ColumnType): ServerDefault {
  const t = mysqlReportedType(type)
  let text: string | undefined
  if ('literal' in value) text = value.literal
  else {
    const sql = value.sql.trim()
    const quoted = QUOTED.exec(sql)
    if (quoted !== null) text = (quoted[1] ?? '').replaceAll("''", "'")
    else if (NUMBER.test(sql) || /^(true|false)$/i.test(sql)) text = sql
    else return { sql: withoutBackticks(sql) }
  }
  const word = text.trim().toLowerCase()
  if (t.name === 'boolean' && (word === 'true' || word === 'false')) return { literal: word === 'true' ? '1' : '0' }
  if (!NUMBER.test(word)) return { literal: text }
  if (t.name === 'integer' || t.name === 'smallint' || t.name === 'bigint' || t.name === 'boolean') {
    return /^[-+]?\d+$/.test(word) ? { literal: BigInt(word).toString() } : { literal: text }
  }
  if (t.name === 'numeric') return { literal: fixedScale(word, t.scale ?? 0) }
  if (t.name === 'float' || t.name === 'double') return { literal: String(Number(word)) }
  return { literal: text }
}

const onUpdateOf = (sql: string): string => sql.trim().toLowerCase().replace(/\(\s*\)$/, '')
const keyword = (s: string): string => s.trim().replace(/\s+/g, ' ').toUpperCase()

/**
 * The hooks `compareSnapshots` (in `@athanor/dialect-kit/conformance`) takes, for MySQL and MariaDB.
 * @example
 * // An empty comment reads back as none, and a type in its object form
 * const canonical: MysqlCanonical = mysqlCanonical
 * canonical.column({ name: 'note', type: 'text', nullable: true, comment: '' }) // => { name: 'note', type: { name: 'text' }, nullable: true }
 */
export interface MysqlCanonical {
  readonly column: (column: ColumnModel) => ColumnModel
  readonly constraint: (constraint: ConstraintModel) => ConstraintModel
  readonly index: (index: IndexModel) => IndexModel
}

/**
 * How MySQL and MariaDB report columns, constraints and indexes: types through
 * {@link mysqlReportedType}, defaults through {@link mysqlReportedDefault}, `autoincrement: false`
 * and empty comments as absent, `ON UPDATE` and SQL text (generated columns, checks, index
 * expressions) without backticks or case; primary keys without a name (MySQL calls each one
 * PRIMARY); RESTRICT as the default action it is in InnoDB; `USING BTREE` as the default and
 * `mysqlLength` per column. Pass it as `canonical` to the conformance suite.
 * @example
 * mysqlCanonical.column({ name: 'ok', type: 'boolean', nullable: true, serverDefault: { literal: 'true' } })
 * // => { name: 'ok', type: { name: 'boolean' }, nullable: true, serverDefault: { literal: '1' } }
 */
export const mysqlCanonical: MysqlCanonical = {
  column: (c) => {
    const { autoincrement, comment, mysqlOnUpdate, computed, serverDefault, ...rest } = c
    return {
      ...rest,
      type: mysqlReportedType(c.type),
      ...(autoincrement === true ? { autoincrement } : {}),
      ...(comment === undefined || comment === '' ? {} : { comment }),
      ...(serverDefault === undefined ? {} : { serverDefault: mysqlReportedDefault(serverDefault, c.type) }),
      ...(mysqlOnUpdate === undefined ? {} : { mysqlOnUpdate: onUpdateOf(mysqlOnUpdate) }),
      ...(computed === undefined ? {} : { computed: { ...computed, sqltext: withoutBackticks(computed.sqltext) } }),
    }
  },
  constraint: (c) => {
    if (c.type === 'primaryKey') return { type: 'primaryKey', columns: c.columns }
    if (c.type === 'check') return { ...c, condition: withoutBackticks(c.condition) }
    if (c.type !== 'foreignKey') return c
    const { onDelete, onUpdate, ...rest } = c
    const kept = (a: string | undefined): string | undefined => (a === undefined || keyword(a) === 'RESTRICT' || keyword(a) === 'NO ACTION' ? undefined : keyword(a))
    const d = kept(onDelete)
    const u = kept(onUpdate)
    return { ...rest, ...(d === undefined ? {} : { onDelete: d }), ...(u === undefined ? {} : { onUpdate: u }) }
  },
  index: (ix) => {
    const { mysqlUsing, mysqlPrefix, mysqlLength, columns, ...rest } = ix
    const using = mysqlUsing === undefined ? undefined : keyword(mysqlUsing)
    const named = columns.filter((c): c is string => typeof c === 'string')
    const lengths = typeof mysqlLength === 'number' ? Object.fromEntries(named.map((c) => [c, mysqlLength])) : mysqlLength
    return {
      ...rest,
      columns: columns.map((c) => (typeof c === 'string' ? c : { sql: withoutBackticks(c.sql) })),
      ...(using === undefined || using === 'BTREE' ? {} : { mysqlUsing: using }),
      ...(mysqlPrefix === undefined ? {} : { mysqlPrefix: keyword(mysqlPrefix) }),
      ...(lengths === undefined ? {} : { mysqlLength: lengths }),
    }
  },
}
