/**
 * Every `@example` in the TSDoc of the packages (and of the DuckDB example dialect) is
 * type-checked, and every example that states a checked result is run.
 *
 * **What an example is.** The lines after an `@example` tag in a `/** … *\/` comment, the leading
 * ` * ` stripped, up to the next `@tag` line or the end of the comment. A ```` ```ts ```` fence inside
 * is optional; when there is one, only what is inside the fences is code (and the text on the
 * `@example` line is its title).
 *
 * **Type-checking.** All examples are type-checked together, in one `ts.Program` built with the
 * options of `tsconfig.base.json`, and with `paths` that point the package names at their
 * sources (the aliases of `vitest.config.ts`), so no build is needed. Each example is a module of
 * its own, held in memory next to its package (`<package>/tsdoc-examples/…`, never written).
 *
 * **Implicit imports.** To keep examples short, an example may use without importing them the
 * names its own package exports from its public entry points (`@athanor/ir` and
 * `@athanor/ir/arbitraries` for an example in packages/ir, `@athanor/dialect-mysql` and
 * `@athanor/dialect-mysql/introspect` for one in packages/dialect-mysql, …). An example on an
 * internal helper, which no entry point exports, may also use the names its own source file
 * exports. Anything else (another package's names, `fast-check`, `vitest`, a driver) is imported
 * explicitly in the example, as a user would write it.
 *
 * **Placeholders.** What an example needs but cannot build in a line (a schema snapshot, a
 * connection, a handler context) is written in the example as `declare const x: Type`: visible
 * to the reader, and checked. An example with placeholders is only type-checked.
 *
 * **Checked results.** An example with at least one of these comments is also run (so it must
 * build everything it uses, with no `declare`):
 *
 * - `expr // => value`: `expr` is evaluated and must deep-equal (`toEqual`) `value`, which is
 *   any expression (evaluated in the example's scope, so `new Map(…)` or `createIndex({ … })`
 *   work) and nothing else: no prose after it. The `// =>` comment may also stand alone on the
 *   line after the expression statement, and a value that opens a bracket continues on the next
 *   `//` lines until it closes. `value` is also type-checked against the type of `expr`.
 * - `const x = expr // => value`: the same, for `x`.
 * - `expr // throws { code: 'UNSUPPORTED_OPERATION', path: 'tableName' }`: `expr` must throw
 *   (or reject with) an error whose properties match the object (`toMatchObject`). Without the
 *   `{`, `// throws …` is prose.
 * - `// prints: text`, one comment per printed line (on its own line or after the
 *   `console.log(…)`): the lines the example prints with `console.log`, in order, as the README
 *   examples (test/readme.test.ts) do.
 *
 * Any other comment is prose for the reader, and is not checked: write `// =>` only for what the
 * test can check. Examples that need a live server (the introspectors) are type-checked only.
 *
 * **Every export has an example.** Every export of every package entry point should have at
 * least one `@example` (on its declaration, found through re-exports). The exports that do not
 * yet are counted: the count may go down, never up.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import ts from 'typescript'
import { afterEach, describe, expect, it, vi } from 'vitest'
import vitestConfig from '../vitest.config.js'
import { repositoryRoot } from './docs/paths.js'

const root = repositoryRoot()

// How many exports of the package entry points have no `@example` yet. The test fails when more
// lack one (give the new export an example) and when fewer do (lower this number): it only goes
// down.
const EXPORTS_WITHOUT_EXAMPLE = 0

// --- Packages and their entry points, from the aliases of vitest.config.ts -------------------

interface Entry {
  /** The specifier users import (`@athanor/ir/arbitraries`). */
  readonly specifier: string
  /** Absolute path of its source (`…/packages/ir/src/arbitraries/index.ts`). */
  readonly source: string
}

interface Package {
  /** Repository-relative folder, no trailing slash (`packages/ir`). */
  readonly dir: string
  /** Main entry first. */
  readonly entries: readonly Entry[]
}

