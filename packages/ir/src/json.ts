/** A JSON value: what every node, and every free-form field of a node, is made of. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject

/** A JSON object with read-only members. */
export interface JsonObject {
  readonly [key: string]: JsonValue
}
