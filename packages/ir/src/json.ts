/**
 * A JSON value: what every node, and every free-form field of a node, is made of.
 * @example
 * const values: JsonValue[] = [1, 'two', true, null, [3], { four: 4 }]
 * parseOp({ kind: 'dropTable', tableName: 'legacy', info: { values } }).ok // => true
 */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject

/**
 * A JSON object with read-only members.
 * @example
 * const info: JsonObject = { ticket: 'OPS-42' }
 * reverse(renameTable({ oldTableName: 'a', newTableName: 'b', info }))
 * // => { kind: 'renameTable', oldTableName: 'b', newTableName: 'a', info: { ticket: 'OPS-42' } }
 */
export interface JsonObject {
  readonly [key: string]: JsonValue
}
