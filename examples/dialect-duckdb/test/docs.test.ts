import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// docs/dialect-authors.md walks through this package; its code blocks are copied from it. Each
// must still appear here word for word, so that the guide cannot drift from code that compiles
// and passes the conformance suite.
const example = fileURLToPath(new URL('..', import.meta.url))
const guide = readFileSync(join(example, '../../docs/dialect-authors.md'), 'utf8')
const blocks = [...guide.matchAll(/```(ts|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] as string, code: (m[2] as string).trimEnd() }))

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

const sources = [...files(join(example, 'src')), ...files(join(example, 'test')), join(example, 'package.json')].map((path) => ({
  path: path.slice(example.length),
  text: readFileSync(path, 'utf8'),
}))

describe('docs/dialect-authors.md', () => {
  it('shows code from this package', () => {
    expect(blocks.filter((b) => b.lang === 'ts').length).toBeGreaterThanOrEqual(10)
  })

  it.each(blocks.map((b, i) => [i, b.code.split('\n')[0] ?? '', b] as const))('block %i (%s) appears verbatim in the example', (_i, _first, block) => {
    expect(sources.filter((s) => s.text.includes(block.code)).map((s) => s.path)).not.toEqual([])
  })
})
