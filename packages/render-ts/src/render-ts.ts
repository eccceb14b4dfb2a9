import { AthanorError, isPlainObject, type MigrationScript, type Op } from '@athanor/ir'
import { FREE_FORM_FIELDS, OP_LIST_FIELDS, isBuiltinKind, knownFields, opKeys, partKeys } from './key-order.js'
import { concat, layout, list, text, type Doc } from './layout.js'
import { numberLiteral, propertyName, stringLiteral } from './literals.js'

/**
 * Options of {@link renderTs}.
 * @example
 * const options: RenderTsOptions = { module: '@athanor/ir', printWidth: 100 }
 */
export interface RenderTsOptions {
  /** The module the factories are imported from; `'@athanor/ir'` by default. */
  readonly module?: string
  /** Lines are kept within this many columns where a break can do it; 100 by default. */
  readonly printWidth?: number
}

/** What the rendering of one file collects: the factories it calls. */
interface Collected {
  readonly factories: Set<string>
}

function notJson(path: string, found: string): never {
  throw new AthanorError('NOT_JSON', { path, message: `renderTs: ${path || 'the input'} is ${found}, which an op cannot hold` })
}

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`

/** A JSON value as a literal; `free` keeps object keys in their given order (user data). */
function jsonDoc(value: unknown, free: boolean, path: string): Doc {
  switch (typeof value) {
    case 'string':
      return text(stringLiteral(value))
    case 'boolean':
      return text(String(value))
    case 'number':
      return Number.isFinite(value) ? text(numberLiteral(value)) : notJson(path, String(value))
    case 'object': {
      if (value === null) return text('null')
      if (Array.isArray(value)) return list('array', value.map((v: unknown, i) => jsonDoc(v, free, at(path, i))))
      if (!isPlainObject(value)) return notJson(path, 'not a plain object')
      const keys = free ? Object.keys(value) : partKeys(value)
      return list('object', keys.map((k) => property(k, jsonDoc(value[k], free || FREE_FORM_FIELDS.has(k), at(path, k)))))
    }
    default:
      return notJson(path, typeof value)
  }
}

const property = (key: string, value: Doc): Doc => concat(text(`${propertyName(key)}: `), value)

/** The op's fields, after checking that it is one: a plain object with a string `kind`. */
function fields(value: unknown, path: string): Readonly<Record<string, unknown>> & { readonly kind: string } {
  if (!isPlainObject(value) || typeof value['kind'] !== 'string') return notJson(path, 'not an op (an object with a string kind)')
  return { ...value, kind: value['kind'] }
}

/** The value of one field of a built-in op: nested ops become factory calls or child literals. */
function fieldDoc(kind: string, key: string, value: unknown, known: boolean, out: Collected, path: string): Doc {
  const holds = OP_LIST_FIELDS[kind]?.[key]
  if (holds !== undefined && Array.isArray(value)) {
    // A script holds one upgrade and one downgrade in nearly every case; its factory takes the
    // container itself, which reads as a person writes it.
    if (kind === 'migrationScript' && value.length === 1) return opDoc(value[0], out, at(path, 0), false)
    const items = value.map((v: unknown, i) => (holds === 'children' ? childDoc(v, at(path, i)) : opDoc(v, out, at(path, i), false)))
    return list('array', items, true)
  }
  return jsonDoc(value, !known || FREE_FORM_FIELDS.has(key), path)
}

/** A batch child: a plain `{ kind, … }` literal (batch children have no factories). */
function childDoc(value: unknown, path: string): Doc {
  const op = fields(value, path)
  const kind = op.kind
  if (!isBuiltinKind(kind)) return jsonDoc(value, true, path)
  const items = [property('kind', text(stringLiteral(kind)))]
  const known = knownFields(kind)
  for (const k of opKeys(kind, op)) items.push(property(k, jsonDoc(op[k], FREE_FORM_FIELDS.has(k) || !known.has(k), at(path, k))))
  return list('object', items)
}

/** An op: a call of its factory for a built-in kind, a plain literal for a plugin kind. */
function opDoc(value: unknown, out: Collected, path: string, broken: boolean): Doc {
  const op = fields(value, path)
  const kind = op.kind
  // A plugin kind has no factory here; its plain literal type-checks once the plugin merges its
  // node type into OpTypes.
  if (!isBuiltinKind(kind)) return jsonDoc(value, true, path)
  out.factories.add(kind)
  const known = knownFields(kind)
  const items = opKeys(kind, op).map((k) => property(k, fieldDoc(kind, k, op[k], known.has(k), out, at(path, k))))
  return concat(text(`${kind}(`), list('object', items, broken), text(')'))
}

function isScript(input: Op | readonly Op[]): input is MigrationScript {
  return !Array.isArray(input) && (input as Op).kind === 'migrationScript'
}

/**
 * TypeScript source that builds `input` with the public factories of `@athanor/ir`, formatted as
 * a person writes a migration file: two-space indents, single quotes, trailing commas, one op per
 * line, each object on one line when it fits within `printWidth`.
 *
 * - A migration script becomes the module's default export: `export default migrationScript({ … })`.
 * - Anything else (an op list, or a single op, which counts as a list of one as it does for the
 *   CLI) becomes `export const ops: readonly Op[] = [ … ]`.
 *
 * Only the factories used are imported. Batch children are plain `{ kind: … }` literals (they
 * have no factories), and so are ops of plugin kinds, which type-check once the plugin merges
 * its node type into `OpTypes`. Fields are written in a fixed order: an op's fields in the order
 * of its kind's spec with nested op lists last; a column, type or constraint with what names it
 * first; free-form JSON (`info`, `bulkInsert` rows, option maps, options of outside dialects) in
 * the order given. Evaluating the source yields ops deep-equal to `input`, and the source
 * type-checks against `@athanor/ir` (options of outside dialects aside: the op types do not
 * declare them). A value JSON cannot hold is refused with `NOT_JSON` at its path.
 * @example
 * import { dropTable } from '@athanor/ir'
 * console.log(renderTs([dropTable({ tableName: 'legacy' })]))
 * // prints: import { dropTable, type Op } from '@athanor/ir'
 * // prints:
 * // prints: export const ops: readonly Op[] = [
 * // prints:   dropTable({ tableName: 'legacy' }),
 * // prints: ]
 * // prints:
 */
export function renderTs(input: Op | readonly Op[], options: RenderTsOptions = {}): string {
  const width = options.printWidth ?? 100
  const module = stringLiteral(options.module ?? '@athanor/ir')
  const out: Collected = { factories: new Set() }
  let body: Doc
  const imports: string[] = []
  if (isScript(input)) {
    body = concat(text('export default '), opDoc(input, out, '', true))
  } else {
    const ops: readonly unknown[] = Array.isArray(input) ? input : [input]
    body = concat(text('export const ops: readonly Op[] = '), list('array', ops.map((op, i) => opDoc(op, out, `[${i}]`, false)), true))
    imports.push('type Op')
  }
  const names = [...[...out.factories].sort(), ...imports]
  const importLine =
    names.length === 1 && names[0] === 'type Op'
      ? `import type { Op } from ${module}`
      : layout(concat(text('import '), list('object', names.map(text)), text(` from ${module}`)), width)
  return `${importLine}\n\n${layout(body, width)}\n`
}
