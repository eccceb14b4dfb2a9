import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

// Tests import packages by name, as users do; these aliases point the names at the sources so
// a test run never depends on a stale build.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@athanor\/ir\/arbitraries$/, replacement: src('./packages/ir/src/arbitraries/index.ts') },
      { find: /^@athanor\/ir$/, replacement: src('./packages/ir/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
  },
})
