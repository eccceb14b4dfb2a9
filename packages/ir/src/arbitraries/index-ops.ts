/**
 * `createIndex` and `dropIndex`, at the top level and inside a batch.
 */
import * as fc from 'fast-check'
import type { BatchCreateIndexOp, CreateIndexOp } from '../ops/create-index.js'
import type { BatchDropIndexOp, DropIndexOp } from '../ops/drop-index.js'
import { memo } from './cache.js'
import { arbIndexDefinition } from './index-definition.js'
import { arbJsonObject } from './json.js'
import { arbName } from './names.js'
import { finish, type OpArbitraryOptions } from './options.js'
import { arbObject } from './record.js'
import { arbTableTarget } from './target.js'

type Body<O> = Omit<O, 'kind' | 'tableName' | 'schema'>

function createIndexBody(options: OpArbitraryOptions): fc.Arbitrary<Body<CreateIndexOp>> {
  return fc
    .tuple(
      arbObject({ indexName: arbName(options) }, { ifNotExists: fc.boolean(), postgresqlConcurrently: fc.boolean(), info: arbJsonObject() }),
      arbIndexDefinition(options),
    )
    .map(([b, def]) => ({ ...b, ...def }))
}

/**
 * A `createIndex` with every index option (see `arbIndexDefinition`), `ifNotExists` and
 * `postgresqlConcurrently` at times.
 * @example
 * arbCreateIndex() // { kind: 'createIndex', indexName: 'ix', tableName: 't', columns: ['a', { sql: 'lower(b)' }], unique: true }
 */
export function arbCreateIndex(options: OpArbitraryOptions = {}): fc.Arbitrary<CreateIndexOp> {
  return memo('arbCreateIndex', options, () =>
    fc.tuple(arbTableTarget(options), createIndexBody(options)).map(([t, b]) => finish<CreateIndexOp>(options)({ kind: 'createIndex', ...t, ...b })),
  )
}

/**
 * A `createIndex` inside a batch.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchCreateIndex(), (child) => batch({ tableName: 'account', ops: [child] }).ops.length === 1))
 */
export function arbBatchCreateIndex(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchCreateIndexOp> {
  return memo('arbBatchCreateIndex', options, () =>
    createIndexBody(options).map((b) => finish<BatchCreateIndexOp>(options)({ kind: 'createIndex', ...b })),
  )
}

function dropIndexBody(options: OpArbitraryOptions): fc.Arbitrary<Omit<BatchDropIndexOp, 'kind'>> {
  const bare = arbObject({ indexName: arbName(options) }, { ifExists: fc.boolean(), postgresqlConcurrently: fc.boolean(), info: arbJsonObject() })
  const carrying = fc.tuple(bare, arbIndexDefinition(options)).map(([b, index]) => ({ ...b, index }))
  return options.reversible === true ? carrying : fc.oneof(bare, carrying)
}

/**
 * A `dropIndex`: `tableName`, `schema` and the dropped `index` at times. With
 * `{ reversible: true }` it carries both `index` and `tableName`, which its reverse needs.
 * @example
 * arbDropIndex({ reversible: true }) // { kind: 'dropIndex', indexName: 'ix', tableName: 't', index: { columns: ['a'] } }
 */
export function arbDropIndex(options: OpArbitraryOptions = {}): fc.Arbitrary<DropIndexOp> {
  return memo('arbDropIndex', options, () => {
    const table = options.reversible === true ? arbTableTarget(options) : arbObject({}, { tableName: arbName(options), schema: arbName(options) })
    return fc.tuple(table, dropIndexBody(options)).map(([t, b]) => finish<DropIndexOp>(options)({ kind: 'dropIndex', ...t, ...b }))
  })
}

/**
 * A `dropIndex` inside a batch (the batch supplies the table).
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchDropIndex({ reversible: true }), (child) => child.index !== undefined && isReversible(batch({ tableName: 'account', ops: [child] }))))
 */
export function arbBatchDropIndex(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchDropIndexOp> {
  return memo('arbBatchDropIndex', options, () =>
    dropIndexBody(options).map((b) => finish<BatchDropIndexOp>(options)({ kind: 'dropIndex', ...b })),
  )
}
