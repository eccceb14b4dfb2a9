import { AthanorError, applyOps, type Op, type OpBase, type SchemaSnapshot } from '@athanor/ir'
import { UnsupportedOperationError } from '@athanor/ir'
import type { CompileContext, Dialect, DialectDefinition, Handler, HandlerContext } from './contract.js'
import { handlerSwitch } from './handler-switch.js'
import type { Statement } from './statement.js'

/**
 * Builds a {@link Dialect} from its handlers. Dispatch is a switch over the built-in kinds (see
 * `handlerSwitch`), then a lookup in the handler map; a kind with
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

  const handlerOf = handlerSwitch(handlers)

  const compileWith = (op: Op, ctx: CompileContext): readonly Statement[] => {
    const handler = handlerOf(op.kind)
    if (handler === undefined) {
      throw new UnsupportedOperationError({
        kind: op.kind,
        path: 'kind',
        engine: definition.name,
        message: `${definition.name}: no compiler for op kind ${JSON.stringify(op.kind)}; pass one in extraHandlers`,
      })
    }
    // Most calls carry no snapshot and no registry: they share one context object.
    const hctx = ctx === EMPTY || (ctx.snapshot === undefined && ctx.registry === undefined) ? plain : handlerContext(ctx)
    try {
      return handler(op, hctx)
    } catch (e) {
      // Errors from shared helpers (the quoter) do not know the op; name it here.
      if (e instanceof AthanorError && e.kind === undefined) throw withKind(e, op.kind)
      throw e
    }
  }

  const handlerContext = (ctx: CompileContext): HandlerContext => {
    const { snapshot, registry } = ctx
    const children = (ops: readonly Op[], childSnapshot?: SchemaSnapshot): readonly Statement[] => compileOps(ops, compileContext(childSnapshot, registry))
    if (snapshot === undefined) return registry === undefined ? plain : { registry, dialect, compileOps: children }
    return registry === undefined ? { snapshot, dialect, compileOps: children } : { snapshot, registry, dialect, compileOps: children }
  }

  const compileOps = (ops: readonly Op[], ctx: CompileContext): readonly Statement[] => {
    const out: Statement[] = []
    let snapshot = ctx.snapshot
    for (const op of ops) {
      const stmts = compileWith(op, compileContext(snapshot, ctx.registry))
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
  const plain: HandlerContext = { dialect, compileOps: (ops, snapshot) => compileOps(ops, compileContext(snapshot, undefined)) }
  return dialect
}

// Shared by every call that passes no context, so that a compile allocates nothing for it.
const EMPTY: CompileContext = Object.freeze({})

// Contexts are built field by field, not by spreading the caller's: in Node 20 an object literal
// that spreads an object and then adds a property takes a slow path (≈0.5 µs, against ≈20 ns
// here), and with a snapshot a context is made for every op compiled.
function compileContext(snapshot: SchemaSnapshot | undefined, registry: CompileContext['registry']): CompileContext {
  if (registry === undefined) return snapshot === undefined ? EMPTY : { snapshot }
  return snapshot === undefined ? { registry } : { snapshot, registry }
}

function withKind(e: AthanorError, kind: string): AthanorError {
  const copy = Object.create(Object.getPrototypeOf(e) as object) as AthanorError
  Object.assign(copy, e, { kind, message: e.message, stack: e.stack })
  return copy
}

/** @internal */
export type { SchemaSnapshot }
