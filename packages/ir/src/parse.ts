import type { MigrationScript } from './containers/migration-script.js'
import { opOfKind } from './containers/nested.js'
import type { Op } from './op.js'
import { opSpecAt, runSpec, type ParseOptions, type ParseResult } from './registry.js'
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