function packagesFromAliases(): readonly Package[] {
  const alias = vitestConfig.resolve?.alias
  if (!Array.isArray(alias)) throw new Error('vitest.config.ts: expected resolve.alias to be an array')
  const byDir = new Map<string, Entry[]>()
  for (const a of alias as readonly { find: unknown; replacement: string }[]) {
    if (!(a.find instanceof RegExp)) throw new Error('vitest.config.ts: expected every alias to be a RegExp')
    const specifier = a.find.source.replace(/^\^/, '').replace(/\$$/, '').replaceAll('\\/', '/')
    const dir = relative(root, a.replacement).replace(/\/src\/.*$/, '')
    const entries = byDir.get(dir) ?? []
    entries.push({ specifier, source: a.replacement })
    byDir.set(dir, entries)
  }
  return [...byDir].map(([dir, entries]) => ({ dir, entries: entries.sort((a, b) => a.specifier.length - b.specifier.length) }))
}

const packages = packagesFromAliases()

// --- Extraction -------------------------------------------------------------------------------

interface CodeLine {
  readonly text: string
  /** 1-based line in the source file. */
  readonly line: number
}

interface Example {
  /** Repository-relative source file. */
  readonly file: string
  /** 1-based line of the `@example` tag. */
  readonly line: number
  readonly lines: readonly CodeLine[]
  readonly pkg: Package
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []))
    .sort()
}

/** The `@example` blocks of the TSDoc comments of one file. */
function examplesIn(text: string): { line: number; lines: CodeLine[] }[] {
  const found: { line: number; lines: CodeLine[] }[] = []
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const first = text.slice(0, comment.index).split('\n').length
    const raw = comment[0].split('\n').map((l, i) => ({
      text: l.replace(/^\s*\/\*\*\s?/, '').replace(/\s*\*\/\s*$/, '').replace(/^\s*\* ?/, ''),
      line: first + i,
    }))
    let current: { line: number; title: string; lines: CodeLine[] } | undefined
    const close = (): void => {
      if (current === undefined) return
      found.push({ line: current.line, lines: codeOf(current.title, current.lines) })
      current = undefined
    }
    for (const l of raw) {
      if (/^@\w/.test(l.text)) {
        close()
        const tag = /^@example\b\s*(.*)$/.exec(l.text)
        if (tag !== null) current = { line: l.line, title: tag[1] ?? '', lines: [] }
      } else if (current !== undefined) {
        current.lines.push(l)
      }
    }
    close()
  }
  return found
}

/** The code of an example: inside its fences when it has any, else all of it (title line included). */
function codeOf(title: string, lines: readonly CodeLine[]): CodeLine[] {
  let code: CodeLine[]
  if (lines.some((l) => /^```/.test(l.text))) {
    code = []
    let inside = false
    for (const l of lines) {
      if (/^```/.test(l.text)) inside = !inside
      else if (inside) code.push(l)
    }
  } else {
    code = [...lines]
    if (title !== '') code.unshift({ text: title, line: (lines[0]?.line ?? 1) - 1 })
  }
  while (code.length > 0 && code[0]?.text.trim() === '') code.shift()
  while (code.length > 0 && code[code.length - 1]?.text.trim() === '') code.pop()
  return code
}

const examples: readonly Example[] = packages.flatMap((pkg) =>
  sourceFiles(join(root, pkg.dir, 'src')).flatMap((path) =>
    examplesIn(readFileSync(path, 'utf8')).map((e) => ({ ...e, file: relative(root, path), pkg })),
  ),
)

// --- Checked results: `// =>`, `// throws`, `// prints:` ------------------------------------

/** Why an example could not be turned into a checked module. */
class ConventionError extends Error {}

const MARKER = /^(\s*)\/\/ (=>|throws(?= \{))\s?(.*)$/

/** Whether brackets (outside strings) are still open at the end of `text`. */
function opensMore(text: string): boolean {
  let depth = 0
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quote !== undefined) {
      if (c === '\\') i++
      else if (c === quote) quote = undefined
    } else if (c === "'" || c === '"' || c === '`') quote = c
    else if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
  }
  return depth > 0
}

