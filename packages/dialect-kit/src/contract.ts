import type { BuiltinOpKind, BuiltinOpTypes, Op, OpBase, Registry, SchemaSnapshot } from '@athanor/ir'
import type { Quoter } from './quoting.js'
import type { Statement } from './statement.js'

/**
 * What an engine can do natively. A change the engine cannot make is refused with an
 * `UnsupportedOperationError` naming the op, the field and the engine (or, on SQLite, rebuilt in
 * a batch) — never SQL that fails later. The conformance suite reads these to know which
 * scenarios apply.
 * @example
 * import { postgresCapabilities } from '@athanor/dialect-postgres'
 * import { sqlite } from '@athanor/dialect-sqlite'
 * // An engine like PostgreSQL, without transactional DDL or comments
 * const capabilities: Capabilities = { ...postgresCapabilities, transactionalDdl: false, comments: false }
 * sqlite.capabilities.alterConstraints // => false
 */
export interface Capabilities {
  /** DDL can be rolled back: offline scripts are wrapped in a transaction. */
  readonly transactionalDdl: boolean
  /** `ALTER TABLE … ADD/DROP CONSTRAINT` (SQLite: no; a batch rebuilds instead). */
  readonly alterConstraints: boolean
  /** Change a column's type, nullability or default in place. */
  readonly alterColumn: boolean
  readonly renameColumn: boolean
  readonly dropColumn: boolean
  /** Table and column comments. */
  readonly comments: boolean
  /** Schemas (namespaces) other than the default. */
  readonly schemas: boolean
  /** `IF EXISTS` / `IF NOT EXISTS` on columns. */
  readonly columnIfExists: boolean
  /** `DEFERRABLE` / `INITIALLY` on constraints. */
  readonly deferrableConstraints: boolean
  /** Partial indexes (`WHERE`). */
  readonly partialIndexes: boolean
  /** Indexes on expressions (`CREATE INDEX ix ON t (lower(email))`). */
  readonly expressionIndexes: boolean
  /** Identity columns (`GENERATED … AS IDENTITY`). */
  readonly identityColumns: boolean
  // The capabilities below were added when a dialect outside this repository (DuckDB, see
  // examples/dialect-duckdb) met engine limits the ones above do not name. They are optional so
  // that a dialect written before them still type-checks: absent means `true`, the engine can.
  /** `ON DELETE` / `ON UPDATE` actions other than `NO ACTION` / `RESTRICT` (`CASCADE`, `SET NULL`, `SET DEFAULT`). Absent: yes. */
  readonly foreignKeyActions?: boolean
  /** STORED (persisted) generated columns. Absent: yes. */
  readonly storedComputedColumns?: boolean
  /** A foreign key from a table in one schema to a table in another. Absent: yes. */
  readonly crossSchemaForeignKeys?: boolean
  /** Rename or rebuild a table that other tables' foreign keys point at. Absent: yes. */
  readonly alterReferencedTables?: boolean
  /**
   * The engine keeps the names given to constraints. When `false` (DuckDB names every constraint
   * itself), the conformance comparison ignores constraint names. Absent: yes.
   */
  readonly namedConstraints?: boolean
}

/**
 * What every compile call may be given.
 * @example
 * import { alterColumn, applyOps, createTable, emptySnapshot } from '@athanor/ir'
 * import { mysql } from '@athanor/dialect-mysql'
 * // MySQL's MODIFY restates the whole column: the snapshot says what the op does not
 * const snapshot = applyOps(emptySnapshot(), [createTable({ tableName: 'account', columns: [{ name: 'email', type: { name: 'varchar', length: 255 } }] })])
 * const ctx: CompileContext = { snapshot }
 * mysql.compile(alterColumn({ tableName: 'account', columnName: 'email', nullable: false }), ctx)
 * // => [{ sql: 'ALTER TABLE account MODIFY email VARCHAR(255) NOT NULL' }]
 */
export interface CompileContext {
  /**
   * The schema before the op. Compilers that need the current definition of something (MySQL's
   * `MODIFY`, SQL Server's default constraints, SQLite's rebuild) read it from here when the op
   * does not carry it.
   */
  readonly snapshot?: SchemaSnapshot
  /** The registry of op kinds, for plugin kinds inside containers. */
  readonly registry?: Registry
}

/**
 * What a handler gets: the context, and a way to compile child ops (containers, batches).
 * @example
 * import { arrayOf, createRegistry, parseOp, type Op, type OpBase } from '@athanor/ir'
 * import { postgresCapabilities, postgresHandlers, postgresQuote } from '@athanor/dialect-postgres'
 * // The handler of a plugin container: its children compiled by the dialect itself
 * const group: Handler<OpBase> = (op, ctx: HandlerContext) => ctx.compileOps((op as OpBase & { readonly ops: readonly Op[] }).ops, ctx.snapshot)
 * const mine = defineDialect({ name: 'mine', capabilities: postgresCapabilities, quote: postgresQuote, handlers: postgresHandlers, extraHandlers: { group } })
 * const registry = createRegistry({ plugins: [{ kind: 'group', fields: { ops: arrayOf((v, path, ctx) => ctx.parseOp(v, path, ctx, 'top')) }, required: ['ops'] }] })
 * const r = parseOp({ kind: 'group', ops: [{ kind: 'dropTable', tableName: 'a' }, { kind: 'dropTable', tableName: 'b' }] }, { registry })
 * r.ok && mine.compile(r.value, { registry }).map((s) => s.sql) // => ['DROP TABLE a', 'DROP TABLE b']
 */
