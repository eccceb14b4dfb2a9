/**
 * What the live tests read back from PostgreSQL's catalogs. Names are always passed as query
 * parameters and compared as they are stored, so a mangled name shows as a missing row.
 */
import type { LiveDb } from './live.js'

/** A column as pg_attribute, pg_attrdef and col_description describe it. */
export interface ColumnInfo {
  readonly name: string
  /** `format_type`: `integer`, `character varying(50)`, `timestamp with time zone`, … */
  readonly type: string
  readonly nullable: boolean
  /** `pg_get_expr` of the default, or of the generation expression of a generated column. */
  readonly default: string | null
  /** `''`, `'a'` (ALWAYS) or `'d'` (BY DEFAULT). */
  readonly identity: string
  /** `''` or `'s'` (stored generated column). */
  readonly generated: string
  readonly comment: string | null
}

/** A constraint as pg_constraint describes it. */
export interface ConstraintInfo {
  readonly name: string
  /** `p`, `u`, `f`, `c`. */
  readonly type: string
  /** `pg_get_constraintdef`: `FOREIGN KEY (b) REFERENCES o(id) ON DELETE CASCADE`, … */
  readonly definition: string
  readonly validated: boolean
}

/** An index as pg_get_indexdef writes it. */
export interface IndexInfo {
  readonly name: string
  readonly definition: string
}

const TABLE = `SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`

/** The columns of a table, in order. */
export async function columnsOf(db: LiveDb, table: string, schema = db.schema): Promise<ColumnInfo[]> {
  return db.query<ColumnInfo & Record<string, unknown>>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
            pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated,
            col_description(a.attrelid, a.attnum) AS comment
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = (${TABLE}) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [schema, table],
  )
}

/** One column, or `undefined`. */
export async function columnOf(db: LiveDb, table: string, column: string, schema = db.schema): Promise<ColumnInfo | undefined> {
  return (await columnsOf(db, table, schema)).find((c) => c.name === column)
}

/** The constraints of a table (NOT NULL excluded), by name. */
export async function constraintsOf(db: LiveDb, table: string, schema = db.schema): Promise<ConstraintInfo[]> {
  return db.query<ConstraintInfo & Record<string, unknown>>(
    `SELECT conname AS name, contype AS type, pg_get_constraintdef(oid) AS definition, convalidated AS validated
       FROM pg_constraint WHERE conrelid = (${TABLE}) ORDER BY conname`,
    [schema, table],
  )
}

/** The indexes of a table, by name. */
export async function indexesOf(db: LiveDb, table: string, schema = db.schema): Promise<IndexInfo[]> {
  return db.query<IndexInfo & Record<string, unknown>>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = (${TABLE}) ORDER BY i.relname`,
    [schema, table],
  )
}

/** The names of the tables (and other relations of `kinds`) in a schema, sorted. */
export async function relationsIn(db: LiveDb, schema = db.schema, kinds: readonly string[] = ['r', 'p']): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = ANY($2) ORDER BY c.relname COLLATE "C"`,
    [schema, kinds],
  )
  return rows.map((r) => r.name)
}

/** The comment of a table, or `null`. */
export async function tableComment(db: LiveDb, table: string, schema = db.schema): Promise<string | null> {
  const rows = await db.query<{ comment: string | null }>(`SELECT obj_description((${TABLE}), 'pg_class') AS comment`, [schema, table])
  return rows[0]?.comment ?? null
}

/** The labels of an enum type, in order, or `[]` when there is no such type. */
export async function enumLabels(db: LiveDb, name: string, schema = db.schema): Promise<string[]> {
  const rows = await db.query<{ label: string }>(
    `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 AND t.typname = $2 ORDER BY e.enumsortorder`,
    [schema, name],
  )
  return rows.map((r) => r.label)
}

/** The options of the sequence behind an identity or serial column. */
export async function sequenceOf(db: LiveDb, table: string, column: string, schema = db.schema): Promise<Record<string, unknown> | undefined> {
  const rows = await db.query(
    `SELECT s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
            s.seqcache::text AS cache, s.seqcycle AS cycle
       FROM pg_depend d JOIN pg_sequence s ON s.seqrelid = d.objid
      WHERE d.refobjid = (${TABLE}) AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
        AND d.refobjsubid = (SELECT attnum FROM pg_attribute WHERE attrelid = (${TABLE}) AND attname = $3)`,
    [schema, table, column],
  )
  return rows[0]
}
