import { describe, expect, it } from 'vitest'
import { addColumn, batch, bulkInsert, deepFreeze, downgradeOps, dropTable, executeSql, migrationScript, upgradeOps, type Op } from '@athanor/ir'
import { renderTs } from '@athanor/render-ts'
import { evaluate } from './typescript-check.js'

describe('renderTs', () => {
  it('renders an op list as an exported Op[] that imports only the factories it calls', () => {
    const ops = [
      addColumn({ tableName: 'account', column: { name: 'nickname', type: 'text' } }),
      dropTable({ tableName: 'legacy' }),
    ]
    expect(renderTs(ops)).toBe(
      [
        "import { addColumn, dropTable, type Op } from '@athanor/ir'",
        '',
        'export const ops: readonly Op[] = [',
        "  addColumn({ tableName: 'account', column: { name: 'nickname', type: 'text' } }),",
        "  dropTable({ tableName: 'legacy' }),",
        ']',
        '',
      ].join('\n'),
    )
  })

  it('renders a single op as a list of one, as the CLI reads a file holding one op', () => {
    const op = executeSql({ sqltext: 'SELECT 1' })
    expect(renderTs(op)).toBe(renderTs([op]))
    expect(evaluate(renderTs(op))['ops']).toEqual([op])
  })

  it('renders a migration script as the default export, its single upgrade and downgrade as containers', () => {
    const script = migrationScript({
      revId: '0002',
      downRevision: '0001',
      message: 'drop legacy',
      upgradeOps: upgradeOps({ ops: [dropTable({ tableName: 'legacy' })] }),
      downgradeOps: downgradeOps({ ops: [] }),
    })
    expect(renderTs(script)).toBe(
      [
        "import { downgradeOps, dropTable, migrationScript, upgradeOps } from '@athanor/ir'",
        '',
        'export default migrationScript({',
        "  revId: '0002',",
        "  downRevision: '0001',",
        "  message: 'drop legacy',",
        '  upgradeOps: upgradeOps({',
        '    ops: [',
        "      dropTable({ tableName: 'legacy' }),",
        '    ],',
        '  }),',
        '  downgradeOps: downgradeOps({ ops: [] }),',
        '})',
        '',
      ].join('\n'),
    )
  })

  it('writes batch children as plain literals, kind first, and breaks lines that do not fit', () => {
    const op = batch({
      tableName: 'post',
      recreate: 'always',
      ops: [
        { kind: 'alterColumn', columnName: 'body', newColumnName: 'content', nullable: false, existingType: 'text', existingNullable: true },
        { kind: 'addColumn', column: { name: 'plan', type: 'text' }, insertAfter: 'content' },
      ],
    })
    expect(renderTs([op])).toBe(
      [
        "import { batch, type Op } from '@athanor/ir'",
        '',
        'export const ops: readonly Op[] = [',
        '  batch({',
        "    tableName: 'post',",
        "    recreate: 'always',",
        '    ops: [',
        '      {',
        "        kind: 'alterColumn',",
        "        columnName: 'body',",
        '        nullable: false,',
        "        newColumnName: 'content',",
        "        existingType: 'text',",
        '        existingNullable: true,',
        '      },',
        "      { kind: 'addColumn', column: { name: 'plan', type: 'text' }, insertAfter: 'content' },",
        '    ],',
        '  }),',
        ']',
        '',
      ].join('\n'),
    )
  })

  it('writes fields in a fixed order whatever order they were given in, free-form JSON excepted', () => {
    const a = addColumn({ column: { type: 'integer', nullable: false, name: 'n' }, tableName: 't', info: { z: 1, a: 2 } })
    const b = addColumn({ tableName: 't', info: { z: 1, a: 2 }, column: { name: 'n', nullable: false, type: 'integer' } })
    expect(renderTs([a])).toBe(renderTs([b]))
    expect(renderTs([a])).toContain(
      ["  addColumn({", "    tableName: 't',", "    column: { name: 'n', type: 'integer', nullable: false },", '    info: { z: 1, a: 2 },', '  }),'].join('\n'),
    )
  })

  it('quotes strings as prettier would and escapes what cannot stand in a one-line literal', () => {
    const op = executeSql({ sqltext: "UPDATE t SET a = 'x'\nWHERE b = \"y\" AND c = 'z'\u2028" })
    const source = renderTs([op])
    expect(source).toContain(`executeSql({ sqltext: "UPDATE t SET a = 'x'\\nWHERE b = \\"y\\" AND c = 'z'\\u2028" })`)
    expect(evaluate(source)['ops']).toEqual([op])
  })

  it('quotes property names that are not identifiers, and writes __proto__ as a computed name', () => {
    const op = executeSql({ sqltext: 'SELECT 1', info: { 'with space': 1, ok: 2 } })
    expect(renderTs([op])).toContain("info: { 'with space': 1, ok: 2 }")
    // An op can never hold a __proto__ key; a hand-built object can, and stays an own property:
    // the factory sees it and refuses it, instead of an object with another prototype slipping by.
    const hostile = JSON.parse('{"kind":"executeSql","sqltext":"SELECT 1","info":{"__proto__":3}}') as Op
    const source = renderTs([hostile])
    expect(source).toContain("info: { ['__proto__']: 3 }")
    expect(() => evaluate(source)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', path: 'info.__proto__' }))
  })

  it('renders rows of a bulkInsert with their keys in the order given', () => {
    const op = bulkInsert({ tableName: 't', columns: [{ name: 'id', type: 'integer' }, { name: 'b', type: 'text' }], rows: [{ id: 1, b: 'x' }, { b: 'y', id: 2 }] })
    expect(renderTs([op])).toContain("rows: [{ id: 1, b: 'x' }, { b: 'y', id: 2 }],")
  })

  it('writes an op of a plugin kind as a plain literal, importing nothing for it', () => {
    const view = deepFreeze({ kind: 'createView', viewName: 'v', sqltext: 'SELECT 1' }) as unknown as Op
    expect(renderTs([view])).toBe(
      ["import type { Op } from '@athanor/ir'", '', 'export const ops: readonly Op[] = [', "  { kind: 'createView', viewName: 'v', sqltext: 'SELECT 1' },", ']', ''].join('\n'),
    )
  })

  it('imports from another module and keeps to another width when asked', () => {
    const op = dropTable({ tableName: 'legacy', ifExists: true })
    const source = renderTs([op], { module: './athanor.js', printWidth: 30 })
    expect(source).toBe(
      [
        'import {',
        '  dropTable,',
        '  type Op,',
        "} from './athanor.js'",
        '',
        'export const ops: readonly Op[] = [',
        '  dropTable({',
        "    tableName: 'legacy',",
        '    ifExists: true,',
        '  }),',
        ']',
        '',
      ].join('\n'),
    )
  })

  it('refuses a value JSON cannot hold, naming its path', () => {
    const op = { kind: 'executeSql', sqltext: 'SELECT 1', info: { n: Number.NaN } } as unknown as Op
    expect(() => renderTs([op])).toThrow(expect.objectContaining({ code: 'NOT_JSON', path: '[0].info.n' }))
    const fn = { kind: 'executeSql', sqltext: 'SELECT 1', info: { f: () => 1 } } as unknown as Op
    expect(() => renderTs([fn])).toThrow(expect.objectContaining({ code: 'NOT_JSON', path: '[0].info.f' }))
  })
})
