import { compileMigration, type Statement } from '@athanor/dialect-kit'
import { applyOps, ModelMismatchError, type MigrationScript, type Op, type SchemaSnapshot } from '@athanor/ir'
import { loadDialect } from '../dialects.js'
import { orderScripts, readInputs } from '../inputs.js'
import { CliError, type CliIo } from '../io.js'
import { startingSnapshot } from '../snapshot-file.js'

/** Options of `athanor sql`. */
export interface SqlOptions {
  readonly files: readonly string[]
  readonly dialect: string
  readonly schema?: string
  readonly down: boolean
  readonly output?: string
  readonly format: 'sql' | 'json'
  readonly versionTable?: string
}

/**
 * `athanor sql`: migration scripts (or a bare op list) → an offline SQL script, or the statements
 * as JSON. The schema model is carried from script to script, so each compiler knows the tables
 * the earlier migrations made.
 */
export async function sqlCommand(options: SqlOptions, io: CliIo): Promise<void> {
  const inputs = readInputs(options.files, io)
  const dialect = await loadDialect(options.dialect)
  const given = startingSnapshot(options.schema, io)
  const scripts = inputs.flatMap((i) => (i.kind === 'script' ? [i.script] : []))
  const lists = inputs.flatMap((i) => (i.kind === 'ops' ? [i] : []))
  if (scripts.length > 0 && lists.length > 0) {
    throw new CliError([`give either migration scripts or op lists, not both (op lists: ${lists.map((l) => l.file).join(', ')})`])
  }
  let statements: readonly Statement[]
  let text: string
  const ordered = orderScripts(scripts)
  const allOps = scripts.length > 0 ? ordered.flatMap(upgradeOpsOfScript) : lists.flatMap((l) => l.ops)
  // The model follows the ops from --schema, or from an empty database. Ops that act on tables
  // made elsewhere cannot be modelled without --schema: compile them without a model then.
  let start: SchemaSnapshot | undefined = given
  let end: SchemaSnapshot | undefined
  try {
    end = applyOps(given, allOps)
  } catch (e) {
    if (options.schema !== undefined || !(e instanceof ModelMismatchError)) throw e
    io.stderr(`note: the ops do not start from an empty database (${e.message}); compiling without a schema model — give --schema to use one\n`)
    start = undefined
  }
  if (scripts.length > 0) {
    const snapshot = options.down ? end : start
    const compiled = compileMigration(ordered, dialect, {
      direction: options.down ? 'downgrade' : 'upgrade',
      ...(snapshot === undefined ? {} : { snapshot }),
      ...(options.versionTable === undefined ? {} : { versionTable: options.versionTable, createVersionTable: !options.down && options.schema === undefined }),
    })
    statements = compiled.statements
    text = compiled.sql
  } else {
    if (options.down) throw new CliError(['--down needs migration scripts; use `athanor reverse` for an op list'])
    statements = dialect.compileOps(allOps, start === undefined ? {} : { snapshot: start })
    // A dialect's batch separator (SQL Server's GO) follows every statement, as in compileMigration.
    const separator = dialect.scriptFraming?.separator === undefined ? '' : `${dialect.scriptFraming.separator}\n\n`
    text = statements.map((s) => `${s.sql};\n\n${separator}`).join('')
  }
  const out = options.format === 'json' ? `${JSON.stringify(statements.map((s) => ({ sql: s.sql, transactional: s.transactional !== false })), null, 2)}\n` : text
  if (options.output === undefined) io.stdout(out)
  else io.writeFile(options.output, out)
}

function upgradeOpsOfScript(script: MigrationScript): readonly Op[] {
  return script.upgradeOps.flatMap((u) => u.ops)
}
