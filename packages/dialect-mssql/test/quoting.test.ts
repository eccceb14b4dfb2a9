/**
 * Quoting fuzz: random names and strings are quoted by the dialect, read back by sqlparser-ts
 * (MsSqlDialect; node-sql-parser cannot read `]]` inside a name) and must equal the input. This
 * covers the names and literals of plain statements, the two levels of escaping inside the
 * lookup blocks' dynamic SQL, and the arguments of sp_rename and the extended-property procedures.
 * No SQL Server was available: the parser stands in for it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbHostileName, arbIdentifier } from '@athanor/ir/arbitraries'
import { alterColumn, dropColumn, renameTable } from '@athanor/ir'
import { MSSQL_RESERVED, dropLookup, mssql, mssqlLiteral, mssqlQuote as q, mssqlUnicodeLiteral } from '@athanor/dialect-mssql'
import { sqlparserAst } from './parsers.js'

// Names SQL Server accepts: 1 to 128 characters, no NUL (the quoter refuses both), and no lone
// surrogate (not text in any encoding a client sends).
const arbName = fc
  .oneof(arbIdentifier(), arbHostileName(), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 20 }))
  .filter((s) => s.length > 0 && [...s].length <= 128 && !s.includes('\0'))
const arbText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary-ascii', maxLength: 40 }), arbHostileName())

type Node = Record<string, unknown>
const node = (v: unknown): Node => (typeof v === 'object' && v !== null ? (v as Node) : {})
const first = (sql: string): Node => node((sqlparserAst(sql) as unknown[])[0])

/** The name parts of `DROP TABLE <qualified>`, as the parser reads them. */
function namesOfDrop(qualified: string): string[] {
  const names = node(first(`DROP TABLE ${qualified}`)['Drop'])['names'] as unknown[][]
  return (names[0] ?? []).map((part) => String(node(node(part)['Identifier'])['value']))
}

/** The text of a string literal, N'…' or '…', as the parser reads it. */
function stringOf(literal: string): string {
  const select = node(node(node(first(`SELECT ${literal}`)['Query'])['body'])['Select'])
  const item = node((select['projection'] as unknown[])[0])
  const value = node(node(node(item['UnnamedExpr'])['Value'])['value'])
  return String(value['NationalStringLiteral'] ?? value['SingleQuotedString'])
}

/** The parameters of an EXEC, each as its string or identifier value. */
function execArguments(sql: string): string[] {
  const params = node(first(sql)['Execute'])['parameters'] as unknown[]
  return params.map((p) => {
    const n = node(p)
    if (n['Identifier'] !== undefined) return String(node(n['Identifier'])['value'])
    const v = node(node(n['Value'])['value'])
    return String(v['NationalStringLiteral'] ?? v['SingleQuotedString'])
  })
}

