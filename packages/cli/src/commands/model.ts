import { applyOps } from '@athanor/ir'
import { opsOfInputs, readInputs } from '../inputs.js'
import type { CliIo } from '../io.js'
import { startingSnapshot } from '../snapshot-file.js'

/** Options of `athanor model`. */
export interface ModelCommandOptions {
  readonly files: readonly string[]
  readonly schema?: string
}

/** `athanor model`: the `SchemaSnapshot` after the inputs' ops, as JSON (the format `--schema` reads). */
export function modelCommand(options: ModelCommandOptions, io: CliIo): void {
  const ops = opsOfInputs(readInputs(options.files, io))
  io.stdout(`${JSON.stringify(applyOps(startingSnapshot(options.schema, io), ops), null, 2)}\n`)
}
