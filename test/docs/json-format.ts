/**
 * Writes docs/json-format.md from the op types and their validation rules: the fields of each
 * kind (their order, which are required, which a batch supplies) from `builtinSpecs`, and each
 * field's type and description from the TypeScript declarations in packages/ir/src, read with
 * the compiler API. test/docs-generated.test.ts fails when the committed file differs.
 */
import { join } from 'node:path'
import ts from 'typescript'
import { GENERIC_TYPE_NAMES, builtinSpecs, type BuiltinOpKind } from '@athanor/ir'
import { repositoryRoot } from './paths.js'

/** The parts of ops documented after the ops, in this order: interfaces and type aliases of `@athanor/ir`. */
const PARTS = [
  'Column', 'ColumnForeignKey', 'ColumnCheck', 'Computed', 'Identity', 'ServerDefault', 'LiteralDefault', 'SqlDefault',
  'ColumnType', 'GenericTypeName', 'PlainType', 'StringType', 'NumericType', 'FloatType', 'TemporalType', 'BinaryType', 'EnumType', 'RawType',
  'TableDefinition', 'TableConstraint', 'PrimaryKeyDefinition', 'UniqueDefinition', 'ForeignKeyDefinition', 'CheckDefinition', 'TableIndex',
  'ConstraintDefinition', 'IndexDefinition', 'IndexColumn', 'OptionMap', 'BulkInsertColumn', 'ReferentialAction', 'JsonObject', 'JsonValue',
] as const

const anchor = (name: string): string => name.toLowerCase()

/** Table cell text: no line breaks, pipes escaped. */
const cell = (s: string): string => s.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|').trim()

interface Reader {
  readonly checker: ts.TypeChecker
  readonly exports: ReadonlyMap<string, ts.Symbol>
}

function reader(): Reader {
  const root = repositoryRoot()
  const read = ts.readConfigFile(join(root, 'tsconfig.base.json'), (p) => ts.sys.readFile(p))
  const options = { ...ts.parseJsonConfigFileContent(read.config, ts.sys, root).options, noEmit: true, composite: false, types: [] }
  const index = join(root, 'packages/ir/src/index.ts')
  const program = ts.createProgram([index], options)
  const checker = program.getTypeChecker()
  const file = program.getSourceFile(index)
  const module = file === undefined ? undefined : checker.getSymbolAtLocation(file)
  if (module === undefined) throw new Error('cannot read packages/ir/src/index.ts')
  const exports = new Map(checker.getExportsOfModule(module).map((s) => [s.name, s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s]))
  return { checker, exports }
}

function docOf(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim()
}

function typeText(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  const decl = symbol.valueDeclaration ?? symbol.declarations?.[0]
  if (decl !== undefined && (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) && decl.type !== undefined) {
    return decl.type.getText().replace(/\s+/g, ' ')
  }
  return checker.typeToString(checker.getTypeOfSymbol(symbol), undefined, ts.TypeFormatFlags.NoTruncation)
}

/** Links to the parts a type mentions (`readonly Column[]` → [Column](#column)). */
function seeAlso(type: string, self?: string): string {
  const named = PARTS.filter((p) => p !== self && new RegExp(`\\b${p}\\b`).test(type))
  return named.length === 0 ? '' : ` See ${named.map((p) => `[${p}](#${anchor(p)})`).join(', ')}.`
}

function fieldRows(props: readonly ts.Symbol[], checker: ts.TypeChecker, required: (name: string) => boolean, self?: string): string[] {
  return props.map((p) => {
    const type = typeText(p, checker)
    return `| \`${p.name}\` | \`${cell(type)}\` | ${required(p.name) ? 'yes' : ''} | ${cell(docOf(p, checker) + seeAlso(type, self))} |`
  })
}

const TABLE_HEAD = ['| field | type | required | meaning |', '|---|---|---|---|']

function opSection(kind: BuiltinOpKind, r: Reader): string[] {
  const { checker } = r
  const spec = builtinSpecs[kind]
  const typesSymbol = r.exports.get('BuiltinOpTypes')
  const member = typesSymbol === undefined ? undefined : checker.getDeclaredTypeOfSymbol(typesSymbol).getProperty(kind)
  if (member === undefined) throw new Error(`no type for ${kind}`)
  const type = checker.getTypeOfSymbol(member)
  const typeSymbol = type.getSymbol() ?? type.aliasSymbol
  const order = [...Object.keys(spec.fields), ...Object.keys(spec.batch?.batchFields ?? {}), 'info']
  const props = checker.getPropertiesOfType(type).filter((p) => p.name !== 'kind')
  const ordered = order.flatMap((name) => props.filter((p) => p.name === name))
  const batchOnly = Object.keys(spec.batch?.batchFields ?? {})
  const lines = [`### ${kind}`, '']
  const doc = typeSymbol === undefined ? '' : docOf(typeSymbol, checker)
  if (doc !== '') lines.push(doc, '')
  lines.push(`\`{ "kind": "${kind}", … }\`; TypeScript: \`${typeSymbol?.name ?? kind}\`, built by the factory \`${kind}()\`.`)
  if (spec.batch === undefined) lines.push('Not allowed inside a batch.')
  else {
    const supplied = spec.batch.tableFields.length === 0 ? 'nothing to supply' : `the batch supplies ${spec.batch.tableFields.map((f) => `\`${f}\``).join(' and ')}, which the child omits`
    lines.push(`Allowed inside a batch (${supplied})${batchOnly.length === 0 ? '' : `; ${batchOnly.map((f) => `\`${f}\``).join(' and ')} only there`}.`)
  }
  lines.push('', ...TABLE_HEAD, ...fieldRows(ordered, checker, (name) => spec.required.includes(name)), '')
  return lines
}

