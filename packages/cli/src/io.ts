/**
 * What the CLI touches outside itself, so that tests can run it in-process.
 * @example
 * const printed: string[] = []
 * const io: CliIo = { ...nodeIo, stdout: (text) => { printed.push(text) } }
 * await run(['--help'], io) // => 0
 */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly readFile: (path: string) => string
  readonly writeFile: (path: string, text: string) => void
  /** File names of a directory, for directory arguments. */
  readonly listDir: (path: string) => readonly string[] | undefined
}

/**
 * A failure the CLI reports as lines on stderr with exit code 2 (bad input) or 1 (other).
 * @example
 * new CliError(['unknown dialect "oracle"']).exitCode // => 2
 */
export class CliError extends Error {
  readonly lines: readonly string[]
  readonly exitCode: number
  constructor(lines: readonly string[], exitCode = 2) {
    super(lines.join('\n'))
    this.lines = lines
    this.exitCode = exitCode
  }
}
