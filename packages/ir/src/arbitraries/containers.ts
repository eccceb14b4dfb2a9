/**
 * The containers: `modifyTableOps`, `upgradeOps`, `downgradeOps`, `migrationScript`.
 */
import * as fc from 'fast-check'
import type { DowngradeOps } from '../containers/downgrade-ops.js'
import type { MigrationScript } from '../containers/migration-script.js'
import type { ModifyTableOps } from '../containers/modify-table-ops.js'
import type { UpgradeOps } from '../containers/upgrade-ops.js'
import type { Op } from '../op.js'
import { memo } from './cache.js'
import { arbJsonObject } from './json.js'
import { arbLeafOp } from './leaf-ops.js'
import { arbComment, arbName } from './names.js'
import { finish, type OpArbitraryOptions } from './options.js'
import { arbObject } from './record.js'
import { arbTableTarget } from './target.js'

/**
 * Options of the container arbitraries.
 * @example
 * import fc from 'fast-check'
 * const options: ContainerOptions = { maxOps: 1, reversible: true }
 * fc.assert(fc.property(arbUpgradeOps(options), (up) => up.ops.length <= 1 && isReversible(up)))
 */
export interface ContainerOptions extends OpArbitraryOptions {
  /** Most ops in one list; default 3. */
  readonly maxOps?: number
}

/**
 * A `modifyTableOps` holding 0–3 ops of any kind but the containers.
 * @example
 * arbModifyTableOps({ reversible: true }) // { kind: 'modifyTableOps', tableName: 't', ops: [{ kind: 'addColumn', … }] }
 */
export function arbModifyTableOps(options: ContainerOptions = {}): fc.Arbitrary<ModifyTableOps> {
  return memo('arbModifyTableOps', options, () =>
    fc
      .tuple(arbTableTarget(options), fc.array(arbLeafOp(options), { maxLength: options.maxOps ?? 3 }), arbObject({}, { info: arbJsonObject() }))
      .map(([t, ops, more]) => finish<ModifyTableOps>(options)({ kind: 'modifyTableOps', ...t, ops, ...more })),
  )
}

/** What an upgrade or downgrade list holds: leaf ops and `modifyTableOps`. */
function directionOps(options: ContainerOptions): fc.Arbitrary<Op[]> {
  const leaf: fc.Arbitrary<Op> = arbLeafOp(options)
  const group: fc.Arbitrary<Op> = arbModifyTableOps(options)
  const op = fc.oneof({ arbitrary: leaf, weight: 3 }, { arbitrary: group, weight: 1 })
  return fc.array(op, { maxLength: options.maxOps ?? 3 })
}

// A template token: `upgrades`/`downgrades` with a suffix at times (swapped by reverse), or any name.
const token = (word: string, options: ContainerOptions): fc.Arbitrary<string> =>
  fc.oneof(fc.constant(word), arbName({ ...options, names: 'plain' }).map((s) => `${word}_${s}`), arbName(options))

/**
 * An `upgradeOps` of leaf ops and `modifyTableOps`, with an `upgradeToken` at times.
 * @example
 * arbUpgradeOps() // { kind: 'upgradeOps', ops: [], upgradeToken: 'upgrades_engine1' }
 */
export function arbUpgradeOps(options: ContainerOptions = {}): fc.Arbitrary<UpgradeOps> {
  return memo('arbUpgradeOps', options, () =>
    fc
      .tuple(directionOps(options), arbObject({}, { upgradeToken: token('upgrades', options), info: arbJsonObject() }))
      .map(([ops, more]) => finish<UpgradeOps>(options)({ kind: 'upgradeOps', ops, ...more })),
  )
}

/**
 * A `downgradeOps` of leaf ops and `modifyTableOps`, with a `downgradeToken` at times.
 * @example
 * arbDowngradeOps() // { kind: 'downgradeOps', ops: [{ kind: 'dropTable', tableName: 't' }] }
 */
export function arbDowngradeOps(options: ContainerOptions = {}): fc.Arbitrary<DowngradeOps> {
  return memo('arbDowngradeOps', options, () =>
    fc
      .tuple(directionOps(options), arbObject({}, { downgradeToken: token('downgrades', options), info: arbJsonObject() }))
      .map(([ops, more]) => finish<DowngradeOps>(options)({ kind: 'downgradeOps', ops, ...more })),
  )
}

/**
 * A `migrationScript` with 0–2 upgrade and downgrade lists (usually one each) and every
 * revision field: `downRevision` (`null`, one or several), `message`, `imports`, `head`,
 * `splice`, `branchLabel`, `versionPath`, `dependsOn`.
 * @example
 * arbMigrationScript() // { kind: 'migrationScript', revId: 'ab12', upgradeOps: [{ kind: 'upgradeOps', ops: [] }], downgradeOps: [ … ], downRevision: null }
 */
export function arbMigrationScript(options: ContainerOptions = {}): fc.Arbitrary<MigrationScript> {
  return memo('arbMigrationScript', options, () => {
    const names = fc.uniqueArray(arbName(options), { minLength: 0, maxLength: 2 })
    const nameOrNames = fc.oneof(arbName(options), names)
    const up = arbUpgradeOps(options)
    const down = arbDowngradeOps(options)
    // As many upgrade lists as downgrade lists: none, one (usually) or two.
    const directions = fc.oneof(
      // Fresh lists each time: a constant would share one array between generated scripts.
      { arbitrary: fc.constant(null).map((): [UpgradeOps[], DowngradeOps[]] => [[], []]), weight: 1 },
      { arbitrary: fc.tuple(up, down).map(([u, d]): [UpgradeOps[], DowngradeOps[]] => [[u], [d]]), weight: 4 },
      { arbitrary: fc.tuple(up, up, down, down).map(([u1, u2, d1, d2]): [UpgradeOps[], DowngradeOps[]] => [[u1, u2], [d1, d2]]), weight: 1 },
    )
    return fc
      .tuple(
        directions,
        arbObject(
          { revId: fc.oneof(fc.stringMatching(/^[0-9a-f]{12}$/), arbName(options)) },
          {
            downRevision: fc.oneof(fc.constant(null), nameOrNames),
            message: arbComment(),
            imports: fc.array(fc.constantFrom('import sqlalchemy as sa', 'from app import types'), { maxLength: 2 }),
            head: arbName(options),
            splice: fc.boolean(),
            branchLabel: nameOrNames,
            versionPath: arbName(options),
            dependsOn: nameOrNames,
            info: arbJsonObject(),
          },
        ),
      )
      .map(([[upgradeOps, downgradeOps], fields]) => finish<MigrationScript>(options)({ kind: 'migrationScript', ...fields, upgradeOps, downgradeOps }))
  })
}