function partSection(name: string, r: Reader): string[] {
  const { checker } = r
  const symbol = r.exports.get(name)
  if (symbol === undefined) throw new Error(`@athanor/ir does not export ${name}`)
  const lines = [`### ${name}`, '']
  const doc = docOf(symbol, checker)
  if (doc !== '') lines.push(doc, '')
  const decl = symbol.declarations?.[0]
  if (decl !== undefined && ts.isTypeAliasDeclaration(decl)) {
    lines.push('```ts', `type ${name} = ${decl.type.getText().replace(/\s+/g, ' ').replace(/^\|\s*/, '')}`, '```', '')
    if (name === 'GenericTypeName') lines.push(`Written as a string (\`"integer"\`) or as \`{ "name": "integer" }\`: ${GENERIC_TYPE_NAMES.map((n) => `\`${n}\``).join(', ')}.`, '')
    return lines
  }
  const type = checker.getDeclaredTypeOfSymbol(symbol)
  const props = checker.getPropertiesOfType(type)
  const required = new Set(props.filter((p) => (p.flags & ts.SymbolFlags.Optional) === 0).map((p) => p.name))
  lines.push(...TABLE_HEAD, ...fieldRows(props, checker, (p) => required.has(p), name), '')
  return lines
}

/** The whole of docs/json-format.md. */
export function jsonFormatMarkdown(): string {
  const r = reader()
  const kinds = Object.keys(builtinSpecs) as BuiltinOpKind[]
  return [
    '# The JSON format of ops',
    '',
    '<!-- Generated by test/docs/json-format.ts from builtinSpecs and the types of @athanor/ir: do not edit by hand. Regenerate with `pnpm docs:generate`. -->',
    '',
    'Every op is a JSON object whose `kind` names its kind; its other fields are listed below, in',
    "the order the factories write them. `parse` (and each factory) checks an op against exactly",
    'these rules, and reports every problem with a JSON path:',
    '',
    '- **Absent means "not given"; `null` means "none" or "remove"** (`"serverDefault": null` drops a',
    '  default). A field may not be `undefined`: leave it out.',
    '- **Unknown fields are errors** (`nulable` is `UNKNOWN_FIELD`, with a suggestion), except the',
    '  options of an outside dialect whose prefix the registry was told about (`duckdbThreads` with',
    "  `dialectPrefixes: ['duckdb']`), kept as free-form JSON.",
    '- Every op and container may carry `info`, a free-form JSON object for the caller.',
    '- Fields prefixed with a dialect name (`postgresqlUsing`, `mysqlLength`, `mssqlClustered`,',
    '  `sqliteWhere`) are read by that dialect only; the others leave them alone.',
    '- Inside a `batch`, ops omit the fields the batch supplies (its table), and may say where a',
    '  column goes in a rebuilt table (`insertBefore` / `insertAfter`).',
    '',
    '## Ops',
    '',
    kinds.map((k) => `[${k}](#${anchor(k)})`).join(' · '),
    '',
    ...kinds.flatMap((k) => opSection(k, r)),
    '## Parts of ops',
    '',
    ...PARTS.flatMap((p) => partSection(p, r)),
  ].join('\n')
}
