import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run, type CliIo } from '@athanor/cli'
import { repositoryRoot } from './docs/paths.js'

// docs/cli.md shows commands (a ```sh block holding one `athanor …` line) each followed by its
// output (the next block). Each is run here, in-process, from the repository's root, and must
// print exactly what the guide shows: on stdout, or on stderr for a ```text block.
const root = repositoryRoot()
const guide = readFileSync(join(root, 'docs/cli.md'), 'utf8')
const examples = [...guide.matchAll(/```sh\nathanor ([^\n]*)\n```\s*\n```(\w+)\n([\s\S]*?)```/g)].map((m) => ({
  args: (m[1] as string).split(' '),
  lang: m[2] as string,
  output: m[3] as string,
}))

async function athanor(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const at = (p: string): string => (p.startsWith('/') ? p : join(root, p))
  const io: CliIo = {
    stdout: (t) => {
      stdout += t
    },
    stderr: (t) => {
      stderr += t
    },
    readFile: (p) => readFileSync(at(p), 'utf8'),
    writeFile: () => {
      throw new Error('the guide writes no files')
    },
    listDir: (p) => (statSync(at(p), { throwIfNoEntry: false })?.isDirectory() === true ? readdirSync(at(p)) : undefined),
  }
  const code = await run(args, io)
  return { code, stdout, stderr }
}

describe('docs/cli.md', () => {
  it('shows commands with their output', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6)
  })

  it.each(examples.map((e) => [e.args.join(' '), e] as const))('athanor %s prints what the guide shows', async (_name, example) => {
    const r = await athanor(example.args)
    if (example.lang === 'text') {
      expect(r.code).toBe(2)
      expect(r.stderr.trimEnd()).toBe(example.output.trimEnd())
    } else {
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(r.stdout.trimEnd()).toBe(example.output.trimEnd())
    }
  })
})
