import { fail, isPlainObject, objectOf, sqlText, string, type Spec } from '../spec.js'

/**
 * A default rendered as a quoted string literal by every dialect: `DEFAULT 'abc'`.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const greeting: LiteralDefault = { literal: "it's me" }
 * postgresql.compile(addColumn({ tableName: 'account', column: { name: 'nickname', type: 'text', serverDefault: greeting } }))
 * // => [{ sql: "ALTER TABLE account ADD COLUMN nickname TEXT DEFAULT 'it''s me'" }]
 */
export interface LiteralDefault {
  readonly literal: string
}

/**
 * A default written in SQL and emitted verbatim: `DEFAULT now()`.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const now: SqlDefault = { sql: 'now()' }
 * postgresql.compile(addColumn({ tableName: 'account', column: { name: 'created_at', type: 'datetime', serverDefault: now } }))
 * // => [{ sql: 'ALTER TABLE account ADD COLUMN created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now()' }]
 */
export interface SqlDefault {
  readonly sql: string
}

/**
 * A server-side default: `{ literal: "abc" }` (quoted) or `{ sql: "now()" }` (verbatim).
 * @example
 * const defaults: ServerDefault[] = [{ literal: 'active' }, { sql: 'CURRENT_TIMESTAMP' }]
 * defaults.map((d) => (isSqlDefault(d) ? d.sql : `'${d.literal}'`)) // => ["'active'", 'CURRENT_TIMESTAMP']
 */
export type ServerDefault = LiteralDefault | SqlDefault

const literalDefault = objectOf<LiteralDefault>({ what: 'a literal default { literal }', fields: { literal: string }, required: ['literal'] })
const sqlDefault = objectOf<SqlDefault>({ what: 'a SQL default { sql }', fields: { sql: sqlText }, required: ['sql'] })
const EXPECTED = '{ literal: "…" } or { sql: "…" }'

/**
 * Validates a {@link ServerDefault}.
 * @example
 * // A plugin field holding a default, checked as a column's serverDefault is
 * interface SetDomainDefaultOp extends OpBase { readonly kind: 'setDomainDefault'; readonly domainName: string; readonly serverDefault: ServerDefault }
 * const spec: OpSpec<SetDomainDefaultOp> = { kind: 'setDomainDefault', fields: { domainName: name, serverDefault }, required: ['domainName', 'serverDefault'] }
 * makeOp(spec, { domainName: 'status', serverDefault: { literal: 'new' } }) // => { kind: 'setDomainDefault', domainName: 'status', serverDefault: { literal: 'new' } }
 * makeOp(spec, JSON.parse('{"domainName":"status","serverDefault":"new"}')) // throws { code: 'INVALID_TYPE', path: 'serverDefault' }
 */
export const serverDefault: Spec<ServerDefault> = (value, path, ctx) => {
  if (!isPlainObject(value)) return fail(ctx, 'INVALID_TYPE', path, EXPECTED, value)
  if (Object.hasOwn(value, 'literal')) return literalDefault(value, path, ctx)
  if (Object.hasOwn(value, 'sql')) return sqlDefault(value, path, ctx)
  return fail(ctx, 'INVALID_VALUE', path, EXPECTED, value)
}

/**
 * True for `{ sql }` defaults.
 * @example
 * isSqlDefault({ sql: 'now()' }) // => true
 * isSqlDefault({ literal: 'now()' }) // => false
 */
export function isSqlDefault(value: ServerDefault): value is SqlDefault {
  return 'sql' in value
}
