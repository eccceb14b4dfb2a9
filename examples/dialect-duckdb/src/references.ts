import { UnsupportedOperationError, type SchemaSnapshot } from '@athanor/ir'
import { referencingTable } from './column-constraints.js'

/**
 * Refuses an op that DuckDB cannot apply to a table other tables' foreign keys point at (see
 * `referencingTable`): "Could not drop the table because this table is main key table of the
 * table …", "Cannot alter entry … because there are entries that depend on it". Only a schema
 * snapshot knows the keys; without one nothing is refused here.
 * @example
 * import { applyOps, createTable, emptySnapshot } from '@athanor/ir'
 * const snapshot = applyOps(emptySnapshot(), [
 *   createTable({ tableName: 'parent', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
 *   createTable({ tableName: 'child', columns: [{ name: 'parent_id', type: 'integer', foreignKey: { referentTable: 'parent', remoteCol: 'id' } }] }),
 * ])
 * refuseReferencedTable(snapshot, 'parent', undefined, { kind: 'renameTable', path: 'oldTableName', doing: 'rename' })
 * // throws { code: 'UNSUPPORTED_OPERATION', path: 'oldTableName' }
 */
export function refuseReferencedTable(
  snapshot: SchemaSnapshot | undefined,
  tableName: string,
  schema: string | undefined,
  what: { readonly kind: string; readonly path: string; readonly doing: string },
): void {
  const from = referencingTable(snapshot, tableName, schema)
  if (from === undefined) return
  throw new UnsupportedOperationError({
    kind: what.kind,
    engine: 'duckdb',
    path: what.path,
    message: `duckdb cannot ${what.doing} table ${JSON.stringify(tableName)}: a foreign key of table ${JSON.stringify(from)} points at it`,
  })
}
