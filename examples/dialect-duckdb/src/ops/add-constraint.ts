import { UnsupportedOperationError } from '@athanor/ir'

/**
 * The refusal shared by the constraint ops outside a batch: DuckDB has no `ALTER TABLE … ADD
 * CONSTRAINT` / `DROP CONSTRAINT` ("No support for that ALTER TABLE option yet"); a batch
 * rebuilds the table with the change.
 */
export function refuseConstraintChange(kind: string, what: string): never {
  throw new UnsupportedOperationError({
    kind,
    engine: 'duckdb',
    path: 'kind',
    message: `duckdb cannot ${what} on an existing table (no ALTER TABLE … ${kind === 'dropConstraint' ? 'DROP' : 'ADD'} CONSTRAINT); put the op in a batch, which rebuilds the table`,
  })
}
