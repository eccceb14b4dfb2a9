/** `athanor sql … --dialect mssql`: the CLI loads this dialect and writes GO after every statement. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { run, type CliIo } from '@athanor/cli'

it('compiles an op list for SQL Server, GO after every statement', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'athanor-mssql-'))
  const file = join(dir, 'ops.json')
  writeFileSync(file, JSON.stringify([
    { kind: 'createTable', tableName: 'account', columns: [{ name: 'id', type: 'integer', primaryKey: true }] },
    { kind: 'addColumn', tableName: 'account', column: { name: 'nick', type: { name: 'nvarchar', length: 40 } } },
    { kind: 'alterColumn', tableName: 'account', columnName: 'nick', newColumnName: 'nickname' },
  ]))
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (t) => {
      stdout += t
    },
    stderr: (t) => {
      stderr += t
    },
    readFile: (p) => readFileSync(p, 'utf8'),
    writeFile: () => undefined,
    listDir: () => undefined,
  }
  expect(await run(['sql', file, '--dialect', 'mssql'], io)).toBe(0)
  expect(stderr).toBe('')
  expect(stdout).toBe("CREATE TABLE account (\n    id INTEGER NOT NULL IDENTITY,\n    PRIMARY KEY (id)\n);\n\nGO\n\nALTER TABLE account ADD nick NVARCHAR(40) NULL;\n\nGO\n\nEXEC sp_rename 'account.nick', nickname, 'COLUMN';\n\nGO\n\n")
})
