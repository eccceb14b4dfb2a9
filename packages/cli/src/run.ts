import { parseArgs } from 'node:util'
import { AthanorError } from '@athanor/ir'
import { modelCommand } from './commands/model.js'
import { renderCommand } from './commands/render.js'
import { reverseCommand } from './commands/reverse.js'
import { sqlCommand } from './commands/sql.js'
import { DIALECT_NAMES } from './dialects.js'
import { CliError, type CliIo } from './io.js'

const MAIN_HELP = `athanor — offline SQL from Athanor migration files

Usage:
  athanor sql <files…> [--dialect sqlite] [--schema snapshot.json] [--down] [-o out.sql] [--format sql|json]
  athanor reverse <files…> [--schema snapshot.json]
  athanor model <files…> [--schema snapshot.json]
  athanor render <file.json> [-o migration.ts]
  athanor <command> --help

Files are migration scripts ({ "kind": "migrationScript", … }) or op lists ([{ "kind": … }]) as JSON;
a directory stands for its .json files in name order.
`

const HELP: Readonly<Record<string, string>> = {
  sql: `athanor sql <files…> [options]

Compiles migration scripts (ordered by downRevision) or a bare op list to an offline SQL script.

Options:
  -d, --dialect <name>     ${DIALECT_NAMES.join(', ')} (default: sqlite)
  -s, --schema <file>      the schema before the first migration (as printed by \`athanor model\`);
                           default: an empty database
      --down               the downgrade script (scripts in reverse order; an empty downgrade is
                           derived from the upgrade with reverse)
  -o, --output <file>      write to a file instead of stdout
  -f, --format <sql|json>  sql (default): a script; json: [{ "sql", "transactional" }, …]
      --version-table <t>  keep a version table up to date (created when there is no --schema)
  -h, --help
`,
  reverse: `athanor reverse <files…> [--schema snapshot.json]

Prints, as JSON, the ops that undo the inputs' ops (the last op's reverse first). Drops and alters
are first completed from the schema model, so a dropped column can be added back.
`,
  model: `athanor model <files…> [--schema snapshot.json]

Prints the schema (SchemaSnapshot JSON) the inputs' ops leave: what the database will look like.
The same format is read by --schema.
`,
  render: `athanor render <file.json> [-o migration.ts]

Prints one migration file as TypeScript that builds the same ops with the factories of
@athanor/ir: a migration script as \`export default migrationScript({ … })\`, an op list (or a
single op) as \`export const ops: readonly Op[] = [ … ]\`. Batch children are plain { kind: … }
literals. The file is validated first; bad input gets every error, as for athanor sql.

Options:
  -o, --output <file>      write to a file instead of stdout
  -h, --help
`,
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code: 0 done,
 * 1 failure, 2 bad input or usage. Errors go to `io.stderr`; nothing is written to stdout then.
 * @example
 * const files = new Map([['ops.json', '[{ "kind": "createTable", "tableName": "t", "columns": [{ "name": "id", "type": "integer" }] }]']])
 * const io: CliIo = {
 *   stdout: (text) => console.log(text.trimEnd()),
 *   stderr: (text) => console.error(text.trimEnd()),
 *   readFile: (path) => files.get(path) ?? '',
 *   writeFile: (path, text) => { files.set(path, text) },
 *   listDir: () => undefined,
 * }
 * await run(['sql', 'ops.json', '--dialect', 'sqlite'], io) // => 0
 * // prints: CREATE TABLE t (
 * // prints:     id INTEGER
 * // prints: );
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout(MAIN_HELP)
      return command === undefined ? 2 : 0
    }
    const help = HELP[command]
    if (help === undefined) throw new CliError([`unknown command ${JSON.stringify(command)}`, '', MAIN_HELP.trimEnd()])
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        dialect: { type: 'string', short: 'd' },
        schema: { type: 'string', short: 's' },
        down: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        'version-table': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (values.help === true) {
      io.stdout(help)
      return 0
    }
    const schema = values.schema === undefined ? {} : { schema: values.schema }
    if (command === 'sql') {
      const format = values.format ?? 'sql'
      if (format !== 'sql' && format !== 'json') throw new CliError([`--format must be sql or json, not ${JSON.stringify(format)}`])
      await sqlCommand(
        {
          files: positionals,
          dialect: values.dialect ?? 'sqlite',
          down: values.down === true,
          format,
          ...schema,
          ...(values.output === undefined ? {} : { output: values.output }),
          ...(values['version-table'] === undefined ? {} : { versionTable: values['version-table'] }),
        },
        io,
      )
    } else if (command === 'render') {
      refuse(values, ['dialect', 'schema', 'down', 'format', 'version-table'], command)
      renderCommand({ files: positionals, ...(values.output === undefined ? {} : { output: values.output }) }, io)
    } else {
      refuse(values, ['dialect', 'down', 'output', 'format', 'version-table'], command)
      if (command === 'reverse') reverseCommand({ files: positionals, ...schema }, io)
      else modelCommand({ files: positionals, ...schema }, io)
    }
    return 0
  } catch (e) {
    if (e instanceof CliError) {
      for (const line of e.lines) io.stderr(`${line}\n`)
      return e.exitCode
    }
    if (e instanceof AthanorError) {
      io.stderr(`${e.code}${e.kind === undefined ? '' : ` (${e.kind}${e.path === undefined || e.path === '' ? '' : ` at ${e.path}`})`}: ${e.message}\n`)
      return 2
    }
    if (e instanceof TypeError && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${e.message}\n(see athanor ${command ?? ''} --help)\n`)
      return 2
    }
    throw e
  }
}

function refuse(values: Readonly<Record<string, unknown>>, names: readonly string[], command: string): void {
  for (const n of names) {
    if (values[n] !== undefined) throw new CliError([`--${n} is not an option of athanor ${command} (see athanor ${command} --help)`])
  }
}
