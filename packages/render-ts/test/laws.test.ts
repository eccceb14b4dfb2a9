import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Op } from '@athanor/ir'
import { arbAnyOp, arbLeafOp, arbMigrationScript } from '@athanor/ir/arbitraries'
import { renderTs } from '@athanor/render-ts'
import { evaluate, typeCheck } from './typescript-check.js'

// Op lists of any kind (containers and scripts included) and migration scripts; hostile names
// at times, so that quoting and escaping are exercised.
const arbInput: fc.Arbitrary<Op | readonly Op[]> = fc.oneof(
  arbMigrationScript(),
  arbMigrationScript({ names: 'hostile' }),
  fc.array(arbAnyOp(), { maxLength: 3 }),
  fc.array(arbLeafOp({ names: 'hostile' }), { minLength: 1, maxLength: 3 }),
)

/** What evaluating the rendered module must export for `input`. */
function exported(module: Readonly<Record<string, unknown>>, input: Op | readonly Op[]): unknown {
  return Array.isArray(input) ? module['ops'] : module['default']
}

describe('renderTs', () => {
  it('renders source that evaluates to ops deep-equal to the input', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const module = evaluate(renderTs(input))
        // toEqual, not toStrictEqual: the arbitraries build some objects without a prototype.
        expect(exported(module, input)).toEqual(input)
      }),
      { numRuns: 100 },
    )
  })

  it('renders source that type-checks against the @athanor/ir declarations', () => {
    const inputs = fc.sample(arbInput, { numRuns: 100, seed: 8 })
    const sources = inputs.map((input) => renderTs(input))
    expect(typeCheck(sources)).toEqual([])
  })

  it('reports a type error in rendered-looking source (the check is live)', () => {
    const diagnostics = typeCheck([`import { dropTable } from '@athanor/ir'\n\nexport default dropTable({ tableName: 1 })\n`])
    expect(diagnostics).toHaveLength(1)
  })
})