/** A `// =>` or `// throws` comment, with its value (continuation lines included) and where it lies in the code. */
interface Marker {
  readonly kind: '=>' | 'throws'
  readonly value: string
  /** Offset of the `//`. */
  readonly start: number
  /** Offset of the end of the comment's last line. */
  readonly end: number
  /** Index of the line of the `//`. */
  readonly lineIndex: number
}

function lineStarts(code: string): number[] {
  const starts = [0]
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') starts.push(i + 1)
  return starts
}

/** The marker that follows the statement ending at `end`: on its line, or alone on the next. */
function markerAfter(code: string, end: number): Marker | undefined {
  const starts = lineStarts(code)
  let lineIndex = starts.findLastIndex((s) => s <= end)
  const lineEnd = (i: number): number => (i + 1 < starts.length ? (starts[i + 1] as number) - 1 : code.length)
  let rest = code.slice(end, lineEnd(lineIndex))
  let start = end
  if (rest.trim() === '' && lineIndex + 1 < starts.length) {
    lineIndex++
    start = starts[lineIndex] as number
    rest = code.slice(start, lineEnd(lineIndex))
  }
  const m = MARKER.exec(rest)
  if (m === null) return undefined
  let value = m[3] ?? ''
  let last = lineIndex
  while (opensMore(value) && last + 1 < starts.length) {
    const next = /^\s*\/\/(.*)$/.exec(code.slice(starts[last + 1] as number, lineEnd(last + 1)))
    if (next === null) break
    last++
    value += `\n${next[1] ?? ''}`
  }
  return { kind: m[2] as '=>' | 'throws', value, start: start + (m[1]?.length ?? 0), end: lineEnd(last), lineIndex }
}

interface Checked {
  /** The example with its markers turned into calls of the checking functions (same line count). */
  readonly code: string
  readonly markers: number
  /** What `// prints:` says the example prints, line by line. */
  readonly prints: readonly string[]
}

/** Turns `// =>` and `// throws` comments into calls, keeping every line where it was. */
function checkedCode(example: Example): Checked {
  const code = example.lines.map((l) => l.text).join('\n')
  const where = (lineIndex: number): string => `${example.file}:${example.lines[lineIndex]?.line ?? example.line}`
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS)
  const edits: { start: number; end: number; text: string }[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) || ts.isVariableStatement(node)) {
      const marker = markerAfter(code, node.end)
      if (marker !== undefined) {
        const at = JSON.stringify(where(marker.lineIndex))
        const between = code.slice(node.end, marker.start)
        const value = `(${marker.value})`
        if (ts.isExpressionStatement(node)) {
          const expr = code.slice(node.expression.getStart(source), node.expression.end)
          const tail = code.slice(node.expression.end, node.end).replace(';', '')
          const call =
            marker.kind === '=>'
              ? `__tsdocExpect(${expr}${tail},${between}${value}, ${at});`
              : `await __tsdocThrows(async () => ${expr}${tail},${between}${value}, ${at});`
          edits.push({ start: node.expression.getStart(source), end: marker.end, text: call })
        } else {
          const declarations = node.declarationList.declarations
          const name = declarations.length === 1 ? declarations[0]?.name : undefined
          if (marker.kind !== '=>' || name === undefined || !ts.isIdentifier(name)) {
            throw new ConventionError(`${where(marker.lineIndex)}: a \`// ${marker.kind}\` after a declaration needs one \`const name = …\``)
          }
          edits.push({ start: node.end, end: marker.end, text: `${between};__tsdocExpect(${name.text}, ${value}, ${at});` })
        }
        return
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  let out = code
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  const stray = out.split('\n').findIndex((l) => /\/\/ (=>|throws \{)/.test(l))
  if (stray >= 0) throw new ConventionError(`${where(stray)}: a \`// =>\` or \`// throws\` comment that follows no expression statement`)
  const prints = example.lines.flatMap((l) => {
    const m = /\/\/ prints:(?: (.*))?$/.exec(l.text)
    return m === null ? [] : [m[1] ?? '']
  })
  return { code: out, markers: edits.length, prints }
}

const checked = new Map<Example, Checked | ConventionError>()
for (const e of examples) {
  try {
    checked.set(e, checkedCode(e))
  } catch (error) {
    if (!(error instanceof ConventionError)) throw error
    checked.set(e, error)
  }
}

const isRun = (e: Example): boolean => {
  const c = checked.get(e)
  return c !== undefined && !(c instanceof ConventionError) && (c.markers > 0 || c.prints.length > 0)
}

// --- The program ------------------------------------------------------------------------------

const GLOBALS = join(root, 'test/tsdoc-examples.globals.d.ts')
const GLOBALS_TEXT = `
/** \`expr // => value\`: expr deep-equals value. */
declare function __tsdocExpect<T>(actual: T, expected: NoInfer<T>, where: string): void
/** \`expr // throws { … }\`: expr throws an error with these properties. */
declare function __tsdocThrows(run: () => Promise<unknown>, expected: { readonly code?: string; readonly path?: string; readonly kind?: string; readonly message?: string; readonly [field: string]: unknown }, where: string): Promise<void>
`

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.base.json')
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p))
  if (config.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'))
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath)
  const paths: Record<string, string[]> = {}
  for (const p of packages) for (const e of p.entries) paths[e.specifier] = [e.source]
  return {
    ...parsed.options,
    noEmit: true,
    composite: false,
    incremental: false,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    paths,
  }
}

