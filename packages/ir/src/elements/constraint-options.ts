import { boolean, keyword, type Spec } from '../spec.js'

/**
 * `ON DELETE` / `ON UPDATE` action: `RESTRICT`, `CASCADE`, `SET NULL`, `NO ACTION`, `SET DEFAULT`
 * in any letter case (kept as written), or PostgreSQL's `SET NULL (cols)` / `SET DEFAULT (cols)`.
 * @example
 * const onDelete: ReferentialAction = 'set null'
 * const fk = { constraintName: 'fk_post_author', sourceTable: 'post', referentTable: 'account', localCols: ['author_id'], remoteCols: ['id'] }
 * createForeignKey({ ...fk, onDelete }).onDelete // => 'set null'
 * createForeignKey({ ...fk, onDelete: 'DELETE' }) // throws { code: 'INVALID_VALUE', path: 'onDelete' }
 */
export type ReferentialAction = string

/**
 * `DEFERRABLE` / `INITIALLY …` of a constraint.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const deferred: Deferrability = { deferrable: true, initially: 'DEFERRED' }
 * postgresql.compile(createUniqueConstraint({ constraintName: 'uq_slot', tableName: 'booking', columns: ['room', 'slot'], ...deferred }))
 * // => [{ sql: 'ALTER TABLE booking ADD CONSTRAINT uq_slot UNIQUE (room, slot) DEFERRABLE INITIALLY DEFERRED' }]
 */
export interface Deferrability {
  readonly deferrable?: boolean
  /** `DEFERRED` or `IMMEDIATE`, any letter case. */
  readonly initially?: string
}

/**
 * What a foreign key may say besides its columns.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const options: ForeignKeyOptions = { onDelete: 'CASCADE', match: 'FULL' }
 * const op = createForeignKey({ constraintName: 'fk_post_author', sourceTable: 'post', referentTable: 'account', localCols: ['author_id'], remoteCols: ['id'], ...options })
 * postgresql.compile(op) // => [{ sql: 'ALTER TABLE post ADD CONSTRAINT fk_post_author FOREIGN KEY(author_id) REFERENCES account (id) MATCH FULL ON DELETE CASCADE' }]
 */
export interface ForeignKeyOptions extends Deferrability {
  readonly onDelete?: ReferentialAction
  readonly onUpdate?: ReferentialAction
  /** `FULL`, `PARTIAL` or `SIMPLE`. */
  readonly match?: string
  /** PostgreSQL: add the constraint `NOT VALID` (existing rows are not checked). */
  readonly postgresqlNotValid?: boolean
}

/** Validates a referential action. */
export const referentialAction: Spec<string> = keyword(
  ['RESTRICT', 'CASCADE', 'SET NULL', 'NO ACTION', 'SET DEFAULT'],
  [/^\s*SET\s+(NULL|DEFAULT)\s*\(\s*[^()]+\)\s*$/i],
)

/** Validates `initially`. */
export const initially: Spec<string> = keyword(['DEFERRED', 'IMMEDIATE'])

/** Validates `match`. */
export const match: Spec<string> = keyword(['FULL', 'PARTIAL', 'SIMPLE'])

/** Field specs for {@link Deferrability}. */
export const deferrabilityFields = { deferrable: boolean, initially } as const

/** Field specs for {@link ForeignKeyOptions}. */
export const foreignKeyOptionFields = {
  onDelete: referentialAction,
  onUpdate: referentialAction,
  ...deferrabilityFields,
  match,
  postgresqlNotValid: boolean,
} as const
