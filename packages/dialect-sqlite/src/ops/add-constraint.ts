import { UnsupportedOperationError } from '@athanor/ir'

/**
 * The refusal shared by the constraint ops outside a batch: SQLite has no `ALTER TABLE … ADD
 * CONSTRAINT` / `DROP CONSTRAINT` (catalog §2.4); a batch rebuilds the table with the change.
 */
export function refuseConstraintChange(kind: string, what: string): never {
  throw new UnsupportedOperationError({
    kind,
    engine: 'sqlite',
    path: 'kind',
    message: `sqlite cannot ${what} on an existing table (no ALTER TABLE … ${kind === 'dropConstraint' ? 'DROP' : 'ADD'} CONSTRAINT); put the op in a batch, which rebuilds the table`,
  })
}
