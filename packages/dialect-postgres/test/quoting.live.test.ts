/**
 * Quoting and escaping under attack: random names and texts full of quotes, backslashes, `$$`,
 * comment openers, semicolons, astral, combining and right-to-left characters, reserved words,
 * mixed case and leading digits go through the compiler, run on PostgreSQL and must come back
 * from the catalogs byte for byte. What cannot be stored (NUL, names over 63 bytes) is refused
 * before any SQL exists.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addColumn, alterColumn, bulkInsert, createCheckConstraint, createForeignKey, createIndex, createPrimaryKey, createTable,
  createTableComment, createUniqueConstraint, dropColumn, dropConstraint, dropIndex, dropTable, renameTable, type AddColumnOp,
  type BulkInsertOp, type CreateIndexOp, type CreateTableOp, type CreateTableCommentOp, type DropConstraintOp, type Op,
} from '@athanor/ir'
import { POSTGRESQL_RESERVED, postgresQuote, postgresql } from '@athanor/dialect-postgres'
import { columnsOf, constraintsOf, relationsIn, tableComment } from './catalog.js'
import { describeLive, type LiveDb } from './live.js'

const q = postgresQuote
const utf8 = new TextEncoder()
const bytes = (s: string): number => utf8.encode(s).length
const sorted = (names: readonly string[]): string[] => [...names].sort()

/** Compiles the ops and runs them in one transaction (CONCURRENTLY statements outside it). */
function apply(db: LiveDb, ...ops: readonly Op[]): Promise<void> {
  return db.run(postgresql.compileOps(ops))
}

// Pieces that break naive quoting, and text from every corner of Unicode.
const TRICKY = [
  "'", "''", '"', '""', '\\', "\\'", '$$', '$1', '$tag$', '--', '/*', '*/', ';', ' ', '\t', '\n', '\r\n', '%', '%s', '%(x)s', ':x', '?', '`', '[', ']',
  'U&"', 'E\'', '.', ',', '(', ')', 'é', 'e\u0301', 'ﬀ', 'ß', 'İ', 'Σς', '𝔘', '👍🏽', '👨‍👩‍👧', '\u05d0\u05d1\u05d2', '\u0627\u0644', '\u200f', '\u202e',
  '\u00a0', '\ufeff', '\u200b', '\uffff', '0', '9',
]
const reserved = fc.constantFrom(...POSTGRESQL_RESERVED)
const piece = fc.oneof(
  fc.constantFrom(...TRICKY),
  reserved,
  reserved.map((w) => w.toUpperCase()),
  fc.stringMatching(/^[a-z_][a-z0-9_$]{0,8}$/),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/),
  fc.stringMatching(/^[0-9][a-z0-9]{0,4}$/),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
)
const noNul = (s: string): boolean => !s.includes('\0')

/** A name PostgreSQL can store: 1–63 bytes of anything but NUL. */
const nameArb = fc
  .oneof(
    { arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')), weight: 4 },
    { arbitrary: reserved, weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), weight: 1 },
  )
  .filter((s) => s.length > 0 && noNul(s) && bytes(s) <= 63)

/** A schema name we may create and drop: not a system (`pg_…`) or existing schema. */
const schemaArb = nameArb.filter((s) => !s.startsWith('pg_') && !['public', 'information_schema'].includes(s) && !s.startsWith('athanor_t_'))

/** Free text: comments, literal defaults, values. */
const textArb = fc
  .oneof(
    { arbitrary: fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 1 },
  )
  .filter(noNul)

/** A distinct set of names: index and constraint names share a namespace with tables. */
const namesArb = (n: number) => fc.uniqueArray(nameArb, { minLength: n, maxLength: n })

/** Runs per property; `ATHANOR_FUZZ_RUNS` raises it for a deeper search. */
const RUNS = Number(process.env['ATHANOR_FUZZ_RUNS'] ?? 150)

