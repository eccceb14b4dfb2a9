/**
 * MODIFY and CHANGE restate the whole column. What the op does not change comes from its
 * `existing*` fields, else from the schema snapshot, else the compile is refused with
 * MissingExistingStateError naming the field: the dialect never writes a MODIFY that drops a
 * default, comment, NOT NULL, AUTO_INCREMENT or ON UPDATE nobody asked to change.
 */
import { describe, expect, it } from 'vitest'
import { addColumn, alterColumn, applyOps, createTable, emptySnapshot, type ColumnModel, type SchemaSnapshot } from '@athanor/ir'
import { createMysqlDialect, mariadb, mysql } from '@athanor/dialect-mysql'

const refused = (code: string, path: string) => expect.objectContaining({ code, path })
const sqlOf = (op: Parameters<typeof mysql.compile>[0], snapshot?: SchemaSnapshot, dialect = mysql): string[] =>
  dialect.compile(op, snapshot === undefined ? {} : { snapshot }).map((s) => s.sql)

/** A snapshot with one table `t` holding the given columns (as an introspector reports them). */
const snapshotWith = (...columns: ColumnModel[]): SchemaSnapshot => ({ tables: [{ name: 't', columns, constraints: [], indexes: [] }] })

describe('alterColumn without a snapshot', () => {
  it('refuses a MODIFY whose current type is unknown', () => {
    expect(() => mysql.compile(alterColumn({ tableName: 't', columnName: 'c', nullable: false }))).toThrow(refused('MISSING_EXISTING_STATE', 'existingType'))
  })

  it('refuses a MODIFY whose current nullability is unknown, where Alembic would make the column NULL', () => {
    // Differs from Alembic, which writes `MODIFY c INTEGER NULL` and so drops a NOT NULL.
    expect(() => mysql.compile(alterColumn({ tableName: 't', columnName: 'c', comment: 'x', existingType: 'text' }))).toThrow(refused('MISSING_EXISTING_STATE', 'existingNullable'))
  })

  it('refuses a MODIFY whose current default or comment is unknown', () => {
    expect(() => mysql.compile(alterColumn({ tableName: 't', columnName: 'c', nullable: false, existingType: 'text' }))).toThrow(refused('MISSING_EXISTING_STATE', 'existingServerDefault'))
    expect(() => mysql.compile(alterColumn({ tableName: 't', columnName: 'c', nullable: false, existingType: 'text', existingServerDefault: null }))).toThrow(
      refused('MISSING_EXISTING_STATE', 'existingComment'),
    )
  })

  it('asks whether an integer column is AUTO_INCREMENT, and no other', () => {
    const base = { tableName: 't', columnName: 'c', nullable: false, existingServerDefault: null, existingComment: null } as const
    expect(() => mysql.compile(alterColumn({ ...base, existingType: 'bigint' }))).toThrow(refused('MISSING_EXISTING_STATE', 'existingAutoincrement'))
    expect(sqlOf(alterColumn({ ...base, existingType: { name: 'varchar', length: 10 } }))).toEqual(['ALTER TABLE t MODIFY c VARCHAR(10) NOT NULL'])
  })

  it('asks for a snapshot to restate a DATETIME, which may have ON UPDATE (the op has no field for it)', () => {
    const base = { tableName: 't', columnName: 'c', nullable: false, existingServerDefault: null, existingComment: null } as const
    expect(() => mysql.compile(alterColumn({ ...base, existingType: 'datetime' }))).toThrow(refused('MISSING_EXISTING_STATE', 'mysqlOnUpdate'))
    // A column that was not DATETIME before has no ON UPDATE.
    expect(sqlOf(alterColumn({ ...base, type: 'datetime', existingType: 'date' }))).toEqual(['ALTER TABLE t CHANGE c c DATETIME NOT NULL'])
  })

  it('needs nothing for a default alone or, where the server has RENAME COLUMN, a rename alone', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { literal: 'x' } }))).toEqual(["ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x'"])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', newColumnName: 'd' }))).toEqual(['ALTER TABLE t RENAME COLUMN c TO d'])
    const mysql57 = createMysqlDialect({ version: '5.7' })
    expect(() => mysql57.compile(alterColumn({ tableName: 't', columnName: 'c', newColumnName: 'd' }))).toThrow(refused('MISSING_EXISTING_STATE', 'existingType'))
  })
})

