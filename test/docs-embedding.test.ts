import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { repositoryRoot } from './docs/paths.js'

// Every ```ts example of docs/embedding.md runs, and prints what its `// prints:` comments say.
const root = repositoryRoot()
const guide = readFileSync(join(root, 'docs/embedding.md'), 'utf8')
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string)

describe('docs/embedding.md', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6)
  })

  it.each(blocks.map((code, i) => [i, code] as const))('example %i runs and prints what its comments say', async (i, code) => {
    const expected = [...code.matchAll(/^\/\/ prints: (.*)$/gm)].map((m) => m[1])
    const printed: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '))
    })
    // Written inside the repository so that vitest resolves '@athanor/*' as for the other tests.
    const dir = join(root, 'node_modules/.athanor/embedding')
    mkdirSync(dir, { recursive: true })
    const file = join(dir, `example-${i}.ts`)
    writeFileSync(file, code)
    await import(/* @vite-ignore */ `${file}?t=${Date.now()}`)
    expect(printed).toEqual(expected)
  })
})
