/**
 * Every error Athanor throws or returns has a stable `code` from this closed union. Programs
 * branch on `code`, never on message text.
 *
 * | code | cause | fix |
 * |---|---|---|
 * | `UNKNOWN_KIND` | an op's `kind` is not a built-in or registered kind | fix the spelling, or register the plugin |
 * | `UNKNOWN_FIELD` | a field the op does not have (a typo such as `nulable`) | remove or respell it |
 * | `MISSING_FIELD` | a required field is absent | add it |
 * | `INVALID_TYPE` | a field holds the wrong JSON type | give the type named in `expected` |
 * | `INVALID_VALUE` | right JSON type, but not an allowed value (an empty name, an unknown `recreate`, …) | give a value named in `expected` |
 * | `NOT_ALLOWED_IN_BATCH` | an op or field that a batch cannot hold (`createTable`, or `tableName` on a child) | move it out of the batch, or drop the field |
 * | `NOT_JSON` | a value JSON cannot hold (`undefined`, a function, `NaN`, a class instance, a cycle) | pass plain JSON data |
 * | `TOO_DEEP` | free-form JSON nested deeper than the limit | flatten it |
 * | `NOT_REVERSIBLE` | `reverse` needs a field the op does not carry | give the field (or fill it from a schema model with `fillExisting`) |
 * | `MODEL_MISMATCH` | an op does not fit the schema model (a missing table, a duplicate column, …) | fix the op, or the snapshot it is applied to |
 * | `UNSUPPORTED_OPERATION` | the engine cannot do what the op asks | use a batch, or another op |
 * | `MISSING_EXISTING_STATE` | a compiler needs the current definition and neither the op nor the schema snapshot has it | give the `existing*` field or a snapshot |
 * | `DUPLICATE_KIND` | a plugin registers a kind that is already registered | pick another kind name |
 * @example
 * const r = parseOps([{ kind: 'dropTable' }, { kind: 'renameTabel' }])
 * const codes: ErrorCode[] = r.ok ? [] : r.errors.map((e) => e.code)
 * codes // => ['MISSING_FIELD', 'UNKNOWN_KIND']
 */
export type ErrorCode =
  | 'UNKNOWN_KIND'
  | 'UNKNOWN_FIELD'
  | 'MISSING_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_VALUE'
  | 'NOT_ALLOWED_IN_BATCH'
  | 'NOT_JSON'
  | 'TOO_DEEP'
  | 'NOT_REVERSIBLE'
  | 'MODEL_MISMATCH'
  | 'UNSUPPORTED_OPERATION'
  | 'MISSING_EXISTING_STATE'
  | 'DUPLICATE_KIND'

/**
 * The codes a {@link ParseError} can carry.
 * @example
 * // A hint per code, for a tool that reports parse errors
 * const hint: Record<ParseErrorCode, string> = {
 *   UNKNOWN_KIND: 'register the plugin', UNKNOWN_FIELD: 'check the spelling', MISSING_FIELD: 'add the field', INVALID_TYPE: 'see expected',
 *   INVALID_VALUE: 'see expected', NOT_ALLOWED_IN_BATCH: 'move it out of the batch', NOT_JSON: 'pass plain JSON', TOO_DEEP: 'flatten it',
 * }
 * const r = parseOp({ kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'integer', nulable: true } })
 * r.ok ? [] : r.errors.map((e) => hint[e.code]) // => ['check the spelling']
 */
export type ParseErrorCode = Extract<
  ErrorCode,
  'UNKNOWN_KIND' | 'UNKNOWN_FIELD' | 'MISSING_FIELD' | 'INVALID_TYPE' | 'INVALID_VALUE' | 'NOT_ALLOWED_IN_BATCH' | 'NOT_JSON' | 'TOO_DEEP'
>

/**
 * What every Athanor error carries besides its message.
 * @example
 * // A dialect refusing what its engine cannot do
 * const fields: AthanorErrorFields = { kind: 'addColumn', path: 'column.identity', message: 'mydb: no identity columns' }
 * const e = new UnsupportedOperationError({ ...fields, engine: 'mydb' })
 * const seen = [e.code, e.kind, e.path, e.message] // => ['UNSUPPORTED_OPERATION', 'addColumn', 'column.identity', 'mydb: no identity columns']
 */
export interface AthanorErrorFields {
  /** The op kind concerned, when there is one. */
  readonly kind?: string
  /** A JSON path to the offending field (`ops[3].column.type`, or `column.type` relative to an op). */
  readonly path?: string
  readonly message: string
  readonly cause?: unknown
}

/**
 * The base class of every error Athanor throws or returns.
 * @example
 * try { reverse(executeSql({ sqltext: 'select 1' })) } catch (e) {
 *   if (e instanceof AthanorError && e.code === 'NOT_REVERSIBLE') console.log(e.path) // prints: reverseSqltext
 * }
 */
export class AthanorError extends Error {
  readonly code: ErrorCode
  readonly kind: string | undefined
  readonly path: string | undefined

  constructor(code: ErrorCode, fields: AthanorErrorFields) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause })
    this.name = new.target.name
    this.code = code
    this.kind = fields.kind
    this.path = fields.path
  }
}

/**
 * Fields of a {@link ParseError}: what was expected and what was found.
 * @example
 * const fields: ParseErrorFields = {
 *   code: 'INVALID_VALUE', kind: 'createView', path: 'viewName', expected: 'a name without a dot', found: 'the string "a.b"',
 *   message: 'createView: a view name cannot hold a dot (viewName)',
 * }
 * const error = new ParseError(fields)
 * error instanceof AthanorError && error.expected // => 'a name without a dot'
 */
