import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(`${root}README.md`, 'utf8')
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string)

describe('README', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThan(0)
  })

  it.each(blocks.map((code, i) => [i, code] as const))('example %i runs and prints what its comments say', async (i, code) => {
    const expected = [...code.matchAll(/^\/\/ prints: (.*)$/gm)].map((m) => m[1])
    const printed: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '))
    })
    // Written inside the repo so that vitest resolves '@athanor/*' like the other tests.
    const dir = `${root}node_modules/.athanor/readme`
    mkdirSync(dir, { recursive: true })
    const file = `${dir}/example-${i}.ts`
    writeFileSync(file, code)
    await import(/* @vite-ignore */ `${file}?t=${Date.now()}`)
    expect(printed).toEqual(expected)
  })
})
