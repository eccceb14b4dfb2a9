import { applyOps, emptySnapshot, type SchemaSnapshot } from '@athanor/ir'
import { CliError, type CliIo } from './io.js'
import { readJson } from './inputs.js'

/**
 * The schema a run starts from: `--schema` (a `SchemaSnapshot` as `athanor model` prints it) or an
 * empty database. The file is checked by applying no ops to it through the model.
 */
export function startingSnapshot(file: string | undefined, io: CliIo): SchemaSnapshot {
  if (file === undefined) return emptySnapshot()
  const value = readJson(file, io)
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { tables?: unknown }).tables)) {
    throw new CliError([`${file}: expected a schema snapshot { "tables": [ … ] }`])
  }
  try {
    return applyOps(value as SchemaSnapshot, [])
  } catch (e) {
    throw new CliError([`${file}: not a usable schema snapshot: ${e instanceof Error ? e.message : String(e)}`])
  }
}
