import type { DowngradeOps, MigrationScript, ModifyTableOps, UpgradeOps } from '@athanor/ir'
import type { HandlerContext } from './contract.js'
import type { Statement } from './statement.js'

/** `modifyTableOps`: its children, in order. */
export function compileModifyTableOps(op: ModifyTableOps, ctx: HandlerContext): readonly Statement[] {
  return ctx.compileOps(op.ops, ctx.snapshot)
}

/** `upgradeOps`: its children, in order. */
export function compileUpgradeOps(op: UpgradeOps, ctx: HandlerContext): readonly Statement[] {
  return ctx.compileOps(op.ops, ctx.snapshot)
}

/** `downgradeOps`: its children, in order. */
export function compileDowngradeOps(op: DowngradeOps, ctx: HandlerContext): readonly Statement[] {
  return ctx.compileOps(op.ops, ctx.snapshot)
}

/** `migrationScript`: the statements of its upgrade, unframed (`compileMigration` frames scripts). */
export function compileMigrationScript(op: MigrationScript, ctx: HandlerContext): readonly Statement[] {
  return ctx.compileOps(op.upgradeOps, ctx.snapshot)
}

/** The four container handlers, for a dialect's handler map. */
export const containerHandlers = {
  modifyTableOps: compileModifyTableOps,
  upgradeOps: compileUpgradeOps,
  downgradeOps: compileDowngradeOps,
  migrationScript: compileMigrationScript,
} as const