const options = compilerOptions()
const virtual = new Map<string, string>([[GLOBALS, GLOBALS_TEXT]])
const realHost = ts.createCompilerHost(options, true)
const sourceCache = new Map<string, ts.SourceFile>()
const host: ts.CompilerHost = {
  ...realHost,
  fileExists: (f) => virtual.has(f) || realHost.fileExists(f),
  readFile: (f) => virtual.get(f) ?? realHost.readFile(f),
  getSourceFile: (f, languageVersion, onError) => {
    const text = virtual.get(f)
    if (text !== undefined) return ts.createSourceFile(f, text, languageVersion, true)
    const cached = sourceCache.get(f)
    if (cached !== undefined) return cached
    const made = realHost.getSourceFile(f, languageVersion, onError)
    if (made !== undefined) sourceCache.set(f, made)
    return made
  },
}

interface Export {
  readonly name: string
  readonly value: boolean
  readonly type: boolean
}

/** What a module exports, by name, and whether each name is a value and/or a type where imported. */
function exportsOf(checker: ts.TypeChecker, file: ts.SourceFile): Map<string, Export> {
  const out = new Map<string, Export>()
  const moduleSymbol = checker.getSymbolAtLocation(file)
  if (moduleSymbol === undefined) return out
  for (const s of checker.getExportsOfModule(moduleSymbol)) {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s
    const typeOnly = (s.declarations ?? []).some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly))
    out.set(s.name, {
      name: s.name,
      value: !typeOnly && (target.flags & ts.SymbolFlags.Value) !== 0,
      type: (target.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Namespace)) !== 0,
    })
  }
  return out
}

// First, a program of the sources alone: what each entry point and each file with examples exports.
const entrySources = packages.flatMap((p) => p.entries.map((e) => e.source))
const exampleSources = [...new Set(examples.map((e) => join(root, e.file)))]
const sourcesProgram = ts.createProgram({ rootNames: [...entrySources, ...exampleSources], options, host })
const sourcesChecker = sourcesProgram.getTypeChecker()
const exportsBySource = new Map<string, Map<string, Export>>()
for (const f of [...entrySources, ...exampleSources]) {
  const sf = sourcesProgram.getSourceFile(f)
  if (sf === undefined) throw new Error(`not in the program: ${f}`)
  exportsBySource.set(f, exportsOf(sourcesChecker, sf))
}

