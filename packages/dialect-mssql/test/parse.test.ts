/**
 * Property: every statement the dialect writes for random ops parses as T-SQL with at least one
 * of node-sql-parser 5.4.0 (transactsql) and @guanmingchiu/sqlparser-ts 0.62.0 (MsSqlDialect).
 * No SQL Server was available; this is a syntax check, not a run.
 *
 * Where neither parser reads a statement as it is, the statement must contain one of the
 * constructs listed in `KNOWN_GAPS` below, and sqlparser-ts must read it after the surrogate
 * rewrite of that construct (tsql-tokens.ts), which keeps every name, type and value.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbLeafOp, opSequence } from '@athanor/ir/arbitraries'
import { AthanorError, emptySnapshot, type Op } from '@athanor/ir'
import { mssql } from '@athanor/dialect-mssql'
import { nodeSqlParserError, sqlparserError } from './parsers.js'
import { withValidUserSql } from './sanitize.js'
import { ansiAddDefault, ansiAlterColumn, computedAsTyped, tokenize, untokenize, withoutClustered, type Surrogate } from './tsql-tokens.js'

interface Gap {
  readonly construct: string
  /** A statement of ours the parser does not read. */
  readonly example: string
  readonly reason: string
}

/**
 * What each parser misses of the T-SQL this dialect writes. Each example is checked below to
 * still fail with that parser (a parser upgrade that reads it makes the test say so).
 */
const KNOWN_GAPS: Readonly<Record<'node-sql-parser' | 'sqlparser-ts', readonly Gap[]>> = {
  'node-sql-parser': [
    { construct: ']] inside a bracketed name', example: 'DROP TABLE [a]]b]', reason: 'its lexer ends a bracketed identifier at the first ], with no escape' },
    { construct: 'EXEC with string-literal arguments', example: "EXEC sp_rename 't1', t2", reason: 'its EXEC takes only @variables or bare words as arguments' },
    { construct: 'SET IDENTITY_INSERT outside BEGIN … END', example: 'SET IDENTITY_INSERT t ON', reason: 'its SET statement expects `= value`; inside IF … BEGIN … END it is read' },
    { construct: 'ON DELETE after a table-level FOREIGN KEY in ALTER TABLE … ADD', example: 'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY(a) REFERENCES o (id) ON DELETE CASCADE', reason: 'its grammar expects ON UPDATE first' },
    { construct: 'CREATE UNIQUE CLUSTERED|NONCLUSTERED INDEX on several columns', example: 'CREATE UNIQUE NONCLUSTERED INDEX ix ON t (a, b)', reason: 'after UNIQUE CLUSTERED its grammar takes one column' },
    { construct: 'a computed column with a column CHECK', example: 'ALTER TABLE t ADD c AS (a + 1) PERSISTED CHECK (a > 0)', reason: 'its computed-column grammar ends at PERSISTED' },
    { construct: 'true (a name in SQL Server) before a bracketed name', example: 'ALTER TABLE true.[check] ALTER COLUMN c INT NULL', reason: 'it reads true as a boolean literal' },
  ],
  'sqlparser-ts': [
    { construct: 'CLUSTERED / NONCLUSTERED in CREATE INDEX', example: 'CREATE CLUSTERED INDEX ix ON t (a)', reason: 'its CREATE INDEX has no clustering keyword (surrogate: without the word)' },
    { construct: "T-SQL's ALTER COLUMN c TYPE [NOT] NULL", example: 'ALTER TABLE t ALTER COLUMN c VARCHAR(99) NOT NULL', reason: 'it reads only the ANSI forms (surrogate: SET DATA TYPE, without NULL / NOT NULL and COLLATE)' },
    { construct: 'ALTER TABLE … ADD DEFAULT d FOR c', example: "ALTER TABLE t ADD DEFAULT '5' FOR c", reason: 'it reads ADD as ADD COLUMN (surrogate: ALTER COLUMN c SET DEFAULT d)' },
    { construct: 'computed columns (c AS (e) [PERSISTED])', example: 'ALTER TABLE t ADD c AS (a + 1)', reason: 'it has no computed columns (surrogate: c INT, and SELECT (e) on its own)' },
  ],
}

const SURROGATES: readonly Surrogate[] = [withoutClustered, ansiAlterColumn, ansiAddDefault, computedAsTyped]

/** The statements sqlparser-ts is given for one of ours: the surrogates that apply, one after the other. */
function surrogatesOf(sql: string): string[] | undefined {
  let current = [tokenize(sql)]
  let used = false
  for (const s of SURROGATES) {
    current = current.flatMap((t) => {
      const r = s(t)
      if (r !== undefined) used = true
      return r ?? [t]
    })
  }
  return used ? current.map(untokenize) : undefined
}

