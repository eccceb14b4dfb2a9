import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CliError, importDialect, run, type CliIo } from '@athanor/cli'
import { parse, type Op } from '@athanor/ir'
import { renderTs } from '@athanor/render-ts'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const examples = join(root, 'examples')

interface Captured {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly written: Readonly<Record<string, string>>
}

async function athanor(...argv: string[]): Promise<Captured> {
  let stdout = ''
  let stderr = ''
  const written: Record<string, string> = {}
  const io: CliIo = {
    stdout: (t) => {
      stdout += t
    },
    stderr: (t) => {
      stderr += t
    },
    readFile: (p) => readFileSync(p, 'utf8'),
    writeFile: (p, t) => {
      written[p] = t
    },
    listDir: (p) => {
      try {
        return statSync(p).isDirectory() ? readdirSync(p) : undefined
      } catch {
        return undefined
      }
    },
  }
  const code = await run(argv, io)
  return { code, stdout, stderr, written }
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'athanor-cli-'))
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

describe('athanor sql', () => {
  it('compiles the example project to the checked-in PostgreSQL script', async () => {
    const r = await athanor('sql', examples, '--dialect', 'postgresql', '--version-table', 'athanor_version')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(readFileSync(join(examples, 'expected/postgresql.up.sql'), 'utf8'))
  })

  it('compiles the downgrade, deriving an empty one with reverse', async () => {
    const r = await athanor('sql', examples, '-d', 'pg', '--down', '--version-table', 'athanor_version')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(readFileSync(join(examples, 'expected/postgresql.down.sql'), 'utf8'))
  })

  it('prints statements as JSON with --format json', async () => {
    const file = tempFile('ops.json', JSON.stringify([{ kind: 'createIndex', indexName: 'ix', tableName: 't', columns: ['a'], postgresqlConcurrently: true }]))
    const r = await athanor('sql', file, '-d', 'postgres', '--format', 'json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([{ sql: 'CREATE INDEX CONCURRENTLY ix ON t (a)', transactional: false }])
  })

  it('writes to a file with -o', async () => {
    const file = tempFile('ops.json', JSON.stringify([{ kind: 'dropTable', tableName: 'legacy' }]))
    const r = await athanor('sql', file, '-d', 'pg', '-o', '/tmp/out.sql')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.written).toEqual({ '/tmp/out.sql': 'DROP TABLE legacy;\n\n' })
  })

  it('reports every invalid op as file: path: message, exit 2, nothing on stdout', async () => {
    const file = tempFile('bad.json', JSON.stringify([{ kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'integr' } }, { kind: 'dropTable' }]))
    const r = await athanor('sql', file, '-d', 'pg')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines.map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([`${file}: [0].column.type`, `${file}: [1].tableName`])
  })

  it('reports invalid JSON with the file name, exit 2', async () => {
    const file = tempFile('broken.json', '{"kind": ')
    const r = await athanor('sql', file, '-d', 'pg')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.startsWith(`${file}: invalid JSON`)).toBe(true)
  })

  it('says clearly when a dialect package is not installed', async () => {
    // Every built-in dialect exists now, so an uninstalled package stands in for one.
    const error = await importDialect({ pkg: '@athanor/dialect-not-installed', name: 'oracle', exportName: 'oracle' }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(CliError)
    expect(error).toMatchObject({ exitCode: 1, lines: ['the oracle dialect is not available: @athanor/dialect-not-installed is not installed in this build yet'] })
  })

  it('compiles the example project for SQLite by default, rebuilding tables from the model of earlier migrations', async () => {
    const r = await athanor('sql', examples, '--version-table', 'athanor_version')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(readFileSync(join(examples, 'expected/sqlite.up.sql'), 'utf8'))
  })

  it('refuses an unknown dialect with the list of names', async () => {
    const r = await athanor('sql', examples, '-d', 'oracle')
    expect(r.code).toBe(2)
    expect(r.stderr.startsWith('unknown dialect "oracle"')).toBe(true)
  })

  it('reports a refusal of the compiler as a typed error, exit 2', async () => {
    const file = tempFile('ops.json', JSON.stringify([{ kind: 'alterColumn', tableName: 't', columnName: 'c', autoincrement: true }]))
    const r = await athanor('sql', file, '-d', 'pg')
    expect(r.code).toBe(2)
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines[0]?.startsWith('note: the ops do not start from an empty database')).toBe(true)
    expect(lines[1]?.startsWith('UNSUPPORTED_OPERATION (alterColumn at autoincrement)')).toBe(true)
  })
})