describeLive('quoting', (db) => {
  it('round-trips random schema, table, column, index and constraint names', { timeout: 30_000 + RUNS * 200 }, async () => {
    await fc.assert(
      fc.asyncProperty(schemaArb, namesArb(9), async (schema, names) => {
        const [t, c, k, i, p, u, x, c2, t2] = names as [string, string, string, string, string, string, string, string, string]
        // A schema name is global: created in a transaction that is rolled back, never committed.
        await db.rolledBack(async () => {
          await db.query(`CREATE SCHEMA ${q.ident(schema)}`)
          await apply(
            db,
            createTable({
              schema, tableName: t,
              columns: [{ name: k, type: 'integer', nullable: false }, { name: c, type: 'text' }],
              constraints: [
                { type: 'primaryKey', name: p, columns: [k] },
                { type: 'unique', name: u, columns: [k, c] },
                { type: 'check', name: x, condition: `${q.ident(c)} <> ${q.literal(t)}` },
                { type: 'foreignKey', name: c, localCols: [k], referentTable: t, referentSchema: schema, remoteCols: [k] },
              ],
            }),
            createIndex({ schema, tableName: t, indexName: i, columns: [c, k], postgresqlWhere: `${q.ident(k)} > 0` }),
          )
          // The index an index flag implies is named ix_<schema>_<table>_<column>; too long a name is refused.
          const flagged = addColumn({ schema, tableName: t, column: { name: c2, type: 'integer', index: true } })
          const ix = `ix_${schema}_${t}_${c2}`
          if (bytes(ix) <= 63) await apply(db, flagged)
          else expect(() => postgresql.compile(flagged)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_OPERATION', kind: 'addColumn' }))
          const hasIx = bytes(ix) <= 63
          expect(await db.query(`SELECT nspname FROM pg_namespace WHERE nspname = $1`, [schema])).toEqual([{ nspname: schema }])
          expect(sorted(await relationsIn(db, schema, ['r', 'i']))).toEqual(sorted([t, p, u, i, ...(hasIx ? [ix] : [])]))
          expect((await columnsOf(db, t, schema)).map((col) => col.name)).toEqual([k, c, ...(hasIx ? [c2] : [])])
          expect(sorted((await constraintsOf(db, t, schema)).map((con) => con.name))).toEqual(sorted([p, u, x, c]))
          await apply(
            db,
            dropColumn({ schema, tableName: t, columnName: c2, ifExists: true }),
            alterColumn({ schema, tableName: t, columnName: c, newColumnName: c2, nullable: true, comment: c }),
            dropIndex({ schema, indexName: i, ifExists: true }),
            dropConstraint({ schema, tableName: t, constraintName: u }),
            dropConstraint({ schema, tableName: t, constraintName: x, ifExists: true }),
            renameTable({ schema, oldTableName: t, newTableName: t2 }),
          )
          expect(sorted(await relationsIn(db, schema, ['r', 'i']))).toEqual(sorted([t2, p]))
          expect((await columnsOf(db, t2, schema)).map((col) => [col.name, col.comment])).toEqual([[k, null], [c2, c]])
          await apply(db, dropTable({ schema, tableName: t2 }))
          expect(await relationsIn(db, schema, ['r', 'i'])).toEqual([])
        })
      }),
      { numRuns: RUNS },
    )
  })

  it('round-trips random comments, literal defaults and inserted text', { timeout: 30_000 + RUNS * 200 }, async () => {
    const schema = await db.newSchema()
    await fc.assert(
      fc.asyncProperty(
        nameArb, nameArb, textArb.filter((s) => s !== ''), textArb.filter((s) => s !== ''), textArb, textArb, textArb,
        async (t, c, tableText, columnText, defaultText, value, later) => {
          // bulkInsert rows are keyed by column name, and the IR refuses the key __proto__.
          fc.pre(c !== 'n' && c !== '__proto__')
          try {
            await apply(
              db,
              createTable({ schema, tableName: t, comment: tableText, columns: [{ name: 'n', type: 'integer' }, { name: c, type: 'text', comment: columnText, serverDefault: { literal: defaultText } }] }),
              bulkInsert({ schema, tableName: t, columns: [{ name: 'n', type: 'integer' }, { name: c, type: 'text' }], rows: [{ n: 1, [c]: value }, { n: 2 }] }),
            )
            expect(await tableComment(db, t, schema)).toBe(tableText)
            expect((await columnsOf(db, t, schema))[1]?.comment).toBe(columnText)
            const read = (): Promise<unknown[]> => db.query(`SELECT ${q.ident(c)} AS v FROM ${q.qualified(t, schema)} ORDER BY n`)
            expect(await read()).toEqual([{ v: value }, { v: defaultText }])
            // The same texts through the alter path.
            await apply(
              db,
              alterColumn({ schema, tableName: t, columnName: c, serverDefault: { literal: later }, comment: later === '' ? null : later }),
              createTableComment({ schema, tableName: t, comment: later === '' ? 'x' : later }),
              bulkInsert({ schema, tableName: t, columns: [{ name: 'n', type: 'integer' }], rows: [{ n: 3 }] }),
            )
            expect(await read()).toEqual([{ v: value }, { v: defaultText }, { v: later }])
            // PostgreSQL stores an empty comment as no comment.
            expect((await columnsOf(db, t, schema))[1]?.comment).toBe(later === '' ? null : later)
            expect(await tableComment(db, t, schema)).toBe(later === '' ? 'x' : later)
          } finally {
            await db.query(`DROP TABLE IF EXISTS ${q.qualified(t, schema)}`)
          }
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('round-trips every PostgreSQL keyword as a schema, table, column, index, constraint and enum type name', { timeout: 60_000 }, async () => {
    const keywords = (await db.query<{ word: string }>('SELECT word FROM pg_get_keywords() ORDER BY word')).map((r) => r.word)
    expect(keywords.length).toBeGreaterThan(400)
    const tables = await db.newSchema()
    const indexes = await db.newSchema()
    const types = await db.newSchema()
    const phase = (ops: readonly Op[]): Promise<void> => apply(db, ...ops)
    await phase([
      createTable({ schema: indexes, tableName: 't', columns: [{ name: 'c', type: 'integer' }] }),
      createTable({ schema: indexes, tableName: 'r', columns: [{ name: 'c', type: 'integer' }] }),
      ...keywords.flatMap((kw) => [
        createTable({ schema: tables, tableName: kw, columns: [{ name: kw, type: 'integer', comment: kw }] }),
        addColumn({ schema: tables, tableName: kw, ifNotExists: true, column: { name: `${kw}_2`, type: 'integer' } }),
        alterColumn({ schema: tables, tableName: kw, columnName: kw, type: 'bigint', nullable: false, serverDefault: { literal: '1' }, comment: kw }),
        createPrimaryKey({ schema: tables, tableName: kw, constraintName: `pk_${kw}`, columns: [kw] }),
        createCheckConstraint({ schema: tables, tableName: kw, constraintName: kw, condition: `${q.ident(kw)} > 0` }),
        createForeignKey({ sourceSchema: tables, sourceTable: kw, constraintName: `fk_${kw}`, localCols: [`${kw}_2`], referentSchema: tables, referentTable: kw, remoteCols: [kw] }),
        bulkInsert({ schema: tables, tableName: kw, columns: [{ name: `${kw}_2`, type: 'integer' }], rows: [{ [`${kw}_2`]: 1 }] }),
        createIndex({ schema: indexes, tableName: 't', indexName: kw, columns: ['c'], ifNotExists: true }),
        createUniqueConstraint({ schema: indexes, tableName: 'r', constraintName: `u_${kw}`, columns: ['c'] }),
      ]),
      createTable({ schema: types, tableName: 't', columns: keywords.map((kw) => ({ name: kw, type: { name: 'enum', values: [kw], enumName: kw } })) }),
    ])
    expect(sorted(await relationsIn(db, tables))).toEqual(sorted(keywords))
    expect(sorted(await relationsIn(db, indexes, ['i']))).toEqual(sorted([...keywords, ...keywords.map((kw) => `u_${kw}`)]))
    const columns = await db.query<{ table: string; column: string; comment: string | null }>(
      `SELECT c.relname AS table, a.attname AS column, col_description(c.oid, a.attnum) AS comment
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = $1) AND c.relkind = 'r' AND a.attnum > 0 ORDER BY c.relname, a.attnum`,
      [tables],
    )
    expect(columns).toEqual(sorted(keywords).flatMap((kw) => [{ table: kw, column: kw, comment: kw }, { table: kw, column: `${kw}_2`, comment: null }]))
    const enums = await db.query<{ column: string; type: string }>(
      `SELECT a.attname AS column, t.typname AS type FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = 't')
          AND a.attnum > 0 AND t.typtype = 'e' AND t.typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = $1)`,
      [types],
    )
    expect(enums.map((e) => e.column === e.type)).toEqual(keywords.map(() => true))
    await phase(
      keywords.flatMap((kw) => [
        dropConstraint({ schema: tables, tableName: kw, constraintName: kw, ifExists: true }),
        dropColumn({ schema: tables, tableName: kw, columnName: `${kw}_2`, ifExists: true }),
        renameTable({ schema: tables, oldTableName: kw, newTableName: `${kw}_r` }),
        dropTable({ schema: tables, tableName: `${kw}_r` }),
        dropIndex({ schema: indexes, indexName: kw, ifExists: true }),
        dropConstraint({ schema: indexes, tableName: 'r', constraintName: `u_${kw}` }),
      ]),
    )
    expect(await relationsIn(db, tables)).toEqual([])
    expect(await relationsIn(db, indexes, ['i'])).toEqual([])
    // A schema named after each keyword, with a table in it; schema names are global, so all of
    // it happens in a transaction that is rolled back.
    await db.rolledBack(async () => {
      for (const kw of keywords) await db.query(`CREATE SCHEMA ${q.ident(kw)}`)
      await phase(keywords.map((kw) => createTable({ schema: kw, tableName: kw, columns: [{ name: kw, type: 'integer', index: true }] })))
      const inSchemas = await db.query<{ schema: string; name: string }>(
        `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY($1) ORDER BY 1, 2`,
        [keywords],
      )
      expect(inSchemas).toEqual(sorted(keywords).flatMap((kw) => sorted([kw, `ix_${kw}_${kw}_${kw}`]).map((name) => ({ schema: kw, name }))))
    })
  })

  it('runs CONCURRENTLY index statements on random names outside a transaction', async () => {
    const schema = await db.newSchema()
    await fc.assert(
      fc.asyncProperty(namesArb(2), async ([t, i]) => {
        const [table, index] = [t, i] as [string, string]
        try {
          await apply(
            db,
            createTable({ schema, tableName: table, columns: [{ name: table, type: 'integer' }] }),
            createIndex({ schema, tableName: table, indexName: index, columns: [table], postgresqlConcurrently: true }),
          )
          expect(await relationsIn(db, schema, ['i'])).toEqual([index])
          await apply(db, dropIndex({ schema, indexName: index, postgresqlConcurrently: true }))
          expect(await relationsIn(db, schema, ['i'])).toEqual([])
        } finally {
          await db.query(`DROP TABLE IF EXISTS ${q.qualified(table, schema)}`)
        }
      }),
      // CREATE/DROP INDEX CONCURRENTLY wait for every older transaction in the database: few runs.
      { numRuns: 10 },
    )
  })
})

describe('refusals', () => {
  const refusal = expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' })
  /** A name with a NUL byte somewhere in it. */
  const withNul = fc.tuple(nameArb, fc.nat()).map(([s, at]) => {
    const cut = at % (s.length + 1)
    return `${s.slice(0, cut)}\0${s.slice(cut)}`
  })
  /** A name over PostgreSQL's 63-byte limit. */
  const tooLong = fc
    .array(piece, { minLength: 1, maxLength: 40 })
    .map((parts) => parts.join(''))
    .filter((s) => noNul(s) && bytes(s) > 63)

  // Ops built as plain nodes (a factory refuses a NUL name before a compiler sees it).
  const slots: ReadonlyArray<(name: string) => Op> = [
    (name): CreateTableOp => ({ kind: 'createTable', schema: name, tableName: 't', columns: [{ name: 'c', type: 'integer' }] }),
    (name): CreateTableOp => ({ kind: 'createTable', tableName: name, columns: [{ name: 'c', type: 'integer' }] }),
    (name): AddColumnOp => ({ kind: 'addColumn', tableName: 't', column: { name, type: 'integer' } }),
    (name): CreateIndexOp => ({ kind: 'createIndex', tableName: 't', indexName: name, columns: ['c'] }),
    (name): DropConstraintOp => ({ kind: 'dropConstraint', tableName: 't', constraintName: name }),
    (name): CreateTableOp => ({ kind: 'createTable', tableName: 't', columns: [{ name: 'c', type: 'integer' }], constraints: [{ type: 'unique', name, columns: ['c'] }] }),
  ]

  it('refuses a NUL byte in any name, in the factory and in the compiler', () => {
    fc.assert(
      fc.property(withNul, fc.constantFrom(...slots), (name, slot) => {
        const op = slot(name)
        expect(() => postgresql.compile(op)).toThrow(refusal)
      }),
      { numRuns: RUNS },
    )
    expect(() => createTable({ schema: 'a\0b', tableName: 't', columns: [{ name: 'c', type: 'integer' }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', path: 'schema' }),
    )
    expect(() => createIndex({ tableName: 't', indexName: 'i\0', columns: ['c'] })).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', path: 'indexName' }))
  })

  it('refuses a NUL byte in a comment, a literal default or an inserted text', () => {
    const texts: ReadonlyArray<(text: string) => Op> = [
      (text): CreateTableCommentOp => createTableComment({ tableName: 't', comment: text }),
      (text) => createTable({ tableName: 't', columns: [{ name: 'c', type: 'text', comment: text }] }),
      (text) => addColumn({ tableName: 't', column: { name: 'c', type: 'text', serverDefault: { literal: text } } }),
      (text) => alterColumn({ tableName: 't', columnName: 'c', serverDefault: { literal: text } }),
      (text): BulkInsertOp => bulkInsert({ tableName: 't', columns: [{ name: 'c', type: 'text' }], rows: [{ c: 'ok' }, { c: text }] }),
    ]
    fc.assert(
      fc.property(textArb, fc.nat(), fc.constantFrom(...texts), (text, at, make) => {
        const cut = at % (text.length + 1)
        expect(() => postgresql.compile(make(`${text.slice(0, cut)}\0${text.slice(cut)}`))).toThrow(refusal)
      }),
      { numRuns: RUNS },
    )
  })

  it('refuses a name over 63 bytes and accepts one of exactly 63', () => {
    fc.assert(
      fc.property(tooLong, fc.constantFrom(...slots), (name, slot) => {
        expect(() => postgresql.compile(slot(name))).toThrow(refusal)
      }),
      { numRuns: RUNS },
    )
    expect(() => postgresql.compile(createTable({ tableName: `${'é'.repeat(31)}x`, columns: [{ name: '𝔘'.repeat(15) + 'abc', type: 'integer' }] }))).not.toThrow()
    expect(() => postgresql.compile(createTable({ tableName: 'é'.repeat(32), columns: [{ name: 'c', type: 'integer' }] }))).toThrow(refusal)
    expect(() => postgresql.compile(createTable({ tableName: 't', columns: [{ name: '𝔘'.repeat(16), type: 'integer' }] }))).toThrow(refusal)
  })
})