export interface HandlerContext extends CompileContext {
  /** The dialect being compiled for. */
  readonly dialect: Dialect
  /** Compiles ops in order, moving the snapshot forward after each (when there is one). */
  readonly compileOps: (ops: readonly Op[], snapshot?: SchemaSnapshot) => readonly Statement[]
}

/**
 * Compiles one kind of op: a pure function from the node to zero or more statements.
 * @example
 * import { renameTable, type RenameTableOp } from '@athanor/ir'
 * import { postgresCapabilities, postgresHandlers, postgresQuote as q } from '@athanor/dialect-postgres'
 * const renameIfExists: Handler<RenameTableOp> = (op) => [statement(`ALTER TABLE IF EXISTS ${q.qualified(op.oldTableName, op.schema)} RENAME TO ${q.ident(op.newTableName)}`)]
 * const mine = defineDialect({ name: 'mine', capabilities: postgresCapabilities, quote: q, handlers: { ...postgresHandlers, renameTable: renameIfExists } })
 * mine.compile(renameTable({ oldTableName: 'account', newTableName: 'user_account' })) // => [{ sql: 'ALTER TABLE IF EXISTS account RENAME TO user_account' }]
 */
export type Handler<O> = (op: O, ctx: HandlerContext) => readonly Statement[]

/**
 * A handler for every built-in kind. Declaring a dialect's map with `satisfies Handlers` makes a
 * new op kind fail to type-check until the dialect handles it.
 * @example
 * import { postgresHandlers, postgresQuote as q } from '@athanor/dialect-postgres'
 * const handlers = {
 *   ...postgresHandlers,
 *   dropTable: (op) => [statement(`DROP TABLE ${q.qualified(op.tableName, op.schema)} CASCADE`)],
 * } satisfies Handlers
 * Object.keys(handlers).length // => 22
 */
export type Handlers = { readonly [K in BuiltinOpKind]: Handler<BuiltinOpTypes[K]> }

/**
 * How an offline script frames a transaction and separates statements. PostgreSQL uses the
 * default, `BEGIN;` / `COMMIT;` and no separator; SQL Server opens with `BEGIN TRANSACTION;` and
 * writes `GO` after every statement and after `COMMIT;` (catalog §0.3, Appendix B).
 * @example
 * const framing: ScriptFraming = { begin: 'BEGIN TRANSACTION;', commit: 'COMMIT;', separator: 'GO' }
 */
export interface ScriptFraming {
  /** The line that opens a transaction, terminator included (`BEGIN;`). */
  readonly begin: string
  /** The line that commits it, terminator included (`COMMIT;`). */
  readonly commit: string
  /** A batch separator line written after every statement and every `commit` (`GO`); none when absent. */
  readonly separator?: string
}

/**
 * A SQL dialect: its name, capabilities, quoting and compiler.
 * @example
 * import { dropTable } from '@athanor/ir'
 * import { mssql } from '@athanor/dialect-mssql'
 * import { postgresql } from '@athanor/dialect-postgres'
 * const dialects: Dialect[] = [postgresql, mssql]
 * dialects.map((d) => d.compile(dropTable({ tableName: 'order' }))[0]?.sql) // => ['DROP TABLE "order"', 'DROP TABLE [order]']
 */
export interface Dialect {
  readonly name: string
  readonly capabilities: Capabilities
  readonly quote: Quoter
  /** Offline script framing for `compileMigration`; `BEGIN;` / `COMMIT;` without a separator when absent. */
  readonly scriptFraming?: ScriptFraming
  /**
   * Compiles one op (containers included) to statements. Throws a typed `AthanorError`
   * (`UNSUPPORTED_OPERATION`, `MISSING_EXISTING_STATE`, …) instead of producing SQL that fails.
   */
  compile(op: Op, ctx?: CompileContext): readonly Statement[]
  /** Compiles ops in order; with a snapshot, each op sees the schema the earlier ones left. */
  compileOps(ops: readonly Op[], ctx?: CompileContext): readonly Statement[]
}

/**
 * What {@link defineDialect} takes.
 * @example
 * import { postgresCapabilities, postgresHandlers, postgresQuote } from '@athanor/dialect-postgres'
 * // PostgreSQL's compiler for an engine without transactional DDL
 * const definition: DialectDefinition = {
 *   name: 'pg-like', capabilities: { ...postgresCapabilities, transactionalDdl: false }, quote: postgresQuote, handlers: postgresHandlers,
 * }
 * defineDialect(definition).capabilities.transactionalDdl // => false
 */
export interface DialectDefinition {
  readonly name: string
  readonly capabilities: Capabilities
  readonly quote: Quoter
  readonly handlers: Handlers
  /** Offline script framing (see {@link ScriptFraming}); the default when absent. */
  readonly scriptFraming?: ScriptFraming
  /** Handlers for plugin kinds, by kind. */
  readonly extraHandlers?: Readonly<Record<string, Handler<OpBase>>>
}
