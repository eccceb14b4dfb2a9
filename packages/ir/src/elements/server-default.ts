import { fail, isPlainObject, objectOf, sqlText, string, type Spec } from '../spec.js'

/** A default rendered as a quoted string literal by every dialect: `DEFAULT 'abc'`. */
export interface LiteralDefault {
  readonly literal: string
}

/** A default written in SQL and emitted verbatim: `DEFAULT now()`. */
export interface SqlDefault {
  readonly sql: string
}

/** A server-side default: `{ literal: "abc" }` (quoted) or `{ sql: "now()" }` (verbatim). */
export type ServerDefault = LiteralDefault | SqlDefault

const literalDefault = objectOf<LiteralDefault>({ what: 'a literal default { literal }', fields: { literal: string }, required: ['literal'] })
const sqlDefault = objectOf<SqlDefault>({ what: 'a SQL default { sql }', fields: { sql: sqlText }, required: ['sql'] })
const EXPECTED = '{ literal: "…" } or { sql: "…" }'

/** Validates a {@link ServerDefault}. */
export const serverDefault: Spec<ServerDefault> = (value, path, ctx) => {
  if (!isPlainObject(value)) return fail(ctx, 'INVALID_TYPE', path, EXPECTED, value)
  if (Object.hasOwn(value, 'literal')) return literalDefault(value, path, ctx)
  if (Object.hasOwn(value, 'sql')) return sqlDefault(value, path, ctx)
  return fail(ctx, 'INVALID_VALUE', path, EXPECTED, value)
}

/** True for `{ sql }` defaults. */
export function isSqlDefault(value: ServerDefault): value is SqlDefault {
  return 'sql' in value
}
