import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import type { CliIo } from './io.js'

/**
 * The CLI's {@link CliIo} on the real file system and process streams.
 * @example
 * process.exitCode = await run(process.argv.slice(2), nodeIo)
 */
export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
  listDir: (path) => {
    try {
      return statSync(path).isDirectory() ? readdirSync(path) : undefined
    } catch {
      return undefined
    }
  },
}