interface Tally {
  statements: number
  both: number
  onlySqlparser: number
  onlyNodeSqlParser: number
  surrogate: number
  refused: number
}

/** The problem with one statement, or undefined when a parser reads it. */
function problemOf(sql: string, tally: Tally): string | undefined {
  tally.statements++
  const a = sqlparserError(sql)
  const b = nodeSqlParserError(sql)
  if (a === undefined && b === undefined) tally.both++
  else if (a === undefined) tally.onlySqlparser++
  else if (b === undefined) tally.onlyNodeSqlParser++
  if (a === undefined || b === undefined) return undefined
  const rewritten = surrogatesOf(sql)
  if (rewritten === undefined) return `neither parser reads:\n${sql}\nsqlparser-ts: ${a}\nnode-sql-parser: ${b}`
  tally.surrogate++
  for (const r of rewritten) {
    const e = sqlparserError(r)
    if (e !== undefined) return `sqlparser-ts does not read the surrogate of\n${sql}\nnamely\n${r}\n${e}`
  }
  return undefined
}

/** Compiles; a typed refusal is fine (counted), anything else fails the property. */
function compiled(compile: () => readonly { readonly sql: string }[], tally: Tally): readonly { readonly sql: string }[] {
  try {
    return compile()
  } catch (e) {
    if (e instanceof AthanorError && (e.code === 'UNSUPPORTED_OPERATION' || e.code === 'MISSING_EXISTING_STATE')) {
      tally.refused++
      return []
    }
    throw e
  }
}

const newTally = (): Tally => ({ statements: 0, both: 0, onlySqlparser: 0, onlyNodeSqlParser: 0, surrogate: 0, refused: 0 })

describe('the known gaps of each parser', () => {
  for (const gap of KNOWN_GAPS['node-sql-parser']) {
    it(`node-sql-parser misses ${gap.construct}; sqlparser-ts reads it`, () => {
      expect(nodeSqlParserError(gap.example)).toBeDefined()
      const viaSurrogate = surrogatesOf(gap.example)
      expect(sqlparserError(gap.example) === undefined || (viaSurrogate?.every((s) => sqlparserError(s) === undefined) ?? false)).toBe(true)
    })
  }
  for (const gap of KNOWN_GAPS['sqlparser-ts']) {
    it(`sqlparser-ts misses ${gap.construct}; it reads the surrogate`, () => {
      expect(sqlparserError(gap.example)).toBeDefined()
      expect(surrogatesOf(gap.example)?.map(sqlparserError)).toEqual(expect.arrayContaining([undefined]))
      expect(surrogatesOf(gap.example)?.every((s) => sqlparserError(s) === undefined)).toBe(true)
    })
  }

  it('sqlparser-ts reads the lookup blocks, whose statements we end with ;', () => {
    const sql = mssql.compile(withValidUserSql({ kind: 'dropColumn', tableName: "o'x]", columnName: 'c', mssqlDropDefault: true, mssqlDropCheck: true, mssqlDropForeignKey: true }))
    expect(sql.map((s) => sqlparserError(s.sql))).toEqual([undefined, undefined, undefined, undefined])
  })
})

describe('every statement parses', () => {
  for (const names of ['plain', 'hostile'] as const) {
    it(`for random ops (${names} names)`, () => {
      const tally = newTally()
      fc.assert(
        fc.property(arbLeafOp({ names }), (op) => {
          for (const s of compiled(() => mssql.compile(withValidUserSql(op as Op)), tally)) {
            const problem = problemOf(s.sql, tally)
            if (problem !== undefined) throw new Error(problem)
          }
        }),
        { numRuns: 400 },
      )
      // Most ops compile, and most statements are read by a parser as they are.
      expect(tally.statements).toBeGreaterThan(300)
      expect(tally.surrogate).toBeLessThan(tally.statements / 4)
    })

    it(`for random op sequences compiled with a snapshot (${names} names)`, () => {
      const tally = newTally()
      fc.assert(
        fc.property(opSequence({ names, maxLength: 8 }), (ops) => {
          const clean = ops.map((o) => withValidUserSql(o as Op))
          for (const s of compiled(() => mssql.compileOps(clean, { snapshot: emptySnapshot() }), tally)) {
            const problem = problemOf(s.sql, tally)
            if (problem !== undefined) throw new Error(problem)
          }
        }),
        { numRuns: 60 },
      )
      expect(tally.statements).toBeGreaterThan(100)
    })
  }
})
