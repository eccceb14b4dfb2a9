/**
 * Security fuzz on MariaDB: names with backticks, quotes and unicode, and string literals with
 * backslashes, quotes, NUL and unicode, compiled by each backslash mode of the dialect and run
 * under the sql_modes it is meant for — the default mode and NO_BACKSLASH_ESCAPES for a dialect
 * that does not know which (the default), the one it was told otherwise — then read back from
 * information_schema and the table, byte for byte. Nothing the op holds may change what the SQL
 * does beyond the value it stands for.
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { createMysqlDialect, mysqlLiteral } from '@athanor/dialect-mysql'
import { introspectMysql } from '@athanor/dialect-mysql/introspect'
import type { Dialect } from '@athanor/dialect-kit'
import { UnsupportedOperationError, bulkInsert, createTable } from '@athanor/ir'
import { describeLive, type LiveDb } from './live.js'

/** Characters that mean something to MySQL's lexer, its escapes, drivers or terminals. */
const TRICKY = ["'", "''", '"', '\\', '\\\\', "\\'", '\0', '\\0', '`', '%', '_', '\\%', '?', '\n', '\r', '\t', '\x1a', '\b', ' ', ';', '--', '/*', '*/', '#', 'é', '日本', '😀', 'ß', '\u00a0', 'X', 'NULL']

/** A string of tricky pieces and random ASCII (control characters included). */
const arbText = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 3 })), { maxLength: 10 })
  .map((parts) => parts.join(''))