describe('alterColumn with a snapshot', () => {
  const full: ColumnModel = {
    name: 'c', type: { name: 'varchar', length: 20 }, nullable: false, serverDefault: { literal: "it's" }, comment: 'kept',
  }

  it('restates the default, comment and NOT NULL it does not change', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: { name: 'varchar', length: 40 } }), snapshotWith(full))).toEqual([
      "ALTER TABLE t MODIFY c VARCHAR(40) NOT NULL DEFAULT 'it''s' COMMENT 'kept'",
    ])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', comment: null }), snapshotWith(full))).toEqual(["ALTER TABLE t MODIFY c VARCHAR(20) NOT NULL DEFAULT 'it''s'"])
  })

  it('prefers what the op says to what the snapshot says', () => {
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', nullable: true, existingComment: null }), snapshotWith(full))).toEqual([
      "ALTER TABLE t MODIFY c VARCHAR(20) NULL DEFAULT 'it''s'",
    ])
  })

  it('keeps AUTO_INCREMENT, whether the snapshot says it or the table implies it', () => {
    const introspected = snapshotWith({ name: 'c', type: 'integer', nullable: false, autoincrement: true })
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', comment: 'id' }), introspected)).toEqual(["ALTER TABLE t MODIFY c INTEGER NOT NULL AUTO_INCREMENT COMMENT 'id'"])
    const modelled = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'c', type: 'integer', primaryKey: true }] })])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: 'bigint' }), modelled)).toEqual(['ALTER TABLE t MODIFY c BIGINT NOT NULL AUTO_INCREMENT'])
    const named = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'c', type: 'integer', nullable: false }], constraints: [{ type: 'primaryKey', name: 'pk', columns: ['c'] }] })])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: 'bigint' }), named)).toEqual(['ALTER TABLE t MODIFY c BIGINT NOT NULL'])
  })

  it('keeps ON UPDATE on a DATETIME, and drops it with a change to another type', () => {
    const at = snapshotWith({ name: 'c', type: 'datetime', nullable: true, serverDefault: { sql: 'CURRENT_TIMESTAMP' }, mysqlOnUpdate: 'CURRENT_TIMESTAMP' })
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', nullable: false }), at)).toEqual([
      'ALTER TABLE t CHANGE c c DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP',
    ])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', type: 'date', serverDefault: null }), at)).toEqual(['ALTER TABLE t MODIFY c DATE NULL'])
  })

  it('restates a generated column, without NULL on MariaDB', () => {
    const generated = snapshotWith({ name: 'c', type: 'integer', nullable: true, computed: { sqltext: 'a * 2', persisted: true } })
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', comment: 'double' }), generated)).toEqual([
      "ALTER TABLE t MODIFY c INTEGER GENERATED ALWAYS AS (a * 2) STORED NULL COMMENT 'double'",
    ])
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', comment: 'double' }), generated, mariadb)).toEqual([
      "ALTER TABLE t MODIFY c INTEGER GENERATED ALWAYS AS (a * 2) STORED COMMENT 'double'",
    ])
    expect(() => mariadb.compile(alterColumn({ tableName: 't', columnName: 'c', nullable: false }), { snapshot: generated })).toThrow(refused('UNSUPPORTED_OPERATION', 'nullable'))
    expect(() => mysql.compile(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { literal: '1' } }), { snapshot: generated })).toThrow(refused('UNSUPPORTED_OPERATION', 'serverDefault'))
  })

  it('refuses a default on an AUTO_INCREMENT column unless the op stops numbering it', () => {
    const modelled = applyOps(emptySnapshot(), [createTable({ tableName: 't', columns: [{ name: 'c', type: 'integer', primaryKey: true }] })])
    expect(() => mysql.compile(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { literal: '0' } }), { snapshot: modelled })).toThrow(refused('UNSUPPORTED_OPERATION', 'serverDefault'))
    expect(sqlOf(alterColumn({ tableName: 't', columnName: 'c', serverDefault: { literal: '0' }, autoincrement: false }), modelled)).toEqual([
      "ALTER TABLE t MODIFY c INTEGER NOT NULL DEFAULT '0'",
    ])
  })

  it('refuses what the snapshot does not have either, naming the field', () => {
    expect(() => mysql.compile(alterColumn({ tableName: 't', columnName: 'ghost', nullable: false }), { snapshot: snapshotWith(full) })).toThrow(
      refused('MISSING_EXISTING_STATE', 'existingType'),
    )
  })

  it('follows the model through earlier ops of the same compile', () => {
    const ops = [
      createTable({ tableName: 't', columns: [{ name: 'id', type: 'integer', primaryKey: true }] }),
      addColumn({ tableName: 't', column: { name: 'c', type: 'text', nullable: false, comment: 'body' } }),
      alterColumn({ tableName: 't', columnName: 'c', newColumnName: 'd', type: { name: 'varchar', length: 50 } }),
    ]
    expect(mysql.compileOps(ops, { snapshot: emptySnapshot() }).map((s) => s.sql).slice(1)).toEqual([
      "ALTER TABLE t ADD COLUMN c TEXT NOT NULL COMMENT 'body'",
      "ALTER TABLE t CHANGE c d VARCHAR(50) NOT NULL COMMENT 'body'",
    ])
  })
})
