import { fillExistingAll, ModelMismatchError, reverse, type Op, type SchemaSnapshot } from '@athanor/ir'
import { opsOfInputs, readInputs } from '../inputs.js'
import type { CliIo } from '../io.js'
import { startingSnapshot } from '../snapshot-file.js'

/** Options of `athanor reverse`. */
export interface ReverseCommandOptions {
  readonly files: readonly string[]
  readonly schema?: string
}

/**
 * `athanor reverse`: the ops that undo the inputs, as JSON (a list, last op's reverse first). Drops
 * and alters are first filled from the schema model (`fillExisting`), so that a `dropColumn` knows
 * the column it must add back.
 */
export function reverseCommand(options: ReverseCommandOptions, io: CliIo): void {
  const ops = opsOfInputs(readInputs(options.files, io))
  const filled = fill(ops, startingSnapshot(options.schema, io), options.schema !== undefined)
  const reversed = filled
    .slice()
    .reverse()
    .map((op) => reverse(op))
  io.stdout(`${JSON.stringify(reversed, null, 2)}\n`)
}

function fill(ops: readonly Op[], snapshot: SchemaSnapshot, strict: boolean): readonly Op[] {
  try {
    return fillExistingAll(ops, snapshot).ops
  } catch (e) {
    // Without --schema the ops may act on tables made elsewhere; reverse them as they are.
    if (!strict && e instanceof ModelMismatchError) return ops
    throw e
  }
}
