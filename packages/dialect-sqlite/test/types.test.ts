/**
 * CREATE TABLE and ADD COLUMN write a one-word type through a path of their own (see
 * the kit's `appendPlainType`); it must spell every generic type as `sqliteTypes` does.
 */
import { describe, expect, it } from 'vitest'
import { GENERIC_TYPE_NAMES, addColumn, createTable } from '@athanor/ir'
import { sqlite, sqliteTypes } from '@athanor/dialect-sqlite'

describe('column types in CREATE TABLE and ADD COLUMN', () => {
  for (const name of GENERIC_TYPE_NAMES) {
    const spelled = sqliteTypes[name]
    if (typeof spelled !== 'string') continue
    it(`spells ${name} as sqliteTypes does (${spelled})`, () => {
      const [create] = sqlite.compile(createTable({ tableName: 't', columns: [{ name: 'c', type: name }] }))
      expect(create?.sql).toBe(`CREATE TABLE t (\n    c ${spelled}\n)`)
      const [add] = sqlite.compile(addColumn({ tableName: 't', column: { name: 'c', type: name } }))
      expect(add?.sql).toBe(`ALTER TABLE t ADD COLUMN c ${spelled}`)
    })
  }
})
