import { parseJson, type MigrationScript, type Op, type ParseError } from '@athanor/ir'
import { CliError, type CliIo } from './io.js'

/** One input file: a migration script, or a bare list of ops (a single op counts as a list). */
export type Input =
  | { readonly file: string; readonly kind: 'script'; readonly script: MigrationScript }
  | { readonly file: string; readonly kind: 'ops'; readonly ops: readonly Op[] }

/** `file: path: message` lines for parse errors. */
export function errorLines(file: string, errors: readonly ParseError[]): string[] {
  return errors.map((e) => `${file}: ${e.path === undefined || e.path === '' ? '(top)' : e.path}: ${e.message}`)
}

/** Expands directory arguments to their `.json` files, sorted by name. */
export function expandPaths(paths: readonly string[], io: CliIo): string[] {
  const out: string[] = []
  for (const p of paths) {
    const entries = io.listDir(p)
    if (entries === undefined) out.push(p)
    else for (const f of [...entries].filter((n) => n.endsWith('.json')).sort()) out.push(`${p.replace(/\/$/, '')}/${f}`)
  }
  return out
}

/** Reads and validates every input; collects every error of every file before failing. */
export function readInputs(paths: readonly string[], io: CliIo): Input[] {
  const files = expandPaths(paths, io)
  if (files.length === 0) throw new CliError(['no input files (give migration .json files or a directory of them)'])
  const inputs: Input[] = []
  const errors: string[] = []
  for (const file of files) {
    let text: string
    try {
      text = io.readFile(file)
    } catch (e) {
      errors.push(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`)
      continue
    }
    // parseJson checks the parsed text in place rather than copying it.
    const r = parseJson(text)
    if (!r.ok) {
      const first = r.errors[0]
      if (r.errors.length === 1 && first?.code === 'NOT_JSON' && first.path === '' && first.cause instanceof SyntaxError) {
        errors.push(`${file}: invalid JSON: ${first.cause.message}`)
        continue
      }
      errors.push(...errorLines(file, r.errors))
      continue
    }
    const value = r.value
    if (Array.isArray(value)) inputs.push({ file, kind: 'ops', ops: value as readonly Op[] })
    else if ((value as Op).kind === 'migrationScript') inputs.push({ file, kind: 'script', script: value as MigrationScript })
    else inputs.push({ file, kind: 'ops', ops: [value as Op] })
  }
  if (errors.length > 0) throw new CliError(errors)
  return inputs
}

/** Reads a `SchemaSnapshot` file (what `athanor model` writes). */
export function readJson(file: string, io: CliIo): unknown {
  try {
    return JSON.parse(io.readFile(file))
  } catch (e) {
    throw new CliError([`${file}: ${e instanceof Error ? e.message : String(e)}`])
  }
}

/**
 * Orders migration scripts so that each comes after the revision it follows (`downRevision`);
 * scripts whose parent is not among the inputs come first, ties in argument order.
 */
export function orderScripts(scripts: readonly MigrationScript[]): MigrationScript[] {
  const ids = new Set(scripts.map((s) => s.revId))
  const parents = (s: MigrationScript): string[] => {
    const d = s.downRevision
    const list = d === undefined || d === null ? [] : typeof d === 'string' ? [d] : [...d]
    return list.filter((p) => ids.has(p))
  }
  const done = new Set<string>()
  const out: MigrationScript[] = []
  while (out.length < scripts.length) {
    const next = scripts.find((s) => !done.has(s.revId) && parents(s).every((p) => done.has(p)))
    if (next === undefined) throw new CliError(['the migrations form a cycle through downRevision'])
    done.add(next.revId)
    out.push(next)
  }
  return out
}

/** Every op of the inputs in order: scripts' upgrades (ordered by downRevision), then op lists. */
export function opsOfInputs(inputs: readonly Input[]): Op[] {
  const scripts = orderScripts(inputs.flatMap((i) => (i.kind === 'script' ? [i.script] : [])))
  return [...scripts.flatMap((s) => s.upgradeOps.flatMap((u) => u.ops)), ...inputs.flatMap((i) => (i.kind === 'ops' ? i.ops : []))]
}
