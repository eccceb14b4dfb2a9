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
      { find: /^@athanor\/dialect-kit\/conformance$/, replacement: src('./packages/dialect-kit/src/conformance/index.ts') },
      { find: /^@athanor\/dialect-kit$/, replacement: src('./packages/dialect-kit/src/index.ts') },
      { find: /^@athanor\/dialect-postgres\/introspect$/, replacement: src('./packages/dialect-postgres/src/introspect.ts') },
      { find: /^@athanor\/cli$/, replacement: src('./packages/cli/src/index.ts') },
      { find: /^@athanor\/dialect-postgres$/, replacement: src('./packages/dialect-postgres/src/index.ts') },
      { find: /^@athanor\/dialect-mssql\/introspect$/, replacement: src('./packages/dialect-mssql/src/introspect.ts') },
      { find: /^@athanor\/dialect-mssql$/, replacement: src('./packages/dialect-mssql/src/index.ts') },
      { find: /^@athanor\/dialect-mysql\/introspect$/, replacement: src('./packages/dialect-mysql/src/introspect.ts') },
      { find: /^@athanor\/dialect-mysql$/, replacement: src('./packages/dialect-mysql/src/index.ts') },
      { find: /^@athanor\/dialect-sqlite\/introspect$/, replacement: src('./packages/dialect-sqlite/src/introspect.ts') },
      { find: /^@athanor\/dialect-sqlite$/, replacement: src('./packages/dialect-sqlite/src/index.ts') },
      { find: /^@athanor\/render-ts$/, replacement: src('./packages/render-ts/src/index.ts') },
      { find: /^athanor-dialect-duckdb\/introspect$/, replacement: src('./examples/dialect-duckdb/src/introspect.ts') },
      { find: /^athanor-dialect-duckdb$/, replacement: src('./examples/dialect-duckdb/src/index.ts') },
    ],
  },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'bench/test/**/*.test.ts',
      'test/**/*.test.ts',
      'examples/*/test/**/*.test.ts',
    ],
    // Property tests run hundreds of cases; on a loaded 2-core CI machine 5 s is too tight.
    setupFiles: ['test/fast-check-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report is what .ci/run counts; the default reporter is for people.
    reporters: ['default', ['json', { outputFile: 'node_modules/.athanor/vitest-report.json' }]],
  },
})
