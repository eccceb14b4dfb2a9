import { describe, expect, it } from 'vitest'
import {
  alterColumn, applyOps, batch, createForeignKey, createTable, dropColumn, emptySnapshot, renameTable, type SchemaSnapshot,
} from '@athanor/ir'

describe('a migration history, applied to an empty schema', () => {
  it('gives exactly the schema the database would have', () => {
    const s = applyOps(emptySnapshot(), [
      createTable({
        tableName: 'account',
        columns: [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'email', type: { name: 'varchar', length: 255 }, nullable: false, unique: true },
          { name: 'nickname', type: 'text', index: true },
        ],
      }),
      createTable({
        tableName: 'post',
        columns: [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'author_id', type: 'integer', nullable: false },
          { name: 'body', type: 'text', serverDefault: { literal: '' } },
        ],
        constraints: [{ type: 'check', name: 'ck_post_body', condition: "body <> 'spam'" }],
      }),
      createForeignKey({ constraintName: 'fk_post_author', sourceTable: 'post', referentTable: 'account', localCols: ['author_id'], remoteCols: ['id'], onDelete: 'CASCADE' }),
      renameTable({ oldTableName: 'account', newTableName: 'person' }),
      alterColumn({ tableName: 'person', columnName: 'id', newColumnName: 'person_id' }),
      batch({
        tableName: 'post',
        ops: [
          { kind: 'addColumn', column: { name: 'title', type: { name: 'varchar', length: 100 }, nullable: false, serverDefault: { literal: 'untitled' } }, insertAfter: 'id' },
          { kind: 'alterColumn', columnName: 'body', newColumnName: 'content', comment: 'markdown' },
          { kind: 'createIndex', indexName: 'ix_post_title', columns: ['title'] },
        ],
      }),
      dropColumn({ tableName: 'person', columnName: 'nickname' }),
    ])
    const expected: SchemaSnapshot = {
      tables: [
        {
          name: 'person',
          columns: [
            { name: 'person_id', type: 'integer', nullable: false },
            { name: 'email', type: { name: 'varchar', length: 255 }, nullable: false },
          ],
          constraints: [
            { type: 'primaryKey', columns: ['person_id'] },
            { type: 'unique', columns: ['email'] },
          ],
          indexes: [],
        },
        {
          name: 'post',
          columns: [
            { name: 'id', type: 'integer', nullable: false },
            { name: 'title', type: { name: 'varchar', length: 100 }, nullable: false, serverDefault: { literal: 'untitled' } },
            { name: 'author_id', type: 'integer', nullable: false },
            { name: 'content', type: 'text', nullable: true, serverDefault: { literal: '' }, comment: 'markdown' },
          ],
          constraints: [
            { type: 'primaryKey', columns: ['id'] },
            { type: 'check', name: 'ck_post_body', condition: "content <> 'spam'" },
            { type: 'foreignKey', name: 'fk_post_author', localCols: ['author_id'], referentTable: 'person', remoteCols: ['person_id'], onDelete: 'CASCADE' },
          ],
          indexes: [{ name: 'ix_post_title', columns: ['title'] }],
        },
      ],
    }
    expect(s).toStrictEqual(expected)
  })
})