export interface ParseErrorFields extends AthanorErrorFields {
  readonly code: ParseErrorCode
  readonly expected: string
  readonly found: string
}

/**
 * One problem found in untrusted input by `parse` (returned, all at once) or by a factory (thrown).
 * @example
 * const r = parse({ kind: 'addColumn', tableName: 't', column: { name: 'c', type: 'integer', nulable: true } })
 * r.ok ? [] : r.errors.map((e) => [e.code, e.path]) // => [['UNKNOWN_FIELD', 'column.nulable']]
 */
export class ParseError extends AthanorError {
  declare readonly code: ParseErrorCode
  readonly expected: string
  readonly found: string

  constructor(fields: ParseErrorFields) {
    super(fields.code, fields)
    this.expected = fields.expected
    this.found = fields.found
  }
}

/**
 * Thrown by a factory given invalid fields; holds every problem found, the first as its own code/path.
 * @example
 * try {
 *   addColumn({ tableName: '', column: { name: '', type: 'text' } })
 * } catch (e) {
 *   if (e instanceof InvalidOpError) console.log(e.code, e.errors.map((x) => x.path).join(', ')) // prints: INVALID_VALUE tableName, column.name
 * }
 */
export class InvalidOpError extends ParseError {
  readonly errors: readonly ParseError[]

  constructor(errors: readonly ParseError[]) {
    const first = errors[0]
    if (first === undefined) throw new TypeError('InvalidOpError needs at least one error')
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''
    super({ ...errorFields(first), message: first.message + more })
    this.errors = errors
  }
}

function errorFields(e: ParseError): ParseErrorFields {
  const base = { code: e.code, message: e.message, expected: e.expected, found: e.found }
  return {
    ...base,
    ...(e.kind === undefined ? {} : { kind: e.kind }),
    ...(e.path === undefined ? {} : { path: e.path }),
  }
}

/**
 * `reverse` was asked to reverse an op that does not carry what its reverse needs (an
 * `executeSql` without `reverseSqltext`, a `dropColumn` without its `column`, …).
 * @example
 * try {
 *   reverse(dropColumn({ tableName: 'account', columnName: 'plan' }))
 * } catch (e) {
 *   if (e instanceof NotReversibleError) console.log(e.path) // prints: column
 * }
 * reverse(alterColumn({ tableName: 'account', columnName: 'email', nullable: false })) // throws { code: 'NOT_REVERSIBLE', path: 'existingNullable' }
 */
export class NotReversibleError extends AthanorError {
  declare readonly code: 'NOT_REVERSIBLE'
  constructor(fields: AthanorErrorFields) {
    super('NOT_REVERSIBLE', fields)
  }
}

/**
 * An op does not fit the schema model it is applied to (`applyOps`, `fillExisting`).
 * @example
 * try {
 *   applyOps(emptySnapshot(), [addColumn({ tableName: 'account', column: { name: 'plan', type: 'text' } })])
 * } catch (e) {
 *   if (e instanceof ModelMismatchError) console.log(e.message) // prints: addColumn: table "account" not found; expected an existing table
 * }
 */
export class ModelMismatchError extends AthanorError {
  declare readonly code: 'MODEL_MISMATCH'
  constructor(fields: AthanorErrorFields) {
    super('MODEL_MISMATCH', fields)
  }
}

/**
 * The engine cannot do what the op asks; thrown by a dialect before any SQL is produced.
 * @example
 * import { sqlite } from '@athanor/dialect-sqlite'
 * try {
 *   sqlite.compile(addColumn({ tableName: 'account', column: { name: 'email', type: 'text', unique: true } }))
 * } catch (e) {
 *   if (e instanceof UnsupportedOperationError) console.log(e.engine, e.path) // prints: sqlite column.unique
 * }
 */
export class UnsupportedOperationError extends AthanorError {
  declare readonly code: 'UNSUPPORTED_OPERATION'
  /** The dialect name (`sqlite`, `mysql`, …). */
  readonly engine: string
  constructor(fields: AthanorErrorFields & { readonly engine: string }) {
    super('UNSUPPORTED_OPERATION', fields)
    this.engine = fields.engine
  }
}

/**
 * A compiler needs the current definition of something (a column's type for a MySQL `MODIFY`)
 * and neither the op's `existing*` fields nor the schema snapshot has it.
 * @example
 * import { mysql } from '@athanor/dialect-mysql'
 * const op = alterColumn({ tableName: 'account', columnName: 'email', nullable: false })
 * try {
 *   mysql.compile(op)
 * } catch (e) {
 *   if (e instanceof MissingExistingStateError) console.log(e.path) // prints: existingType
 * }
 */
export class MissingExistingStateError extends AthanorError {
  declare readonly code: 'MISSING_EXISTING_STATE'
  constructor(fields: AthanorErrorFields) {
    super('MISSING_EXISTING_STATE', fields)
  }
}

/**
 * A plugin tried to register a kind that is already registered.
 * @example
 * createRegistry({ plugins: [{ kind: 'addColumn', fields: {}, required: [] }] }) // throws { code: 'DUPLICATE_KIND', kind: 'addColumn' }
 * try {
 *   createRegistry({ plugins: [{ kind: 'addColumn', fields: {}, required: [] }] })
 * } catch (e) {
 *   if (e instanceof DuplicateKindError) console.log(e.message) // prints: op kind "addColumn" is already registered
 * }
 */
export class DuplicateKindError extends AthanorError {
  declare readonly code: 'DUPLICATE_KIND'
  constructor(fields: AthanorErrorFields) {
    super('DUPLICATE_KIND', fields)
  }
}
