import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { differencesMarkdown } from './docs/differences.js'
import { jsonFormatMarkdown } from './docs/json-format.js'
import { repositoryRoot } from './docs/paths.js'

// Files of docs/ generated from the code. With UPDATE_DOCS=1 (`pnpm docs:generate`) this test
// writes them; otherwise it fails when a committed file is stale.
const generated: readonly (readonly [string, () => string])[] = [
  ['docs/json-format.md', jsonFormatMarkdown],
  ['docs/differences.md', differencesMarkdown],
]

describe('generated docs', () => {
  it.each(generated)('%s is up to date with the code', (file, generate) => {
    const path = join(repositoryRoot(), file)
    const text = `${generate().trimEnd()}\n`
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(path, text)
    expect(readFileSync(path, 'utf8'), `${file} is stale: run pnpm docs:generate`).toBe(text)
  })
})
