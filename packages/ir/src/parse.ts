import type { MigrationScript } from './containers/migration-script.js'
import { opOfKind } from './containers/nested.js'
import type { Op } from './op.js'
import { opSpecAt, runSpec, type ParseOptions, type ParseResult } from './registry.js'
import { ParseError } from './errors.js'
import { arrayOf, type Spec } from './spec.js'

const anyOp = opSpecAt('top') as Spec<Op>
const opList = arrayOf(anyOp, { what: 'an array of ops' })
const script = opOfKind<MigrationScript>('migrationScript')

/**
 * Validates untrusted input (usually `JSON.parse` output) as one op or a list of ops. Returns the
 * frozen value, or every error found, each with a JSON path, the op kind and what was expected.
 * Never throws, whatever the input.
 * @example
 * const r = parse(JSON.parse('{"kind":"dropTable","tableName":"old"}'))
 * r // => { ok: true, value: { kind: 'dropTable', tableName: 'old' } }
 */
export function parse(input: unknown, options?: ParseOptions): ParseResult<Op | readonly Op[]> {
  let isList: boolean
  try {
    isList = Array.isArray(input)
  } catch {
    // A revoked proxy throws here; parseOp reports it as NOT_JSON instead.
    isList = false
  }
  return isList ? parseOps(input, options) : parseOp(input, options)
}

/**
 * Validates one op (of any kind, containers included).
 * @example
 * parseOp({ kind: 'dropTable', tableName: 'legacy' }) // => { ok: true, value: { kind: 'dropTable', tableName: 'legacy' } }
 */
export function parseOp(input: unknown, options?: ParseOptions): ParseResult<Op> {
  return runSpec(anyOp, input, options)
}

/**
 * Validates a list of ops.
 * @example
 * parseOps([{ kind: 'dropTable', tableName: 'legacy' }]) // => { ok: true, value: [{ kind: 'dropTable', tableName: 'legacy' }] }
 * parseOps({ kind: 'dropTable', tableName: 'legacy' }).ok // => false
 */
export function parseOps(input: unknown, options?: ParseOptions): ParseResult<readonly Op[]> {
  return runSpec(opList, input, options)
}

/**
 * Validates a migration script.
 * @example
 * const r = parseMigrationScript(JSON.parse('{"kind":"migrationScript","revId":"a1","downRevision":null,"upgradeOps":[],"downgradeOps":[]}'))
 * r.ok && r.value.revId // => 'a1'
 */
export function parseMigrationScript(input: unknown, options?: ParseOptions): ParseResult<MigrationScript> {
  return runSpec(script, input, options)
}

/**
 * Parses JSON text holding one op or a list of ops, and validates it as {@link parse} does. The
 * objects `JSON.parse` makes belong to nobody else, so they are checked in place and frozen rather
 * than copied: the fastest way from a migration file to ops. Keys keep the text's order. Text that
 * is not JSON is one `NOT_JSON` error; never throws.
 * @example
 * const r = parseJson('[{"kind":"dropTable","tableName":"old"}]')
 * r.ok && r.value // => [{ kind: 'dropTable', tableName: 'old' }]
 * const bad = parseJson('{"kind":"dropTable",')
 * bad.ok ? [] : bad.errors.map((e) => e.code) // => ['NOT_JSON']
 */
export function parseJson(text: string, options?: ParseOptions): ParseResult<Op | readonly Op[]> {
  let input: unknown
  try {
    input = JSON.parse(text)
  } catch (cause) {
    const path = options?.path ?? ''
    const detail = cause instanceof Error ? `: ${cause.message}` : ''
    return { ok: false, errors: Object.freeze([new ParseError({ code: 'NOT_JSON', path, expected: 'JSON text', found: 'text that is not JSON', message: `the text is not valid JSON${detail}`, cause })]) }
  }
  return Array.isArray(input) ? runSpec(opList, input, options, true) : runSpec(anyOp, input, options, true)
}
