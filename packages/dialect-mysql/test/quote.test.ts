import { describe, expect, it } from 'vitest'
import { createTable, dropTable, renameTable } from '@athanor/ir'
import {
  MARIADB_RESERVED, MYSQL_RESERVED, createMysqlDialect, createMysqlQuoter, mariadb, mariadbQuote, mysql, mysqlEnumValue, mysqlLiteral, mysqlQuote,
  mysqlTextLiteral, parseMysqlVersion, supports, mysqlTarget,
} from '@athanor/dialect-mysql'

const refused = (code: string, path: string) => expect.objectContaining({ code, path })

describe('identifiers', () => {
  it('quotes with backticks only when needed, doubling a backtick inside', () => {
    expect(mysqlQuote.ident('plain_name')).toBe('plain_name')
    expect(mysqlQuote.ident('MyTable')).toBe('`MyTable`')
    expect(mysqlQuote.ident('my table')).toBe('`my table`')
    expect(mysqlQuote.ident('back`tick')).toBe('`back``tick`')
    expect(mysqlQuote.ident('1abc')).toBe('`1abc`')
    expect(mysqlQuote.ident('日本')).toBe('`日本`')
    expect(mysqlQuote.qualified('t', 'Other')).toBe('`Other`.t')
  })

  it('quotes the reserved words of each flavour (catalog Appendix A)', () => {
    expect(MYSQL_RESERVED.size).toBe(278)
    expect(MARIADB_RESERVED.size).toBe(263)
    expect([mysqlQuote.ident('key'), mysqlQuote.ident('index'), mysqlQuote.ident('user')]).toEqual(['`key`', '`index`', 'user'])
    // `cube` is reserved by MySQL only, `offset` by MariaDB only.
    expect([mysqlQuote.ident('cube'), mariadbQuote.ident('cube')]).toEqual(['`cube`', 'cube'])
    expect([mysqlQuote.ident('offset'), mariadbQuote.ident('offset')]).toEqual(['offset', '`offset`'])
  })

  it('quotes every reserved word, though most names skip the word list (bare-names.ts)', () => {
    for (const [quote, words] of [[mysqlQuote, MYSQL_RESERVED], [mariadbQuote, MARIADB_RESERVED]] as const) {
      for (const word of words) expect(quote.ident(word)).toBe(`\`${word}\``)
    }
    expect(['orders', 'selects', 'account', 'user_id', 't0001'].map((name) => mysqlQuote.ident(name))).toEqual(['orders', 'selects', 'account', 'user_id', 't0001'])
  })

  it('refuses names MySQL rejects, with the path of the field', () => {
    const long = 'x'.repeat(65)
    expect(() => mysql.compile(dropTable({ tableName: long }))).toThrow(refused('UNSUPPORTED_OPERATION', 'tableName'))
    expect(() => mysql.compile(renameTable({ oldTableName: 'a', newTableName: 'b ' }))).toThrow(refused('UNSUPPORTED_OPERATION', 'newTableName'))
    expect(() => mysql.compile(createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }, { name: 'emoji😀', type: 'integer' }] }))).toThrow(
      refused('UNSUPPORTED_OPERATION', 'columns[1].name'),
    )
    expect(() => mysql.compile(createTable({ tableName: 't', columns: [{ name: 'a', type: 'integer' }], constraints: [{ type: 'index', name: 'i', columns: ['a'] }, { type: 'unique', name: long, columns: ['a'] }] }))).toThrow(
      refused('UNSUPPORTED_OPERATION', 'constraints[1].name'),
    )
    expect(mysql.compile(dropTable({ tableName: 'x'.repeat(64) }))).toEqual([{ sql: `DROP TABLE ${'x'.repeat(64)}` }])
    expect(() => mysqlQuote.ident('a\0b')).toThrow(refused('UNSUPPORTED_OPERATION', ''))
  })
})

