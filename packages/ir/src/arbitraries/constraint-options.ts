/**
 * What constraints share: referential actions, deferrability, `MATCH`.
 */
import * as fc from 'fast-check'
import type { Deferrability, ForeignKeyOptions } from '../elements/constraint-options.js'
import { memo } from './cache.js'
import { arbIdentifier, arbKeyword } from './names.js'
import { finish, type ArbitraryOptions } from './options.js'

/**
 * An `ON DELETE` / `ON UPDATE` action as `parse` accepts it: a keyword in any letter case and
 * spacing, or PostgreSQL's `SET NULL (cols)` / `SET DEFAULT (cols)`.
 * @example
 * arbReferentialAction() // 'CASCADE', ' set  null ', 'SET DEFAULT (a, b)', …
 */
export function arbReferentialAction(): fc.Arbitrary<string> {
  return memo('arbReferentialAction', {}, () =>
    fc.oneof(
      { arbitrary: arbKeyword(['RESTRICT', 'CASCADE', 'SET NULL', 'NO ACTION', 'SET DEFAULT']), weight: 4 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom('SET NULL', 'set default', 'SET DEFAULT'), fc.uniqueArray(arbIdentifier(), { minLength: 1, maxLength: 3 }))
          .map(([action, cols]) => `${action} (${cols.join(', ')})`),
        weight: 1,
      },
    ),
  )
}

/**
 * `deferrable` and `initially` of a constraint, each present or not.
 * @example
 * arbDeferrability() // {}, { deferrable: true, initially: 'deferred' }, …
 */
export function arbDeferrability(): fc.Arbitrary<Deferrability> {
  return memo('arbDeferrability', {}, () =>
    fc.record({ deferrable: fc.boolean(), initially: arbKeyword(['DEFERRED', 'IMMEDIATE']) }, { requiredKeys: [] }),
  )
}

/**
 * What a foreign key says besides its columns: actions, deferrability, `match`,
 * `postgresqlNotValid`.
 * @example
 * arbForeignKeyOptions() // { onDelete: 'CASCADE' }, { match: 'full', postgresqlNotValid: true }, …
 */
export function arbForeignKeyOptions(options: ArbitraryOptions = {}): fc.Arbitrary<ForeignKeyOptions> {
  return memo('arbForeignKeyOptions', options, () =>
    fc
      .record(
        {
          onDelete: arbReferentialAction(),
          onUpdate: arbReferentialAction(),
          deferrable: fc.boolean(),
          initially: arbKeyword(['DEFERRED', 'IMMEDIATE']),
          match: arbKeyword(['FULL', 'PARTIAL', 'SIMPLE']),
          postgresqlNotValid: fc.boolean(),
        },
        { requiredKeys: [] },
      )
      .map(finish(options)),
  )
}