describe('athanor reverse', () => {
  it('prints the reverse of an op list, filling drops from the model', async () => {
    const file = tempFile(
      'ops.json',
      JSON.stringify([
        { kind: 'createTable', tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'c', type: 'text' }] },
        { kind: 'dropColumn', tableName: 't', columnName: 'c' },
      ]),
    )
    const r = await athanor('reverse', file)
    expect(r.code).toBe(0)
    const ops = JSON.parse(r.stdout) as { kind: string }[]
    expect(ops.map((o) => o.kind)).toEqual(['addColumn', 'dropTable'])
    expect(ops[0]).toEqual({ kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'text', nullable: true } })
  })
})

describe('athanor model', () => {
  it('prints the schema the example project leaves, readable again by --schema', async () => {
    const r = await athanor('model', examples)
    expect(r.code).toBe(0)
    const snapshot = JSON.parse(r.stdout) as { tables: { name: string }[] }
    expect(snapshot.tables.map((t) => t.name).sort()).toEqual(['account', 'post', 'post_tags', 'tag'])
    const file = tempFile('schema.json', r.stdout)
    const empty = await athanor('model', tempFile('none.json', '[]'), '--schema', file)
    expect(JSON.parse(empty.stdout)).toEqual(snapshot)
  })
})

describe('athanor render', () => {
  it('prints a migration script as TypeScript that builds it with the @athanor/ir factories', async () => {
    const file = join(examples, '0001_create_account.json')
    const r = await athanor('render', file)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const parsed = parse(JSON.parse(readFileSync(file, 'utf8')))
    if (!parsed.ok) throw new Error('the example does not parse')
    expect(r.stdout).toBe(renderTs(parsed.value as Op))
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      "import { batch, createIndex, createTable, migrationScript, upgradeOps } from '@athanor/ir'",
      '',
      'export default migrationScript({',
    ])
  })

  it('prints an op list as an exported list, or writes it with -o', async () => {
    const file = tempFile('ops.json', JSON.stringify([{ kind: 'dropTable', tableName: 'legacy' }]))
    const r = await athanor('render', file, '-o', '/tmp/migration.ts')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.written).toEqual({
      '/tmp/migration.ts': "import { dropTable, type Op } from '@athanor/ir'\n\nexport const ops: readonly Op[] = [\n  dropTable({ tableName: 'legacy' }),\n]\n",
    })
  })

  it('reports invalid ops as file: path: message, exit 2, nothing on stdout', async () => {
    const file = tempFile('bad.json', JSON.stringify([{ kind: 'dropTable', tableNam: 't' }]))
    const r = await athanor('render', file)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n').map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([`${file}: [0].tableNam`, `${file}: [0].tableName`])
  })

  it('takes exactly one file and refuses the options of other commands, exit 2', async () => {
    const two = await athanor('render', examples)
    expect(two.code).toBe(2)
    expect(two.stderr.startsWith('athanor render takes one migration file, not 3')).toBe(true)
    const option = await athanor('render', join(examples, '0001_create_account.json'), '-d', 'pg')
    expect(option.code).toBe(2)
    expect(option.stderr).toBe('--dialect is not an option of athanor render (see athanor render --help)\n')
  })
})

describe('athanor --help', () => {
  it('prints help for the tool and for each command', async () => {
    for (const args of [['--help'], ['sql', '--help'], ['reverse', '--help'], ['model', '-h'], ['render', '--help']]) {
      const r = await athanor(...args)
      expect(r.code).toBe(0)
      expect(r.stdout.length).toBeGreaterThan(50)
    }
  })

  it('refuses an unknown command and an unknown option with exit 2', async () => {
    expect((await athanor('frobnicate')).code).toBe(2)
    const r = await athanor('sql', examples, '--bogus')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
  })
})
