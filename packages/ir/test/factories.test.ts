import { describe, expect, it } from 'vitest'
import { addColumn, alterColumn, isDeepFrozen, InvalidOpError } from '@athanor/ir'

describe('factories', () => {
  it('returns a deep-frozen node with kind first', () => {
    const op = addColumn({ tableName: 't', column: { name: 'c', type: { name: 'varchar', length: 5 } } })
    expect(Object.keys(op)[0]).toBe('kind')
    expect(isDeepFrozen(op)).toBe(true)
    expect(() => {
      ;(op.column as { name: string }).name = 'x'
    }).toThrow(TypeError)
  })

  it('throws an InvalidOpError naming the path of a bad field', () => {
    const bad = { tableName: 't', columnName: 'c', nullable: 'yes' } as unknown as Parameters<typeof alterColumn>[0]
    expect(() => alterColumn(bad)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE', path: 'nullable', kind: 'alterColumn' }))
    expect(() => alterColumn(bad)).toThrow(InvalidOpError)
  })
})