/** Names a piece of code declares at its top level (imports, consts, functions, types, …). */
function topLevelNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  const addBinding = (b: ts.BindingName): void => {
    if (ts.isIdentifier(b)) names.add(b.text)
    else for (const el of b.elements) if (!ts.isOmittedExpression(el)) addBinding(el.name)
  }
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s)) {
      const c = s.importClause
      if (c?.name !== undefined) names.add(c.name.text)
      const b = c?.namedBindings
      if (b !== undefined && ts.isNamespaceImport(b)) names.add(b.name.text)
      if (b !== undefined && ts.isNamedImports(b)) for (const el of b.elements) names.add(el.name.text)
    } else if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) addBinding(d.name)
    } else if (
      (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s)) &&
      s.name !== undefined
    ) {
      names.add(s.name.text)
    }
  }
  return names
}

/** Identifiers the code refers to (not property names, not declarations' own names). */
function referencedNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const p = node.parent
      const isPropertyName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        (ts.isQualifiedName(p) && p.right === node) ||
        ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)) && p.name === node) ||
        (ts.isBindingElement(p) && p.propertyName === node) ||
        ts.isImportSpecifier(p) ||
        ts.isExportSpecifier(p) ||
        ts.isLabeledStatement(p)
      if (!isPropertyName) names.add(node.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return names
}

interface Module {
  readonly example: Example
  /** Where the program holds it. */
  readonly path: string
  /** The implicit import line (the module's first line), built for a module at `from`. */
  readonly header: (from: string) => string
  readonly checked: Checked | ConventionError
}

function specifierFrom(from: string, source: string): string {
  const rel = relative(dirname(from), source).replace(/\.ts$/, '.js')
  return rel.startsWith('.') ? rel : `./${rel}`
}

function moduleOf(example: Example, index: number): Module {
  const c = checked.get(example) as Checked | ConventionError
  const code = c instanceof ConventionError ? example.lines.map((l) => l.text).join('\n') : c.code
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS)
  const declared = topLevelNames(source)
  const wanted = [...referencedNames(source)].filter((n) => !declared.has(n)).sort()
  const ownFile = join(root, example.file)
  // Each name from the first entry point that exports it, else from the example's own file.
  const bySource = new Map<string, { specifier?: string; names: string[] }>()
  for (const name of wanted) {
    const candidates = [...example.pkg.entries.map((e) => ({ source: e.source, specifier: e.specifier as string | undefined })), { source: ownFile, specifier: undefined }]
    for (const { source: s, specifier } of candidates) {
      const exported = exportsBySource.get(s)?.get(name)
      if (exported === undefined) continue
      const group = bySource.get(s) ?? (specifier === undefined ? { names: [] } : { specifier, names: [] })
      group.names.push(exported.value ? name : `type ${name}`)
      bySource.set(s, group)
      break
    }
  }
  const header = (from: string): string =>
    [...bySource].map(([s, g]) => `import { ${g.names.join(', ')} } from '${g.specifier ?? specifierFrom(from, s)}';`).join(' ')
  const base = example.file.replace(/^.*?\/src\//, '').replace(/\.ts$/, '').replaceAll('/', '-')
  const path = join(root, example.pkg.dir, 'tsdoc-examples', `${base}-L${example.line}-${index}.ts`)
  return { example, path, header, checked: c }
}

const modules = examples.map(moduleOf)
for (const m of modules) {
  const c = m.checked
  const body = c instanceof ConventionError ? m.example.lines.map((l) => l.text).join('\n') : c.code
  // `export {}` keeps an example with no import a module of its own.
  virtual.set(m.path, `${m.header(m.path)} export {};\n${body}\n`)
}

const program = ts.createProgram({ rootNames: [GLOBALS, ...entrySources, ...modules.map((m) => m.path)], options, host, oldProgram: sourcesProgram })

