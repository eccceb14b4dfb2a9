import { columnList, constraintPrefix, indexColumnSql } from '@athanor/dialect-kit'
import { UnsupportedOperationError, type ConstraintDefinition, type Deferrability, type ForeignKeyDefinition, type IndexDefinition } from '@athanor/ir'
import { duckdbQuote as q } from './quote.js'

/** Actions DuckDB accepts: both mean "refuse while rows refer to the key", checked at once. */
const NO_ACTIONS = new Set(['NO ACTION', 'RESTRICT'])

const word = (s: string): string => s.trim().replace(/\s+/g, ' ').toUpperCase()

/** Refuses `DEFERRABLE` / `INITIALLY DEFERRED`: DuckDB checks every constraint at once. `path` is empty or ends with `.`. */
export function refuseDeferrability(c: Deferrability, path: string): void {
  if (c.deferrable === true) {
    throw new UnsupportedOperationError({ engine: 'duckdb', path: `${path}deferrable`, message: 'duckdb checks constraints at once; it has no DEFERRABLE constraints' })
  }
  if (c.initially !== undefined && word(c.initially) !== 'IMMEDIATE') {
    throw new UnsupportedOperationError({ engine: 'duckdb', path: `${path}initially`, message: 'duckdb checks constraints at once; it has no INITIALLY DEFERRED constraints' })
  }
}

/**
 * ` REFERENCES [schema.]t (cols) [ON DELETE a] [ON UPDATE a]`. DuckDB refuses a key into another
 * schema and every action but `NO ACTION` and `RESTRICT` (no cascades); it would ignore `MATCH
 * FULL`/`PARTIAL` and deferrability, so those are refused too. `path` is empty or ends with `.`.
 */
export function referencesSql(fk: Omit<ForeignKeyDefinition, 'type' | 'localCols'>, tableSchema: string | undefined, path: string): string {
  if ((fk.referentSchema ?? tableSchema) !== tableSchema) {
    throw new UnsupportedOperationError({
      engine: 'duckdb',
      path: `${path}referentSchema`,
      message: `duckdb cannot create a foreign key into another schema (${JSON.stringify(fk.referentSchema)})`,
    })
  }
  for (const field of ['onDelete', 'onUpdate'] as const) {
    const action = fk[field]
    if (action !== undefined && !NO_ACTIONS.has(word(action))) {
      throw new UnsupportedOperationError({ engine: 'duckdb', path: `${path}${field}`, message: `duckdb foreign keys cannot ${word(action)}; only NO ACTION and RESTRICT` })
    }
  }
  if (fk.match !== undefined && word(fk.match) !== 'SIMPLE') {
    throw new UnsupportedOperationError({ engine: 'duckdb', path: `${path}match`, message: `duckdb foreign keys have no MATCH ${word(fk.match)}` })
  }
  refuseDeferrability(fk, path)
  let out = ` REFERENCES ${q.qualified(fk.referentTable, tableSchema)} (${columnList(q, fk.remoteCols)})`
  if (fk.onDelete !== undefined) out += ` ON DELETE ${word(fk.onDelete)}`
  if (fk.onUpdate !== undefined) out += ` ON UPDATE ${word(fk.onUpdate)}`
  return out
}

/**
 * A table constraint inside CREATE TABLE: `[CONSTRAINT n] PRIMARY KEY (…)`, `UNIQUE (…)`,
 * `FOREIGN KEY (…) REFERENCES …`, `CHECK (…)`. DuckDB accepts the name but keeps its own
 * (`t_a_key`, `t_a_check`): see `namedConstraints` in the capabilities.
 */
export function constraintSql(c: ConstraintDefinition, name: string | undefined, tableSchema: string | undefined, path = ''): string {
  const prefix = constraintPrefix(q, name)
  switch (c.type) {
    case 'primaryKey':
      return `${prefix}PRIMARY KEY (${columnList(q, c.columns)})`
    case 'unique':
      refuseDeferrability(c, path)
      return `${prefix}UNIQUE (${columnList(q, c.columns)})`
    case 'foreignKey':
      return `${prefix}FOREIGN KEY (${columnList(q, c.localCols)})${referencesSql(c, tableSchema, path)}`
    case 'check':
      refuseDeferrability(c, path)
      return `${prefix}CHECK (${c.condition})`
  }
}

/**
 * `CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON [schema.]table (cols)`: the index lives in its
 * table's schema. DuckDB has no partial indexes; the partial-index fields of other dialects
 * (`postgresqlWhere`, …) are theirs and left alone.
 */
export function createIndexSql(
  index: IndexDefinition,
  names: { readonly indexName: string; readonly tableName: string; readonly schema?: string | undefined },
  ifNotExists = false,
): string {
  const name = q.ident(names.indexName, { force: index.quote === true })
  const columns = index.columns.map((c) => indexColumnSql(q, c)).join(', ')
  return `CREATE ${index.unique === true ? 'UNIQUE ' : ''}INDEX ${ifNotExists ? 'IF NOT EXISTS ' : ''}${name} ON ${q.qualified(names.tableName, names.schema)} (${columns})`
}
