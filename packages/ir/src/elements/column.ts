import { boolean, fail, integer, name, objectOf, pathKey, sqlText, string, type Spec, type SpecContext } from '../spec.js'
import { columnType, type ColumnType } from './column-type.js'
import { foreignKeyOptionFields, type ForeignKeyOptions } from './constraint-options.js'
import { serverDefault, type ServerDefault } from './server-default.js'

/**
 * A single-column foreign key written on the column (SQLAlchemy's `ForeignKey("t.id")`).
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const author: ColumnForeignKey = { referentTable: 'account', remoteCol: 'id', onDelete: 'CASCADE' }
 * postgresql.compile(addColumn({ tableName: 'post', column: { name: 'author_id', type: 'integer', foreignKey: author } })).map((s) => s.sql)
 * // => ['ALTER TABLE post ADD COLUMN author_id INTEGER', 'ALTER TABLE post ADD FOREIGN KEY(author_id) REFERENCES account (id) ON DELETE CASCADE']
 */
export interface ColumnForeignKey extends ForeignKeyOptions {
  readonly referentTable: string
  readonly remoteCol: string
  readonly referentSchema?: string
  /** The constraint name; engines name it when absent. */
  readonly name?: string
}

/**
 * A computed (generated) column: `GENERATED ALWAYS AS (sqltext) [STORED]`.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const total: Computed = { sqltext: 'price * quantity', persisted: true }
 * postgresql.compile(addColumn({ tableName: 'order_line', column: { name: 'total', type: { name: 'numeric', precision: 12, scale: 2 }, computed: total } }))
 * // => [{ sql: 'ALTER TABLE order_line ADD COLUMN total NUMERIC(12, 2) GENERATED ALWAYS AS (price * quantity) STORED' }]
 */
export interface Computed {
  readonly sqltext: string
  /** `true`: stored; `false`: virtual; absent: the engine's default. */
  readonly persisted?: boolean
}

/**
 * An identity column: `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY (…)`, SQL Server `IDENTITY(start, increment)`.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const numbering: Identity = { always: true, start: 1000 }
 * postgresql.compile(addColumn({ tableName: 'invoice', column: { name: 'number', type: 'bigint', identity: numbering } })).map((s) => s.sql)
 * // => ['ALTER TABLE invoice ADD COLUMN number BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1000)']
 */
export interface Identity {
  readonly always?: boolean
  readonly start?: number
  readonly increment?: number
  readonly minValue?: number
  readonly maxValue?: number
  readonly cycle?: boolean
  readonly cache?: number
}

/**
 * A CHECK written on the column: `c INTEGER CHECK (c > 0)`.
 * @example
 * import { postgresql } from '@athanor/dialect-postgres'
 * const nonNegative: ColumnCheck = { condition: 'price >= 0', name: 'ck_price' }
 * postgresql.compile(addColumn({ tableName: 'product', column: { name: 'price', type: 'integer', check: nonNegative } })).map((s) => s.sql)
 * // => ['ALTER TABLE product ADD COLUMN price INTEGER CONSTRAINT ck_price CHECK (price >= 0)']
 */
export interface ColumnCheck {
  readonly condition: string
  readonly name?: string
}

/**
 * A column definition, as `addColumn` and `createTable` take it.
 * @example
 * const col: Column = { name: 'email', type: { name: 'varchar', length: 255 }, nullable: false, unique: true }
 */
export interface Column {
  readonly name: string
  readonly type: ColumnType
  /** Absent: nullable, unless the column is part of the primary key. */
  readonly nullable?: boolean
  readonly primaryKey?: boolean
  /** Integer primary key that the engine numbers itself (SERIAL, AUTO_INCREMENT, IDENTITY). */
  readonly autoincrement?: boolean
  readonly serverDefault?: ServerDefault
  readonly comment?: string
  /** A single-column UNIQUE constraint. */
  readonly unique?: boolean
  /** A single-column index named `ix_<table>_<column>`. */
  readonly index?: boolean
  readonly foreignKey?: ColumnForeignKey
  readonly computed?: Computed
  readonly identity?: Identity
  readonly check?: ColumnCheck
  /** MySQL/MariaDB `ON UPDATE <sql>` (for example `CURRENT_TIMESTAMP`). */
  readonly mysqlOnUpdate?: string
}

const columnForeignKey = objectOf<ColumnForeignKey>({
  what: 'a column foreign key',
  fields: { referentTable: name, remoteCol: name, referentSchema: name, name, ...foreignKeyOptionFields },
  required: ['referentTable', 'remoteCol'],
})

const computed = objectOf<Computed>({ what: 'a computed column { sqltext, persisted? }', fields: { sqltext: sqlText, persisted: boolean }, required: ['sqltext'] })

/** Validates an {@link Identity}. */
export const identity: Spec<Identity> = objectOf<Identity>({
  what: 'an identity { always?, start?, increment?, … }',
  fields: {
    always: boolean,
    start: integer(),
    increment: integer(),
    minValue: integer(),
    maxValue: integer(),
    cycle: boolean,
    cache: integer(1),
  },
})

const columnCheck = objectOf<ColumnCheck>({ what: 'a column check { condition, name? }', fields: { condition: sqlText, name }, required: ['condition'] })

/** The field specs of a {@link Column}. */
export const columnFields = {
  name,
  type: columnType,
  nullable: boolean,
  primaryKey: boolean,
  autoincrement: boolean,
  serverDefault,
  comment: string,
  unique: boolean,
  index: boolean,
  foreignKey: columnForeignKey,
  computed,
  identity,
  check: columnCheck,
  mysqlOnUpdate: sqlText,
} as const

/**
 * Validates a {@link Column}.
 * @example
 * // A plugin field holding a column definition, checked as addColumn checks its own
 * interface AddShadowColumnOp extends OpBase { readonly kind: 'addShadowColumn'; readonly tableName: string; readonly column: Column }
 * const spec: OpSpec<AddShadowColumnOp> = { kind: 'addShadowColumn', fields: { tableName: name, column }, required: ['tableName', 'column'] }
 * makeOp(spec, { tableName: 't', column: { name: 'c', type: 'text' } }) // => { kind: 'addShadowColumn', tableName: 't', column: { name: 'c', type: 'text' } }
 * makeOp(spec, JSON.parse('{"tableName":"t","column":{"name":"c","type":"text","nulable":true}}'))
 * // throws { code: 'UNKNOWN_FIELD', path: 'column.nulable' }
 */
export const column: Spec<Column> = objectOf<Column>({
  what: 'a column { name, type, … }',
  fields: columnFields,
  required: ['name', 'type'],
  refine: (c, path, ctx) => {
    if (c['computed'] !== undefined && c['serverDefault'] !== undefined) failBoth(ctx, path, 'computed', 'serverDefault')
    if (c['computed'] !== undefined && c['identity'] !== undefined) failBoth(ctx, path, 'computed', 'identity')
  },
})

function failBoth(ctx: SpecContext, path: string, a: string, b: string): void {
  fail(ctx, 'INVALID_VALUE', pathKey(path, b), `either ${a} or ${b}, not both`, 'both', `a column cannot have both ${a} and ${b} (${pathKey(path, b)})`)
}

/**
 * True when the column is nullable by the rules of {@link Column.nullable}.
 * @example
 * isNullable({ name: 'email', type: 'text' }) // => true
 * isNullable({ name: 'email', type: 'text', nullable: false }) // => false
 * isNullable({ name: 'id', type: 'integer', primaryKey: true }) // => false
 */
export function isNullable(column: Column): boolean {
  return column.nullable ?? column.primaryKey !== true
}
