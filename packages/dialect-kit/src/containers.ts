import type { DowngradeOps, MigrationScript, ModifyTableOps, UpgradeOps } from '@athanor/ir'
import type { HandlerContext } from './contract.js'
import type { Statement } from './statement.js'

/**
 * `modifyTableOps`: its children, in order.
 * @example
 * import { dropColumn, modifyTableOps } from '@athanor/ir'
 * import { postgresCapabilities, postgresHandlers, postgresQuote } from '@athanor/dialect-postgres'
 * const mine = defineDialect({ name: 'mine', capabilities: postgresCapabilities, quote: postgresQuote, handlers: { ...postgresHandlers, modifyTableOps: compileModifyTableOps } })
 * mine.compile(modifyTableOps({ tableName: 'account', ops: [dropColumn({ tableName: 'account', columnName: 'legacy' })] }))
 * // => [{ sql: 'ALTER TABLE account DROP COLUMN legacy' }]
 */
export function compileModifyTableOps(op: ModifyTableOps, ctx: HandlerContext): readonly Statement[] {
  return ctx.compileOps(op.ops, ctx.snapshot)
}

/**
 * `upgradeOps`: its children, in order.
 * @example
 * import { dropTable, upgradeOps } from '@athanor/ir'
 * import { postgresCapabilities, postgresHandlers, postgresQuote } from '@athanor/dialect-postgres'
 * // A dialect that marks where an upgrade starts
 * const mine = defineDialect({ name: 'mine', capabilities: postgresCapabilities, quote: postgresQuote, handlers: {
 *   ...postgresHandlers, upgradeOps: (op, ctx) => [statement('-- upgrade'), ...compileUpgradeOps(op, ctx)],
 * } })
 * mine.compile(upgradeOps({ ops: [dropTable({ tableName: 'legacy' })] })).map((s) => s.sql) // => ['-- upgrade', 'DROP TABLE legacy']
 */
export function compileUpgradeOps(op: UpgradeOps, ctx: HandlerContext): readonly Statement[] {
  return ctx.compileOps(op.ops, ctx.snapshot)
}

/**
 * `downgradeOps`: its children, in order.
 * @example
 * import { downgradeOps, dropTable } from '@athanor/ir'
 * import { postgresCapabilities, postgresHandlers, postgresQuote } from '@athanor/dialect-postgres'
 * // A dialect that marks where a downgrade starts
 * const mine = defineDialect({ name: 'mine', capabilities: postgresCapabilities, quote: postgresQuote, handlers: {
 *   ...postgresHandlers, downgradeOps: (op, ctx) => [statement('-- downgrade'), ...compileDowngradeOps(op, ctx)],
 * } })
 * mine.compile(downgradeOps({ ops: [dropTable({ tableName: 'legacy' })] })).map((s) => s.sql) // => ['-- downgrade', 'DROP TABLE legacy']
 */
export function compileDowngradeOps(op: DowngradeOps, ctx: HandlerContext): readonly Statement[] {
  return ctx.compileOps(op.ops, ctx.snapshot)
}

/**
 * `migrationScript`: the statements of its upgrade, unframed (`compileMigration` frames scripts).
 * @example
 * import { downgradeOps, dropTable, migrationScript, upgradeOps } from '@athanor/ir'
 * import { postgresCapabilities, postgresHandlers, postgresQuote } from '@athanor/dialect-postgres'
 * const mine = defineDialect({ name: 'mine', capabilities: postgresCapabilities, quote: postgresQuote, handlers: { ...postgresHandlers, migrationScript: compileMigrationScript } })
 * const script = migrationScript({
 *   revId: 'a1', downRevision: null,
 *   upgradeOps: [upgradeOps({ ops: [dropTable({ tableName: 'legacy' })] })], downgradeOps: [downgradeOps({ ops: [] })],
 * })
 * mine.compile(script) // => [{ sql: 'DROP TABLE legacy' }]
 */
export function compileMigrationScript(op: MigrationScript, ctx: HandlerContext): readonly Statement[] {
  return ctx.compileOps(op.upgradeOps, ctx.snapshot)
}

/**
 * The four container handlers, for a dialect's handler map.
 * @example
 * import { postgresHandlers } from '@athanor/dialect-postgres'
 * Object.keys(containerHandlers) // => ['modifyTableOps', 'upgradeOps', 'downgradeOps', 'migrationScript']
 * // A handler map: the leaf kinds of your own, the containers from here
 * const handlers = { ...postgresHandlers, ...containerHandlers } satisfies Handlers
 */
export const containerHandlers = {
  modifyTableOps: compileModifyTableOps,
  upgradeOps: compileUpgradeOps,
  downgradeOps: compileDowngradeOps,
  migrationScript: compileMigrationScript,
} as const
