import { columnList, constraintPrefix, deferrabilityClause, foreignKeyActions, indexColumnSql } from '@athanor/dialect-kit'
import {
  UnsupportedOperationError, type CheckDefinition, type ConstraintDefinition, type Deferrability, type ForeignKeyDefinition,
  type ForeignKeyOptions, type IndexDefinition, type UniqueDefinition,
} from '@athanor/ir'
import { postgresQuote as q } from './quote.js'

/** Where a constraint is written: inside CREATE TABLE, or in ALTER TABLE … ADD (which allows NOT VALID). */
export type ConstraintPlace = 'create' | 'alter'

const keywordOf = (value: string): string => value.trim().replace(/\s+/g, ' ').toUpperCase()

/** Refuses `NOT DEFERRABLE INITIALLY DEFERRED`, which PostgreSQL rejects. `path` ends with `.` or is empty. */
export function checkDeferrability(c: Deferrability, path: string): void {
  if (c.deferrable === false && c.initially !== undefined && keywordOf(c.initially) === 'DEFERRED') {
    throw new UnsupportedOperationError({
      engine: 'postgresql',
      path: `${path}initially`,
      message: 'postgresql: a NOT DEFERRABLE constraint cannot be INITIALLY DEFERRED; drop deferrable: false or use IMMEDIATE',
    })
  }
}

/** Refuses foreign-key options PostgreSQL rejects: `MATCH PARTIAL` (not implemented), a contradictory deferrability. */
export function checkForeignKeyOptions(fk: ForeignKeyOptions, path: string): void {
  if (fk.match !== undefined && keywordOf(fk.match) === 'PARTIAL') {
    throw new UnsupportedOperationError({ engine: 'postgresql', path: `${path}match`, message: 'postgresql: MATCH PARTIAL is not implemented; use FULL or SIMPLE' })
  }
  checkDeferrability(fk, path)
}

/** `UNIQUE [NULLS [NOT] DISTINCT] (…) [INCLUDE (…)] [DEFERRABLE …]` */
export function uniqueSql(c: Omit<UniqueDefinition, 'type'>, path: string): string {
  checkDeferrability(c, path)
  const nulls = c.postgresqlNullsNotDistinct === true ? 'NULLS NOT DISTINCT ' : c.postgresqlNullsNotDistinct === false ? 'NULLS DISTINCT ' : ''
  const include = c.postgresqlInclude === undefined ? '' : ` INCLUDE (${columnList(q, c.postgresqlInclude)})`
  return `UNIQUE ${nulls}(${columnList(q, c.columns)})${include}${deferrabilityClause(c)}`
}

/** `FOREIGN KEY(…) REFERENCES t (…) [MATCH …] [ON DELETE …] [ON UPDATE …] [DEFERRABLE …] [NOT VALID]` */
export function foreignKeySql(c: Omit<ForeignKeyDefinition, 'type'>, place: ConstraintPlace, path: string): string {
  checkForeignKeyOptions(c, path)
  const target = q.qualified(c.referentTable, c.referentSchema)
  // NOT VALID exists only in ALTER TABLE; a new table has no rows to skip.
  const notValid = place === 'alter' && c.postgresqlNotValid === true ? ' NOT VALID' : ''
  return `FOREIGN KEY(${columnList(q, c.localCols)}) REFERENCES ${target} (${columnList(q, c.remoteCols)})${foreignKeyActions(c)}${notValid}`
}

/** `CHECK (condition) [NOT VALID]` (deferrable checks are refused). */
export function checkSql(c: Omit<CheckDefinition, 'type'>, place: ConstraintPlace, path: string): string {
  if (c.deferrable !== undefined || c.initially !== undefined) {
    throw new UnsupportedOperationError({
      engine: 'postgresql',
      path: `${path}${c.deferrable !== undefined ? 'deferrable' : 'initially'}`,
      message: 'postgresql: CHECK constraints cannot be deferrable',
    })
  }
  return `CHECK (${c.condition})${place === 'alter' && c.postgresqlNotValid === true ? ' NOT VALID' : ''}`
}

/**
 * The body of a table constraint: `[CONSTRAINT n] PRIMARY KEY (…)`, `UNIQUE [NULLS NOT DISTINCT]
 * (…) [INCLUDE (…)]`, `FOREIGN KEY(…) REFERENCES t (…) …`, `CHECK (…)`, with deferrability.
 * `path` (empty, or ending with `.`) prefixes the field paths of errors.
 */
export function constraintSql(c: ConstraintDefinition, name: string | undefined, place: ConstraintPlace, path = ''): string {
  const prefix = constraintPrefix(q, name)
  switch (c.type) {
    case 'primaryKey':
      return `${prefix}PRIMARY KEY (${columnList(q, c.columns)})`
    case 'unique':
      return prefix + uniqueSql(c, path)
    case 'foreignKey':
      return prefix + foreignKeySql(c, place, path)
    case 'check':
      return prefix + checkSql(c, place, path)
  }
}

/**
 * `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON [schema.]table [USING m]
 * (cols [opclass]) [INCLUDE (…)] [NULLS [NOT] DISTINCT] [WITH (…)] [TABLESPACE t] [WHERE …]`
 */
export function createIndexSql(
  index: IndexDefinition,
  names: { readonly indexName: string; readonly tableName: string; readonly schema?: string | undefined },
  concurrently = false,
  ifNotExists = false,
): string {
  let out = `CREATE ${index.unique === true ? 'UNIQUE ' : ''}INDEX ${concurrently ? 'CONCURRENTLY ' : ''}`
  out += `${ifNotExists ? 'IF NOT EXISTS ' : ''}${index.quote === true ? q.ident(names.indexName, { force: true }) : q.ident(names.indexName)} `
  out += `ON ${q.qualified(names.tableName, names.schema)}`
  if (index.postgresqlUsing !== undefined) out += ` USING ${index.postgresqlUsing}`
  const ops = index.postgresqlOps
  const columns = index.columns
  out += ' ('
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as (typeof columns)[number]
    if (i > 0) out += ', '
    out += indexColumnSql(q, c)
    // Own keys only: a column named `toString` has no operator class.
    if (ops !== undefined && typeof c === 'string' && Object.hasOwn(ops, c)) out += ` ${ops[c] as string}`
  }
  out += ')'
  if (index.postgresqlInclude !== undefined) out += ` INCLUDE (${columnList(q, index.postgresqlInclude)})`
  if (index.postgresqlNullsNotDistinct === true) out += ' NULLS NOT DISTINCT'
  else if (index.postgresqlNullsNotDistinct === false) out += ' NULLS DISTINCT'
  if (index.postgresqlWith !== undefined) {
    out += ` WITH (${Object.entries(index.postgresqlWith).map(([k, v]) => `${q.ident(k)} = ${typeof v === 'string' ? q.literal(v) : String(v)}`).join(', ')})`
  }
  if (index.postgresqlTablespace !== undefined) out += ` TABLESPACE ${q.ident(index.postgresqlTablespace)}`
  if (index.postgresqlWhere !== undefined) out += ` WHERE ${index.postgresqlWhere}`
  return out
}
