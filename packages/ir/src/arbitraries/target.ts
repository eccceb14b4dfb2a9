/**
 * What many ops share: the table they target, and a batch child's column position.
 */
import * as fc from 'fast-check'
import type { ColumnPosition } from '../op-spec.js'
import { arbName } from './names.js'
import type { ArbitraryOptions } from './options.js'
import { arbObject } from './record.js'

/** Where an op sits: at the top of a list, or inside a batch (no table fields). */
export type Place = 'top' | 'batch'

/** `tableName` and an optional `schema`. */
export function arbTableTarget(options: ArbitraryOptions): fc.Arbitrary<{ readonly tableName: string; readonly schema?: string }> {
  return arbObject({ tableName: arbName(options) }, { schema: arbName(options) })
}

/** A batch child's position: nothing, `insertBefore` or `insertAfter` (never both). */
export function arbPosition(options: ArbitraryOptions): fc.Arbitrary<ColumnPosition> {
  return fc.oneof(
    { arbitrary: fc.constant({}), weight: 2 },
    { arbitrary: arbName(options).map((insertBefore) => ({ insertBefore })), weight: 1 },
    { arbitrary: arbName(options).map((insertAfter) => ({ insertAfter })), weight: 1 },
  )
}