/** The TypeScript errors of one example, as `file:line: message`. */
function diagnosticsOf(m: Module): string[] {
  const sf = program.getSourceFile(m.path)
  if (sf === undefined) return [`${m.example.file}:${m.example.line}: not in the program`]
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => {
    const line = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line
    const at = line === 0 ? m.example.line : (m.example.lines[line - 1]?.line ?? m.example.line)
    return `${m.example.file}:${at}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
  })
}

// --- Exports without an example -------------------------------------------------------------

/** Every export of every entry point whose declarations carry no `@example`, as `specifier: name`. */
function exportsWithoutExample(): string[] {
  const checker = program.getTypeChecker()
  const missing: string[] = []
  for (const p of packages) {
    for (const e of p.entries) {
      const sf = program.getSourceFile(e.source)
      const moduleSymbol = sf === undefined ? undefined : checker.getSymbolAtLocation(sf)
      if (moduleSymbol === undefined) throw new Error(`no module for ${e.specifier}`)
      for (const s of checker.getExportsOfModule(moduleSymbol)) {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s
        const documented = (target.declarations ?? []).some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === 'example'))
        if (!documented) missing.push(`${e.specifier}: ${s.name}`)
      }
    }
  }
  return missing.sort()
}

// --- Tests ----------------------------------------------------------------------------------

const name = (e: Example): string => `${e.file}:${e.line}`

// What the markers of a run example call (declared for the examples in GLOBALS_TEXT).
Object.assign(globalThis, {
  __tsdocExpect: (actual: unknown, expected: unknown, where: string): void => {
    expect(actual, where).toEqual(expected)
  },
  __tsdocThrows: async (run: () => Promise<unknown>, expected: object, where: string): Promise<void> => {
    let thrown: unknown
    let threw = false
    try {
      await run()
    } catch (error) {
      thrown = error
      threw = true
    }
    expect(threw, `${where}: expected a throw`).toBe(true)
    expect(thrown, where).toMatchObject(expected)
  },
})

// Where run examples are written: inside the repository, so that vitest resolves the package
// names to the sources. Emptied first: file names carry line numbers, which move.
const RUN_DIR = join(root, 'node_modules/.athanor/tsdoc')
rmSync(RUN_DIR, { recursive: true, force: true })
mkdirSync(RUN_DIR, { recursive: true })

describe('TSDoc examples', () => {
  it('finds the examples of every package', () => {
    expect(examples.length).toBeGreaterThan(300)
    for (const p of packages) expect(examples.some((e) => e.pkg === p), p.dir).toBe(true)
  })

  it('the program has no global errors', () => {
    expect([...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([])
  })

  describe.each(packages.map((p) => [p.dir, p] as const))('%s', (_dir, pkg) => {
    const mine = modules.filter((m) => m.example.pkg === pkg)

    it.each(mine.map((m) => [name(m.example), m] as const))('%s type-checks', (_name, m) => {
      if (m.checked instanceof ConventionError) throw m.checked
      const diagnostics = diagnosticsOf(m)
      if (diagnostics.length > 0) expect.fail(diagnostics.join('\n'))
    })

    const run = mine.filter((m) => isRun(m.example))
    describe.runIf(run.length > 0)('run', () => {
      afterEach(() => {
        vi.restoreAllMocks()
      })

      it.each(run.map((m) => [name(m.example), m] as const))('%s gives what its comments say', async (_name, m) => {
        const c = m.checked as Checked
        const printed: string[] = []
        vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
          printed.push(...args.map(String).join(' ').split('\n'))
        })
        const file = join(RUN_DIR, relative(root, m.path).replaceAll('/', '--'))
        writeFileSync(file, `${m.header(file)}\n${c.code}\n`)
        await import(/* @vite-ignore */ `${file}?t=${Date.now()}`)
        expect(printed, `${name(m.example)}: what it prints`).toEqual(c.prints)
      })
    })
  })

  it('every export of an entry point has an example, or is counted', () => {
    const missing = exportsWithoutExample()
    expect(missing.length, `exports without an @example:\n${missing.join('\n')}`).toBeLessThanOrEqual(EXPORTS_WITHOUT_EXAMPLE)
    expect(missing.length, `fewer exports lack an example than counted: lower EXPORTS_WITHOUT_EXAMPLE to ${missing.length}`).toBe(EXPORTS_WITHOUT_EXAMPLE)
  })
})
