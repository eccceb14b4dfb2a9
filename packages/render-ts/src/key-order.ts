import { builtinSpecs, type BuiltinOpKind } from '@athanor/ir'

// The order fields are written in. Ops follow their kind's spec (the order the factories
// document), with the op lists last because they are long; the parts of an op (columns, types,
// constraints, indexes, defaults) put what names them first, then what defines them, then their
// options; free-form JSON (`info`, rows, option maps) keeps the order it was given in.

/** Fields holding free-form JSON or option maps: their keys are user data and keep their order. */
export const FREE_FORM_FIELDS: ReadonlySet<string> = new Set(['info', 'executionOptions', 'rows', 'postgresqlWith', 'postgresqlOps', 'dialects', 'mysqlLength'])

/** The fields of each container kind that hold ops, and whether they are batch children. */
export const OP_LIST_FIELDS: Readonly<Record<string, Readonly<Record<string, 'ops' | 'children'>>>> = {
  batch: { ops: 'children' },
  modifyTableOps: { ops: 'ops' },
  upgradeOps: { ops: 'ops' },
  downgradeOps: { ops: 'ops' },
  migrationScript: { upgradeOps: 'ops', downgradeOps: 'ops' },
}

/** The order of the fields inside the parts of an op; anything else follows, alphabetically. */
const PART_ORDER: readonly string[] = [
  'name', 'type', 'sql', 'literal', 'sqltext', 'condition',
  'columns', 'localCols', 'referentTable', 'referentSchema', 'remoteCol', 'remoteCols',
  'values', 'enumName', 'length', 'precision', 'scale', 'timezone', 'collation',
  'nullable', 'primaryKey', 'autoincrement', 'unique', 'index', 'serverDefault', 'comment',
  'foreignKey', 'check', 'computed', 'identity', 'persisted',
  'always', 'start', 'increment', 'minValue', 'maxValue', 'cycle', 'cache',
  'onDelete', 'onUpdate', 'match', 'deferrable', 'initially', 'useAlter',
  'constraints', 'prefixes',
]

/** The `type` tags of table constraints: such a `type` names what the object is, so it goes first. */
const CONSTRAINT_TAGS: ReadonlySet<string> = new Set(['primaryKey', 'unique', 'foreignKey', 'check', 'index'])

const partRank = new Map(PART_ORDER.map((k, i) => [k, i]))

const alphabetical = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The keys of an op's part (a column, a type, a constraint, …) in writing order. */
export function partKeys(value: Readonly<Record<string, unknown>>): readonly string[] {
  const keys = Object.keys(value)
  const tagged = typeof value['type'] === 'string' && CONSTRAINT_TAGS.has(value['type'])
  const rank = (k: string): number => (tagged && k === 'type' ? -1 : (partRank.get(k) ?? PART_ORDER.length))
  return keys.sort((a, b) => rank(a) - rank(b) || alphabetical(a, b))
}

/** True for a built-in kind, which has a factory of the same name. */
export function isBuiltinKind(kind: string): kind is BuiltinOpKind {
  return Object.hasOwn(builtinSpecs, kind)
}

/**
 * The keys of an op of a built-in kind in writing order: its spec's fields (batch-only fields
 * after them), `info`, dialect options of outside dialects (alphabetically), then its op lists.
 */
export function opKeys(kind: BuiltinOpKind, value: Readonly<Record<string, unknown>>): readonly string[] {
  const spec = builtinSpecs[kind]
  const lists = OP_LIST_FIELDS[kind] ?? {}
  const order = [...Object.keys(spec.fields), ...Object.keys(spec.batch?.batchFields ?? {}), 'info']
  const rank = new Map(order.map((k, i) => [k, i]))
  const group = (k: string): number => (Object.hasOwn(lists, k) ? 2 : rank.has(k) ? 0 : 1)
  return Object.keys(value)
    .filter((k) => k !== 'kind')
    .sort((a, b) => group(a) - group(b) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || alphabetical(a, b))
}

const known = new Map<BuiltinOpKind, ReadonlySet<string>>()

/**
 * The fields a built-in kind defines (its spec's, the batch-only ones, `info`); any other field
 * is a dialect option of an outside dialect, free-form JSON.
 */
export function knownFields(kind: BuiltinOpKind): ReadonlySet<string> {
  let names = known.get(kind)
  if (names === undefined) {
    const spec = builtinSpecs[kind]
    names = new Set([...Object.keys(spec.fields), ...Object.keys(spec.batch?.batchFields ?? {}), 'info'])
    known.set(kind, names)
  }
  return names
}
