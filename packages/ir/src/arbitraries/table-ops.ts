/**
 * `createTable`, `dropTable`, `renameTable`, and the table comment ops.
 */
import * as fc from 'fast-check'
import type { BatchCreateTableCommentOp, CreateTableCommentOp } from '../ops/create-table-comment.js'
import type { CreateTableOp } from '../ops/create-table.js'
import type { BatchDropTableCommentOp, DropTableCommentOp } from '../ops/drop-table-comment.js'
import type { DropTableOp } from '../ops/drop-table.js'
import type { RenameTableOp } from '../ops/rename-table.js'
import { memo } from './cache.js'
import { arbJsonObject } from './json.js'
import { arbComment, arbName } from './names.js'
import { finish, type OpArbitraryOptions } from './options.js'
import { arbObject } from './record.js'
import { arbTableDefinition } from './table-definition.js'
import { arbTableTarget } from './target.js'

/**
 * A `createTable` with a full table definition (see `arbTableDefinition`), `ifNotExists` and
 * `info` at times.
 * @example
 * arbCreateTable() // { kind: 'createTable', tableName: 't', columns: [{ name: 'id', type: 'integer' }] }
 */
export function arbCreateTable(options: OpArbitraryOptions = {}): fc.Arbitrary<CreateTableOp> {
  return memo('arbCreateTable', options, () =>
    fc
      .tuple(arbTableTarget(options), arbTableDefinition(options), arbObject({}, { ifNotExists: fc.boolean(), info: arbJsonObject() }))
      .map(([t, def, more]) => finish<CreateTableOp>(options)({ kind: 'createTable', ...t, ...more, ...def })),
  )
}

/**
 * A `dropTable`, carrying the dropped `table` at times (always with `{ reversible: true }`).
 * @example
 * arbDropTable() // { kind: 'dropTable', tableName: 't', ifExists: true }
 */
export function arbDropTable(options: OpArbitraryOptions = {}): fc.Arbitrary<DropTableOp> {
  return memo('arbDropTable', options, () => {
    const bare = arbObject({}, { ifExists: fc.boolean(), info: arbJsonObject() })
    const carrying = fc.tuple(bare, arbTableDefinition(options)).map(([more, table]) => ({ ...more, table }))
    return fc
      .tuple(arbTableTarget(options), options.reversible === true ? carrying : fc.oneof(bare, carrying))
      .map(([t, more]) => finish<DropTableOp>(options)({ kind: 'dropTable', ...t, ...more }))
  })
}

/**
 * A `renameTable` between two different names.
 * @example
 * arbRenameTable() // { kind: 'renameTable', oldTableName: 'a', newTableName: 'b', schema: 's' }
 */
export function arbRenameTable(options: OpArbitraryOptions = {}): fc.Arbitrary<RenameTableOp> {
  return memo('arbRenameTable', options, () =>
    arbObject(
      { oldTableName: arbName(options), newTableName: arbName(options) },
      { schema: arbName(options), info: arbJsonObject() },
    )
      .filter((op) => op.oldTableName !== op.newTableName)
      .map((op) => finish<RenameTableOp>(options)({ kind: 'renameTable', ...op })),
  )
}

type Body<O> = Omit<O, 'kind' | 'tableName' | 'schema'>

function createTableCommentBody(options: OpArbitraryOptions): fc.Arbitrary<Body<CreateTableCommentOp>> {
  const existingComment = fc.oneof(fc.constant(null), arbComment())
  return options.reversible === true
    ? arbObject({ comment: arbComment(), existingComment }, { info: arbJsonObject() })
    : arbObject({ comment: arbComment() }, { existingComment, info: arbJsonObject() })
}

function dropTableCommentBody(options: OpArbitraryOptions): fc.Arbitrary<Body<DropTableCommentOp>> {
  return options.reversible === true
    ? arbObject({ existingComment: arbComment() }, { info: arbJsonObject() })
    : arbObject({}, { existingComment: arbComment(), info: arbJsonObject() })
}

/**
 * A `createTableComment`; `existingComment` (a string, or `null` for none) is always there with
 * `{ reversible: true }`.
 * @example
 * arbCreateTableComment() // { kind: 'createTableComment', tableName: 't', comment: "O'Brien", existingComment: null }
 */
export function arbCreateTableComment(options: OpArbitraryOptions = {}): fc.Arbitrary<CreateTableCommentOp> {
  return memo('arbCreateTableComment', options, () =>
    fc
      .tuple(arbTableTarget(options), createTableCommentBody(options))
      .map(([t, b]) => finish<CreateTableCommentOp>(options)({ kind: 'createTableComment', ...t, ...b })),
  )
}

/**
 * A `createTableComment` inside a batch.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchCreateTableComment({ reversible: true }), (child) => isReversible(batch({ tableName: 'account', ops: [child] }))))
 */
export function arbBatchCreateTableComment(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchCreateTableCommentOp> {
  return memo('arbBatchCreateTableComment', options, () =>
    createTableCommentBody(options).map((b) => finish<BatchCreateTableCommentOp>(options)({ kind: 'createTableComment', ...b })),
  )
}

/**
 * A `dropTableComment`; `existingComment` is always there with `{ reversible: true }`.
 * @example
 * arbDropTableComment() // { kind: 'dropTableComment', tableName: 't', existingComment: 'old' }
 */
export function arbDropTableComment(options: OpArbitraryOptions = {}): fc.Arbitrary<DropTableCommentOp> {
  return memo('arbDropTableComment', options, () =>
    fc
      .tuple(arbTableTarget(options), dropTableCommentBody(options))
      .map(([t, b]) => finish<DropTableCommentOp>(options)({ kind: 'dropTableComment', ...t, ...b })),
  )
}

/**
 * A `dropTableComment` inside a batch.
 * @example
 * import fc from 'fast-check'
 * fc.assert(fc.property(arbBatchDropTableComment({ reversible: true }), (child) => child.existingComment !== undefined))
 */
export function arbBatchDropTableComment(options: OpArbitraryOptions = {}): fc.Arbitrary<BatchDropTableCommentOp> {
  return memo('arbBatchDropTableComment', options, () =>
    dropTableCommentBody(options).map((b) => finish<BatchDropTableCommentOp>(options)({ kind: 'dropTableComment', ...b })),
  )
}
