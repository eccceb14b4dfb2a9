// Error paths name the op field a refusal is about (`columns[2].type`). Most columns compile
// without a refusal, so the helpers that run on every column take where the column sits and the
// field, and build the path only when they refuse.

/**
 * Where a column's fields sit in its op: `columns[i]` of a createTable (the number `i`), `column`
 * of an addColumn, or the op itself (`''`, for alterColumn's `type`, `existingType`, …).
 * @example
 * const place: FieldPlace = 2
 * fieldPath(place, 'type') // => 'columns[2].type'
 */
export type FieldPlace = number | 'column' | ''

/**
 * The path of `field` at `place`.
 * @example
 * fieldPath('column', 'serverDefault') // => 'column.serverDefault'
 * fieldPath('', 'existingType') // => 'existingType'
 */
export function fieldPath(place: FieldPlace, field: string): string {
  return typeof place === 'number' ? `columns[${place}].${field}` : place === '' ? field : `${place}.${field}`
}