describe('names', () => {
  it('quotes a name so that it reads back as itself, alone and schema-qualified', () => {
    fc.assert(
      fc.property(arbName, arbName, (schema, name) => {
        expect(namesOfDrop(q.ident(name))).toEqual([name])
        expect(namesOfDrop(q.qualified(name, schema))).toEqual([schema, name])
      }),
      { numRuns: 500 },
    )
  })

  it('leaves bare only lower-case words that are not reserved', () => {
    fc.assert(
      fc.property(arbName, (name) => {
        const bare = q.ident(name) === name
        expect(bare).toBe(/^[a-z_][a-z0-9_$]*$/.test(name) && !MSSQL_RESERVED.has(name))
      }),
      { numRuns: 500 },
    )
    expect(MSSQL_RESERVED.size).toBe(180)
  })

  it('refuses a name longer than 128 characters', () => {
    expect(() => q.ident('x'.repeat(129))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' }))
    expect(q.ident('x'.repeat(128))).toBe('x'.repeat(128))
  })
})

describe('literals', () => {
  it("writes N'…' exactly when the text is not printable ASCII, and reads back as itself", () => {
    fc.assert(
      fc.property(arbText, (text) => {
        const lit = mssqlLiteral(text)
        expect(lit.startsWith("N'")).toBe(!/^[\x20-\x7e]*$/.test(text))
        expect(stringOf(lit)).toBe(text)
        expect(stringOf(mssqlUnicodeLiteral(text))).toBe(text)
      }),
      { numRuns: 500 },
    )
  })
})

describe('names inside the statements that pass them as values', () => {
  it('escapes names twice in the lookup blocks: inside object_id and inside the dynamic ALTER TABLE', () => {
    fc.assert(
      fc.property(fc.option(arbName, { nil: undefined }), arbName, arbName, (schema, table, column) => {
        const block = dropLookup('default', table, schema, column).sql
        const parts = sqlparserAst(block) as unknown[]
        expect(parts).toHaveLength(3)
        const qualified = schema === undefined ? [table] : [schema, table]
        // object_id(N'<quoted name>'): the literal holds the quoted name, which reads back as the names.
        const objectId = /object_id\((N'(?:[^']|'')*')\)/.exec(block)?.[1] ?? ''
        expect(namesOfDrop(stringOf(objectId))).toEqual(qualified)
        // = N'<column>'
        const columnLiteral = /parent_column_id\) = (N'(?:[^']|'')*')/.exec(block)?.[1] ?? ''
        expect(stringOf(columnLiteral)).toBe(column)
        // exec(N'alter table <quoted> drop constraint ' + @const_name): with a constraint name pasted, a statement on the table.
        const dynamic = /exec\((N'(?:[^']|'')*')/.exec(block)?.[1] ?? ''
        const inner = node(first(`${stringOf(dynamic)}[c]]x]`)['AlterTable'])
        const name = (inner['name'] as unknown[]).map((p) => String(node(node(p)['Identifier'])['value']))
        expect(name).toEqual(qualified)
      }),
      { numRuns: 300 },
    )
  })

  it('passes names to sp_rename as a quoted literal and as an identifier', () => {
    fc.assert(
      fc.property(fc.option(arbName, { nil: undefined }), arbName, arbName, arbName, (schema, table, column, newName) => {
        // A rename to the same name is refused by the factories (renameTable checks it).
        fc.pre(newName !== table && newName !== column)
        const [rename] = mssql.compile(alterColumn({ tableName: table, columnName: column, newColumnName: newName, ...(schema === undefined ? {} : { schema }) }))
        const [objname, newname, type] = execArguments(rename?.sql ?? '')
        expect(namesOfDrop(objname ?? '')).toEqual([...(schema === undefined ? [] : [schema]), table, column])
        expect([newname, type]).toEqual([newName, 'COLUMN'])
        const [renameT] = mssql.compile(renameTable({ oldTableName: table, newTableName: newName, ...(schema === undefined ? {} : { schema }) }))
        const args = execArguments(renameT?.sql ?? '')
        expect(namesOfDrop(args[0] ?? '')).toEqual([...(schema === undefined ? [] : [schema]), table])
        expect(args[1]).toBe(newName)
      }),
      { numRuns: 300 },
    )
  })

  it('passes names and the comment to the extended-property procedures', () => {
    fc.assert(
      fc.property(arbName, arbName, arbName, arbText, (schema, table, column, comment) => {
        const [add] = mssql.compile(alterColumn({ tableName: table, schema, columnName: column, comment }))
        expect(execArguments(add?.sql ?? '')).toEqual(['MS_Description', comment, 'schema', schema, 'table', table, 'column', column])
      }),
      { numRuns: 300 },
    )
  })

  it('keeps literal defaults intact in ADD DEFAULT and column definitions', () => {
    fc.assert(
      fc.property(arbName, arbText, (column, text) => {
        const [sql] = mssql.compile(alterColumn({ tableName: 't', columnName: column, serverDefault: { literal: text }, existingServerDefault: null }))
        const literal = /ADD DEFAULT (N?'(?:[^']|'')*') FOR /s.exec(sql?.sql ?? '')?.[1] ?? ''
        expect(stringOf(literal)).toBe(text)
        const [drop] = mssql.compile(dropColumn({ tableName: 't', columnName: column }))
        expect(drop?.sql.endsWith(q.ident(column))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
