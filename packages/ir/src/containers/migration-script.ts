import { AthanorError } from '../errors.js'
import type { JsonObject } from '../json.js'
import { makeOp, type OpFields, type OpSpec } from '../op-spec.js'
import { arrayOf, boolean, either, name, nullable, string, type Spec } from '../spec.js'
import type { DowngradeOps } from './downgrade-ops.js'
import { opOfKind } from './nested.js'
import type { UpgradeOps } from './upgrade-ops.js'

/**
 * One migration (Alembic's `MigrationScript`): its revision identifiers and its upgrade and
 * downgrade ops. The ops are lists, as in the reference; {@link upgradeOpsOf} and
 * {@link downgradeOpsOf} read the single entry. `reverse` swaps the two directions.
 * @example
 * const script = migrationScript({
 *   revId: '1a2b3c', downRevision: null, message: 'create account',
 *   upgradeOps: [upgradeOps({ ops: [] })], downgradeOps: [downgradeOps({ ops: [] })],
 * })
 * script.kind // => 'migrationScript'
 */
export interface MigrationScript {
  readonly kind: 'migrationScript'
  readonly revId: string
  readonly upgradeOps: readonly UpgradeOps[]
  readonly downgradeOps: readonly DowngradeOps[]
  /** The revision(s) this one follows; `null` for a first migration. */
  readonly downRevision?: string | readonly string[] | null
  readonly message?: string
  readonly imports?: readonly string[]
  readonly head?: string
  readonly splice?: boolean
  readonly branchLabel?: string | readonly string[]
  readonly versionPath?: string
  readonly dependsOn?: string | readonly string[]
  readonly info?: JsonObject
}

const names = arrayOf(name)
const nameOrNames: Spec<string | readonly string[]> = either<string, readonly string[]>((v) => typeof v === 'string', name, names)

/** Validation rules of `migrationScript`. */
export const migrationScriptSpec: OpSpec<MigrationScript> = {
  kind: 'migrationScript',
  fields: {
    revId: name,
    upgradeOps: arrayOf(opOfKind<UpgradeOps>('upgradeOps')),
    downgradeOps: arrayOf(opOfKind<DowngradeOps>('downgradeOps')),
    downRevision: nullable(nameOrNames),
    message: string,
    imports: arrayOf(string),
    head: name,
    splice: boolean,
    branchLabel: nameOrNames,
    versionPath: name,
    dependsOn: nameOrNames,
  },
  required: ['revId', 'upgradeOps', 'downgradeOps'],
}

/**
 * Builds a frozen {@link MigrationScript}. Like the reference, `upgradeOps`/`downgradeOps` may be
 * given as one container; they are stored as lists.
 * @example
 * const script = migrationScript({ revId: 'a1', downRevision: null, upgradeOps: upgradeOps({ ops: [] }), downgradeOps: downgradeOps({ ops: [] }) })
 * script.upgradeOps // => [{ kind: 'upgradeOps', ops: [] }]
 */
export function migrationScript(
  fields: Omit<OpFields<MigrationScript>, 'upgradeOps' | 'downgradeOps'> & {
    readonly upgradeOps: UpgradeOps | readonly UpgradeOps[]
    readonly downgradeOps: DowngradeOps | readonly DowngradeOps[]
  },
): MigrationScript {
  const up = fields.upgradeOps
  const down = fields.downgradeOps
  return makeOp(migrationScriptSpec, {
    ...fields,
    upgradeOps: isList(up) ? up : [up],
    downgradeOps: isList(down) ? down : [down],
  })
}

function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value)
}

function single<T>(list: readonly T[], field: string): T | undefined {
  if (list.length > 1) {
    throw new AthanorError('INVALID_VALUE', {
      kind: 'migrationScript',
      path: field,
      message: `migrationScript: ${field} holds ${list.length} entries; read the list instead of the single entry`,
    })
  }
  return list[0]
}

/**
 * The script's single `upgradeOps` (Alembic's `upgrade_ops`): undefined when empty, an error when there are several.
 * @example
 * const script = migrationScript({ revId: 'a1', downRevision: null, upgradeOps: [upgradeOps({ ops: [dropTable({ tableName: 'legacy' })] })], downgradeOps: [] })
 * upgradeOpsOf(script)?.ops // => [{ kind: 'dropTable', tableName: 'legacy' }]
 */
export function upgradeOpsOf(script: MigrationScript): UpgradeOps | undefined {
  return single(script.upgradeOps, 'upgradeOps')
}

/**
 * The script's single `downgradeOps` (Alembic's `downgrade_ops`): undefined when empty, an error when there are several.
 * @example
 * const script = migrationScript({ revId: 'a1', downRevision: null, upgradeOps: [], downgradeOps: [] })
 * downgradeOpsOf(script) // => undefined
 */
export function downgradeOpsOf(script: MigrationScript): DowngradeOps | undefined {
  return single(script.downgradeOps, 'downgradeOps')
}
