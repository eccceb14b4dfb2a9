/**
 * The TypeScript compiler API applied to rendered source, as a reader of the file would: a
 * type-check against the real `@athanor/ir` declarations (its built `dist`), and an evaluation of
 * the transpiled module with `@athanor/ir` supplied.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import * as ir from '@athanor/ir'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../../..')

/** Where the rendered files are placed (in memory only): inside this package, so `@athanor/ir` resolves as for its own files. */
const virtualDir = join(here, '.rendered')

/** The project's compiler options (tsconfig.base.json: strict, exactOptionalPropertyTypes, NodeNext), without emitting. */
function compilerOptions(): ts.CompilerOptions {
  const file = join(root, 'tsconfig.base.json')
  const read = ts.readConfigFile(file, (p) => ts.sys.readFile(p))
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root)
  return { ...parsed.options, noEmit: true, composite: false, declaration: false, declarationMap: false, sourceMap: false, types: [] }
}

/**
 * Type-checks each source as its own module that imports `@athanor/ir`; returns one line per
 * diagnostic (`case-3.ts (4,7): …`), empty when every source type-checks.
 */
export function typeCheck(sources: readonly string[]): readonly string[] {
  if (!existsSync(join(root, 'packages/ir/dist/index.d.ts'))) {
    throw new Error('packages/ir/dist is missing: build the workspace first (npx tsc -b)')
  }
  const files = new Map(sources.map((s, i) => [join(virtualDir, `case-${i}.ts`), s]))
  const options = compilerOptions()
  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (name, language, onError, create) => {
    const text = files.get(name)
    return text === undefined ? getSourceFile(name, language, onError, create) : ts.createSourceFile(name, text, language, true)
  }
  const fileExists = host.fileExists.bind(host)
  host.fileExists = (name) => files.has(name) || fileExists(name)
  const readFile = host.readFile.bind(host)
  host.readFile = (name) => files.get(name) ?? readFile(name)
  const program = ts.createProgram([...files.keys()], options, host)
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file === undefined ? '' : `${d.file.fileName.slice(virtualDir.length + 1)} ${positionOf(d)}: `
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
  })
}

function positionOf(d: ts.Diagnostic): string {
  if (d.file === undefined || d.start === undefined) return ''
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)
  return `(${line + 1},${character + 1})`
}

/** Transpiles `source` to CommonJS and runs it with `@athanor/ir` as its only import; returns its exports. */
export function evaluate(source: string): Readonly<Record<string, unknown>> {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText
  const exports: Record<string, unknown> = {}
  const require = (name: string): unknown => {
    if (name === '@athanor/ir') return ir
    throw new Error(`the rendered source imports ${name}`)
  }
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the rendered module is the point of the test
  new Function('exports', 'require', js)(exports, require)
  return exports
}
