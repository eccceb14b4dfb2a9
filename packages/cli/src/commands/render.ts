import { renderTs } from '@athanor/render-ts'
import { expandPaths, readInputs } from '../inputs.js'
import { CliError, type CliIo } from '../io.js'

/** Options of `athanor render`. */
export interface RenderCommandOptions {
  readonly files: readonly string[]
  readonly output?: string
}

/**
 * `athanor render`: one migration file as TypeScript source that builds the same ops with the
 * factories of `@athanor/ir` (see `renderTs`): a migration script as `export default
 * migrationScript({ … })`, an op list as `export const ops: readonly Op[] = [ … ]`.
 */
export function renderCommand(options: RenderCommandOptions, io: CliIo): void {
  const files = expandPaths(options.files, io)
  if (files.length !== 1) {
    throw new CliError([`athanor render takes one migration file, not ${files.length === 0 ? 'none' : `${files.length} (${files.join(', ')})`}`])
  }
  const [input] = readInputs(files, io)
  if (input === undefined) return
  const source = input.kind === 'script' ? renderTs(input.script) : renderTs(input.ops)
  if (options.output === undefined) io.stdout(source)
  else io.writeFile(options.output, source)
}