describe('string literals', () => {
  it('doubles quotes and writes backslash or NUL as hex when the mode is unknown', () => {
    expect(mysqlLiteral("it's")).toBe("'it''s'")
    expect(mysqlLiteral('a\\b')).toBe("_utf8mb4 X'615c62'")
    expect(mysqlLiteral('\0')).toBe("_utf8mb4 X'00'")
    expect(mysqlLiteral('日本')).toBe("'日本'")
    expect(mysqlLiteral('')).toBe("''")
  })

  it('escapes backslash, NUL and Ctrl-Z in the default mode, and writes backslashes as they are under NO_BACKSLASH_ESCAPES', () => {
    expect(mysqlLiteral("a\\b'\0\x1a", false)).toBe("'a\\\\b''\\0\\Z'")
    expect(mysqlLiteral("a\\b'", true)).toBe("'a\\b'''")
    expect(mysqlLiteral('a\0', true)).toBe("_utf8mb4 X'6100'")
  })

  it('writes ENUM values as bare hex literals', () => {
    expect(mysqlEnumValue('a\\b')).toBe("X'615c62'")
    expect(mysqlEnumValue("it's")).toBe("'it''s'")
  })

  it('refuses a comment it cannot write safely for the mode', () => {
    expect(mysqlTextLiteral('a "b"', undefined, 'mysql', 'comment')).toBe(`'a "b"'`)
    expect(() => mysqlTextLiteral('a\\b', undefined, 'mysql', 'comment')).toThrow(refused('UNSUPPORTED_OPERATION', 'comment'))
    expect(mysqlTextLiteral('a\\b', true, 'mysql', 'comment')).toBe("'a\\b'")
    expect(mysqlTextLiteral('a\\b', false, 'mysql', 'comment')).toBe("'a\\\\b'")
    expect(() => mysqlTextLiteral('a\0', false, 'mysql', 'comment')).toThrow(refused('UNSUPPORTED_OPERATION', 'comment'))
    expect(() => mysqlTextLiteral('😀', false, 'mysql', 'comment')).toThrow(refused('UNSUPPORTED_OPERATION', 'comment'))
  })

  it('uses the mode of the dialect for every literal it writes', () => {
    const known = createMysqlDialect({ noBackslashEscapes: false })
    expect(known.quote.literal('a\\b')).toBe("'a\\\\b'")
    expect(mysql.quote.literal('a\\b')).toBe("_utf8mb4 X'615c62'")
    expect(createMysqlQuoter('mariadb', true).literal('a\\b')).toBe("'a\\b'")
    const table = createTable({ tableName: 't', columns: [{ name: 'c', type: 'text', comment: 'a\\b' }] })
    expect(() => mysql.compile(table)).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[0].comment'))
    expect(known.compile(table)).toEqual([{ sql: "CREATE TABLE t (\n    c TEXT COMMENT 'a\\\\b'\n)" }])
  })

  it('refuses ENUM values ending with a space, which MySQL strips', () => {
    expect(() => mysql.compile(createTable({ tableName: 't', columns: [{ name: 'c', type: { name: 'enum', values: ['a', 'b '] } }] }))).toThrow(refused('UNSUPPORTED_OPERATION', 'columns[0].type.values[1]'))
  })
})

describe('flavour and version', () => {
  it('reads versions and infers MariaDB from one', () => {
    expect(parseMysqlVersion('10.11.19-MariaDB-0+deb12u1')).toEqual([10, 11, 19])
    expect(parseMysqlVersion('8.0')).toEqual([8, 0, 0])
    expect(() => parseMysqlVersion('latest')).toThrow(refused('INVALID_VALUE', 'version'))
    expect(createMysqlDialect({ version: '10.11.19-MariaDB' }).name).toBe('mariadb')
    expect(mysql.name).toBe('mysql')
    expect(mariadb.name).toBe('mariadb')
  })

  it('knows which features each server has', () => {
    const t = (flavour: 'mysql' | 'mariadb', version: string) => mysqlTarget({ flavour, version }, mysqlQuote)
    expect(supports(t('mysql', '5.7'), 'renameColumn')).toBe(false)
    expect(supports(t('mysql', '8.0.0'), 'renameColumn')).toBe(true)
    expect(supports(t('mariadb', '10.4'), 'renameColumn')).toBe(false)
    expect(supports(t('mariadb', '10.5.2'), 'renameColumn')).toBe(true)
    expect(supports(t('mysql', '8.4'), 'columnIfExists')).toBe(false)
    expect(supports(t('mariadb', '10.11'), 'functionalIndexes')).toBe(false)
    expect(mysql.capabilities).toMatchObject({ transactionalDdl: false, columnIfExists: false, expressionIndexes: true, deferrableConstraints: false })
    expect(mariadb.capabilities).toMatchObject({ transactionalDdl: false, columnIfExists: true, expressionIndexes: false, identityColumns: false })
  })
})
