/**
 * CREATE TABLE and ADD COLUMN write a type without parameters through a path of their own (see
 * the kit's `appendPlainType`); it must spell every generic type as `postgresTypes` does.
 */
import { describe, expect, it } from 'vitest'
import { GENERIC_TYPE_NAMES, addColumn, createTable } from '@athanor/ir'
import { postgresql, postgresTypes } from '@athanor/dialect-postgres'

describe('column types in CREATE TABLE and ADD COLUMN', () => {
  for (const name of GENERIC_TYPE_NAMES) {
    const spelled = postgresTypes[name]
    if (typeof spelled !== 'string') continue
    it(`spells ${name} as postgresTypes does (${spelled})`, () => {
      const [create] = postgresql.compile(createTable({ tableName: 't', columns: [{ name: 'c', type: name }] }))
      expect(create?.sql).toBe(`CREATE TABLE t (\n    c ${spelled}\n)`)
      const [add] = postgresql.compile(addColumn({ tableName: 't', column: { name: 'c', type: name } }))
      expect(add?.sql).toBe(`ALTER TABLE t ADD COLUMN c ${spelled}`)
    })
  }
})
