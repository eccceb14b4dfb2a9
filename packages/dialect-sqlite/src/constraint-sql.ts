import { columnList, constraintPrefix, foreignKeyActions, indexColumnSql } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type ConstraintDefinition, type Deferrability, type ForeignKeyDefinition, type IndexColumn, type IndexDefinition } from '@athanor/ir'
import { sqliteQuote as q } from './quote.js'

/** Refuses DEFERRABLE / INITIALLY where SQLite has no such clause (UNIQUE, CHECK). `path` is empty or ends with `.`. */
function refuseDeferrability(c: Deferrability, what: string, path: string): void {
  const field = c.deferrable !== undefined ? 'deferrable' : c.initially !== undefined ? 'initially' : undefined
  if (field === undefined) return
  throw new UnsupportedOperationError({ engine: 'sqlite', path: `${path}${field}`, message: `sqlite: a ${what} constraint cannot be deferrable; only foreign keys can` })
}

/**
 * ` REFERENCES t (cols) [MATCH m] [ON DELETE a] [ON UPDATE a] [DEFERRABLE …]`. SQLite resolves
 * the referenced table in the referring table's own database, so the name is never qualified and
 * a key into another schema is refused.
 */
export function referencesSql(fk: Omit<ForeignKeyDefinition, 'type' | 'localCols'>, tableSchema: string | undefined, path: string): string {
  if (fk.referentSchema !== undefined && fk.referentSchema !== tableSchema) {
    throw new UnsupportedOperationError({
      engine: 'sqlite',
      path: `${path}referentSchema`,
      message: `sqlite: a foreign key cannot point into another schema (${JSON.stringify(fk.referentSchema)}); SQLite looks for the referenced table in the table's own database`,
    })
  }
  return ` REFERENCES ${q.ident(fk.referentTable)} (${columnList(q, fk.remoteCols)})${foreignKeyActions(fk)}`
}

/**
 * A table constraint inside CREATE TABLE: `[CONSTRAINT n] PRIMARY KEY (…)`, `UNIQUE (…) [ON
 * CONFLICT x]`, `FOREIGN KEY(…) REFERENCES t (…) …`, `CHECK (…)`. `path` (empty, or ending with
 * `.`) prefixes the field paths of errors.
 */
export function constraintSql(c: ConstraintDefinition, name: string | undefined, tableSchema: string | undefined, path = ''): string {
  const prefix = constraintPrefix(q, name)
  switch (c.type) {
    case 'primaryKey':
      return `${prefix}PRIMARY KEY (${columnList(q, c.columns)})`
    case 'unique':
      refuseDeferrability(c, 'UNIQUE', path)
      return `${prefix}UNIQUE (${columnList(q, c.columns)})${c.sqliteOnConflict === undefined ? '' : ` ON CONFLICT ${c.sqliteOnConflict}`}`
    case 'foreignKey':
      return `${prefix}FOREIGN KEY(${columnList(q, c.localCols)})${referencesSql(c, tableSchema, path)}`
    case 'check':
      refuseDeferrability(c, 'CHECK', path)
      return `${prefix}CHECK (${c.condition})`
  }
}

/**
 * `CREATE [UNIQUE] INDEX [IF NOT EXISTS] [schema.]name ON table (cols) [WHERE …]`: the schema
 * goes on the index name and the table is never qualified (catalog §2.4).
 */
export function createIndexSql(
  index: IndexDefinition,
  names: { readonly indexName: string; readonly tableName: string; readonly schema?: string | undefined },
  ifNotExists = false,
): string {
  const force = index.quote === true ? FORCE : undefined
  const name = names.schema === undefined ? q.ident(names.indexName, force) : `${q.ident(names.schema)}.${q.ident(names.indexName, force)}`
  let out = `CREATE ${index.unique === true ? 'UNIQUE ' : ''}INDEX ${ifNotExists ? 'IF NOT EXISTS ' : ''}${name} ON ${q.ident(names.tableName)} (`
  const columns = index.columns
  for (let i = 0; i < columns.length; i++) out += (i === 0 ? '' : ', ') + indexColumnSql(q, columns[i] as IndexColumn)
  out += ')'
  if (index.sqliteWhere !== undefined) out += ` WHERE ${index.sqliteWhere}`
  return out
}

// Shared, not built per call: `index.quote` asks for the name to be quoted whatever it is.
const FORCE = { force: true } as const
