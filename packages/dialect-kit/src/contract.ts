import type { BuiltinOpKind, BuiltinOpTypes, Op, OpBase, Registry, SchemaSnapshot } from '@athanor/ir'
import type { Quoter } from './quoting.js'
import type { Statement } from './statement.js'

/**
 * What an engine can do natively. A change the engine cannot make is refused with an
 * `UnsupportedOperationError` naming the op, the field and the engine (or, on SQLite, rebuilt in
 * a batch) — never SQL that fails later. The conformance suite reads these to know which
 * scenarios apply.
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

/** What every compile call may be given. */
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

/** What a handler gets: the context, and a way to compile child ops (containers, batches). */
export interface HandlerContext extends CompileContext {
  /** The dialect being compiled for. */
  readonly dialect: Dialect
  /** Compiles ops in order, moving the snapshot forward after each (when there is one). */
  readonly compileOps: (ops: readonly Op[], snapshot?: SchemaSnapshot) => readonly Statement[]
}

/** Compiles one kind of op: a pure function from the node to zero or more statements. */
export type Handler<O> = (op: O, ctx: HandlerContext) => readonly Statement[]

/**
 * A handler for every built-in kind. Declaring a dialect's map with `satisfies Handlers` makes a
 * new op kind fail to type-check until the dialect handles it.
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

/** A SQL dialect: its name, capabilities, quoting and compiler. */
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

/** What {@link defineDialect} takes. */
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
