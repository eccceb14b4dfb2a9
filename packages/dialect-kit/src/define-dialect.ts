import { AthanorError, applyOps, type Op, type OpBase, type SchemaSnapshot } from '@athanor/ir'
import { UnsupportedOperationError } from '@athanor/ir'
import type { CompileContext, Dialect, DialectDefinition, Handler, HandlerContext } from './contract.js'
import type { Statement } from './statement.js'

/**
 * Builds a {@link Dialect} from its handlers. Dispatch is a lookup in the handler map; a kind with
 * no handler (a plugin kind the dialect does not know) is refused with `UNSUPPORTED_OPERATION`.
 * @example
 * import { postgresCapabilities, postgresHandlers, postgresQuote } from '@athanor/dialect-postgres'
 * import { dropTable } from '@athanor/ir'
 * // PostgreSQL's handlers, but DROP TABLE always with CASCADE
 * const mine = defineDialect({
 *   name: 'mine', capabilities: postgresCapabilities, quote: postgresQuote,
 *   handlers: { ...postgresHandlers, dropTable: (op) => [statement(`DROP TABLE ${postgresQuote.qualified(op.tableName, op.schema)} CASCADE`)] },
 * })
 * mine.compile(dropTable({ tableName: 'account' })) // => [{ sql: 'DROP TABLE account CASCADE' }]
 */
export function defineDialect(definition: DialectDefinition): Dialect {
  const handlers = new Map<string, Handler<OpBase>>()
  for (const [kind, handler] of Object.entries(definition.handlers)) handlers.set(kind, handler as Handler<OpBase>)
  for (const [kind, handler] of Object.entries(definition.extraHandlers ?? {})) handlers.set(kind, handler)

  const compileWith = (op: Op, ctx: CompileContext): readonly Statement[] => {
    const handler = handlers.get(op.kind)
    if (handler === undefined) {
      throw new UnsupportedOperationError({
        kind: op.kind,
        path: 'kind',
        engine: definition.name,
        message: `${definition.name}: no compiler for op kind ${JSON.stringify(op.kind)}; pass one in extraHandlers`,
      })
    }
    // Most calls carry no snapshot and no registry: they share one context object.
    const hctx: HandlerContext =
      ctx === EMPTY || (ctx.snapshot === undefined && ctx.registry === undefined)
        ? plain
        : { ...ctx, dialect, compileOps: (ops, snapshot) => compileOps(ops, snapshot === undefined ? withoutSnapshot(ctx) : { ...ctx, snapshot }) }
    try {
      return handler(op, hctx)
    } catch (e) {
      // Errors from shared helpers (the quoter) do not know the op; name it here.
      if (e instanceof AthanorError && e.kind === undefined) throw withKind(e, op.kind)
      throw e
    }
  }

  const compileOps = (ops: readonly Op[], ctx: CompileContext): readonly Statement[] => {
    const out: Statement[] = []
    let snapshot = ctx.snapshot
    for (const op of ops) {
      const stmts = compileWith(op, snapshot === undefined ? withoutSnapshot(ctx) : { ...ctx, snapshot })
      for (const s of stmts) out.push(s)
      if (snapshot !== undefined) snapshot = applyOps(snapshot, [op], ctx.registry === undefined ? {} : { registry: ctx.registry })
    }
    return out
  }

  const dialect: Dialect = Object.freeze({
    name: definition.name,
    capabilities: Object.freeze({ ...definition.capabilities }),
    quote: definition.quote,
    ...(definition.scriptFraming === undefined ? {} : { scriptFraming: Object.freeze({ ...definition.scriptFraming }) }),
    compile: (op: Op, ctx?: CompileContext) => compileWith(op, ctx ?? EMPTY),
    compileOps: (ops: readonly Op[], ctx?: CompileContext) => compileOps(ops, ctx ?? EMPTY),
  })
  const plain: HandlerContext = { dialect, compileOps: (ops, snapshot) => compileOps(ops, snapshot === undefined ? {} : { snapshot }) }
  return dialect
}

// Shared by every call that passes no context, so that a compile allocates nothing for it.
const EMPTY: CompileContext = Object.freeze({})

function withoutSnapshot(ctx: CompileContext): CompileContext {
  if (ctx.snapshot === undefined) return ctx
  const { snapshot: _dropped, ...rest } = ctx
  return rest
}

function withKind(e: AthanorError, kind: string): AthanorError {
  const copy = Object.create(Object.getPrototypeOf(e) as object) as AthanorError
  Object.assign(copy, e, { kind, message: e.message, stack: e.stack })
  return copy
}

/** @internal */
export type { SchemaSnapshot }