/** A name MySQL takes quoted: Basic Multilingual Plane only, no NUL, not ending with a space, at most 64 characters. */
const arbName = fc
  .array(fc.oneof(fc.constantFrom('`', "'", '"', '\\', ' ', '%', '?', ';', '-', '.', '/', 'é', '日', 'Ǳ', 'select', 'KEY', '$', '1'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 4 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join('').replaceAll('\0', '').slice(0, 64).trimEnd())
  .filter((n) => n !== '')

/** Distinct column names, whatever the letter case (MySQL compares column names without it). */
const arbColumnNames = fc.uniqueArray(arbName, { minLength: 3, maxLength: 3, selector: (n) => n.toLowerCase() })

interface Case {
  readonly dialect: Dialect
  readonly mode: 'default' | 'noBackslashEscapes'
  /** Whether the dialect can write a comment holding a backslash for this mode. */
  readonly commentsWithEscapes: boolean
}

const unknown = createMysqlDialect({ flavour: 'mariadb', version: '10.11' })
const CASES: readonly Case[] = [
  { dialect: unknown, mode: 'default', commentsWithEscapes: false },
  { dialect: unknown, mode: 'noBackslashEscapes', commentsWithEscapes: false },
  { dialect: createMysqlDialect({ flavour: 'mariadb', version: '10.11', noBackslashEscapes: false }), mode: 'default', commentsWithEscapes: true },
  { dialect: createMysqlDialect({ flavour: 'mariadb', version: '10.11', noBackslashEscapes: true }), mode: 'noBackslashEscapes', commentsWithEscapes: true },
]

async function roundTrip(db: LiveDb, c: Case, table: string, columns: readonly string[], text: string, comment: string): Promise<void> {
  const [a, b, e] = columns as [string, string, string]
  // MySQL strips trailing spaces from ENUM values (the dialect refuses them: see golden.test.ts).
  const member = text.trimEnd() === '' ? 'empty' : text.trimEnd()
  // Comments take only a quoted string: a backslash needs the mode known; NUL and characters
  // outside the BMP are not stored as given (MariaDB keeps comments in utf8mb3).
  const commentRefused = /[\ud800-\udfff\0]/.test(comment) || (!c.commentsWithEscapes && comment.includes('\\'))
  const op = createTable({
    tableName: table,
    columns: [
      { name: a, type: { name: 'varchar', length: 200 }, serverDefault: { literal: text }, comment },
      { name: b, type: 'text' },
      { name: e, type: { name: 'enum', values: [member, 'other'] } },
    ],
    comment,
  })
  let statements
  try {
    statements = c.dialect.compile(op)
  } catch (err) {
    // A comment that cannot be written safely for the mode is refused before any SQL.
    expect(commentRefused, String(err)).toBe(true)
    expect(err).toBeInstanceOf(UnsupportedOperationError)
    expect(err).toMatchObject({ code: 'UNSUPPORTED_OPERATION', path: 'columns[0].comment' })
    return
  }
  expect(commentRefused).toBe(false)
  await db.run(statements)
  const enumType = { name: 'enum', values: [member, 'other'] } as const
  await db.run(c.dialect.compile(bulkInsert({ tableName: table, columns: [{ name: b, type: 'text' }, { name: e, type: enumType }], rows: [{ [b]: text, [e]: member }] })))
  const snapshot = await introspectMysql(db.introspectQuery)
  const found = snapshot.tables.find((t) => t.name === table)
  expect(found?.name).toBe(table)
  expect(found?.comment ?? '').toBe(comment)
  expect(found?.columns.map((col) => col.name)).toEqual([a, b, e])
  // information_schema shows characters outside the BMP in a default or an ENUM value as '?'
  // (utf8mb3); the row below checks the values themselves.
  if (!/[\ud800-\udfff]/.test(text)) expect(found?.columns[0]?.serverDefault).toEqual({ literal: text })
  expect(found?.columns[0]?.comment ?? '').toBe(comment)
  if (!/[\ud800-\udfff]/.test(member)) expect(found?.columns[2]?.type).toEqual(enumType)
  // Column a holds its default and e the member: the row checks their values too.
  const q = unknown.quote
  const rows = await db.query(`SELECT ${q.ident(a)} AS a, ${q.ident(b)} AS b, ${q.ident(e)} AS e FROM ${q.ident(table)}`)
  expect(rows).toEqual([{ a: text, b: text, e: member }])
}

describeLive('security: names and literals round-trip byte for byte', (db) => {
  for (const c of CASES) {
    const label = c.dialect === unknown ? 'mode unknown' : c.mode === 'default' ? 'backslash escapes' : 'NO_BACKSLASH_ESCAPES'
    it(`keeps every name and string intact (dialect: ${label}, session: ${c.mode})`, async () => {
      await fc.assert(
        fc.asyncProperty(arbName, arbColumnNames, arbText, arbText, async (table, columns, text, comment) => {
          await db.reset()
          await db.setMode(c.mode)
          await roundTrip(db, c, table, columns, text, comment)
        }),
        { numRuns: Number(process.env["ATHANOR_FUZZ_RUNS"] ?? 40) },
      )
    }, 60_000)
  }

  it('writes a literal that reads the same in both modes when the mode is unknown', async () => {
    for (const value of ['a\\b', '\0', "it's \\' \\", '\\0\\n']) {
      const sql = `SELECT ${mysqlLiteral(value)} AS v`
      for (const mode of ['default', 'noBackslashEscapes'] as const) {
        await db.setMode(mode)
        expect(await db.query(sql)).toEqual([{ v: value }])
      }
    }
  })

  it('accepts a 64-character name and refuses a 65-character one before any SQL', async () => {
    const name = 'n'.repeat(64)
    await db.run(unknown.compile(createTable({ tableName: name, columns: [{ name, type: 'integer' }] })))
    expect((await introspectMysql(db.introspectQuery)).tables.map((t) => t.name)).toEqual([name])
    expect(() => unknown.compile(createTable({ tableName: 't', columns: [{ name: `${name}x`, type: 'integer' }] }))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'columns[0].name', kind: 'createTable' }),
    )
    expect(() => unknown.compile(createTable({ tableName: `${name}日`, columns: [{ name: 'a', type: 'integer' }] }))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', path: 'tableName' }),
    )
  })
})
