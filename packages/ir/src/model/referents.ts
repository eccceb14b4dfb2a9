import type { Draft } from 'immer'
import type { ForeignKeyDefinition } from '../elements/constraint.js'
import { readTables, refuse, tableLabel, tablePosition } from './lookup.js'
import type { SchemaSnapshot } from './snapshot.js'

/** @internal The table a new foreign key is added to, with its column names as they will be. */
export interface ForeignKeySource {
  readonly name: string
  readonly schema: string | undefined
  readonly columns: readonly string[]
}

/** @internal Where to point a refusal: the op fields holding the referent table and each remote column. */
export interface ReferentPaths {
  readonly table: string
  readonly column: (index: number) => string
}

/**
 * Refuses a foreign key whose referent table or columns do not exist. A key on its own table
 * (self-reference) is checked against `source`, so a table may reference itself as it is created.
 * @internal
 */
export function checkReferent(
  draft: Draft<SchemaSnapshot>,
  kind: string,
  fk: Pick<ForeignKeyDefinition, 'referentTable' | 'referentSchema' | 'remoteCols'>,
  source: ForeignKeySource,
  paths: ReferentPaths,
): void {
  const self = fk.referentTable === source.name && fk.referentSchema === source.schema
  const tables = readTables(draft)
  const target = self ? undefined : tables[tablePosition(tables, fk.referentTable, fk.referentSchema)]
  if (!self && target === undefined) {
    refuse(kind, paths.table, `referent table ${tableLabel(fk.referentTable, fk.referentSchema)} not found; expected an existing table`)
  }
  const columns = target === undefined ? source.columns : target.columns.map((c) => c.name)
  fk.remoteCols.forEach((col, i) => {
    if (!columns.includes(col)) {
      refuse(kind, paths.column(i), `column ${JSON.stringify(col)} not found in referent table ${tableLabel(fk.referentTable, fk.referentSchema)}; expected one of its columns`)
    }
  })
}

/** @internal Refuses each name of `columns` that is not in `existing`, pointing at `path(index)`. */
export function checkColumns(kind: string, columns: readonly string[], existing: readonly string[], table: string, path: (index: number) => string): void {
  columns.forEach((col, i) => {
    if (!existing.includes(col)) refuse(kind, path(i), `column ${JSON.stringify(col)} not found in table ${table}; expected one of ${existing.map((c) => JSON.stringify(c)).join(', ')}`)
  })
}
