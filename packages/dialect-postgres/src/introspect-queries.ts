// The catalog queries behind `introspectPostgres`. Each takes the schema name as $1 and returns
// one row per item, ordered by table then creation (oid), so that the result is deterministic.
// Lists come back as JSON text (`array_to_json(…)::text`), which every driver returns as a
// string, rather than as arrays, whose decoding differs between drivers.

/** The session's default schema (tables there are reported without a schema) and the server version. */
export const SESSION_SQL = `SELECT current_schema() AS current_schema, current_setting('server_version_num')::int AS version`

/** Ordinary and partitioned tables. */
export const TABLES_SQL = `SELECT c.oid::int8::text AS oid, c.relname AS name, obj_description(c.oid, 'pg_class') AS comment,
  c.relpersistence AS persistence, array_to_json(c.reloptions)::text AS reloptions, ts.spcname AS tablespace,
  CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by,
  (SELECT array_to_json(array_agg(p.relname ORDER BY h.inhseqno))::text FROM pg_inherits h JOIN pg_class p ON p.oid = h.inhparent
    WHERE h.inhrelid = c.oid AND NOT c.relispartition) AS inherits
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
ORDER BY c.oid`

/** Columns in ordinal order, with type, default, identity sequence and comment. */
export const COLUMNS_SQL = `SELECT a.attrelid::int8::text AS table_oid, a.attname AS name, a.attnotnull AS not_null,
  t.typname AS type_name, t.typtype AS type_kind, t.typcategory AS type_category, a.atttypmod AS typmod,
  format_type(a.atttypid, a.atttypmod) AS formatted,
  CASE WHEN t.typtype = 'e' THEN (SELECT array_to_json(array_agg(e.enumlabel ORDER BY e.enumsortorder))::text FROM pg_enum e WHERE e.enumtypid = t.oid) END AS enum_values,
  CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN co.collname END AS collation,
  pg_get_expr(d.adbin, d.adrelid) AS default_sql, a.attidentity AS identity, a.attgenerated AS generated,
  col_description(a.attrelid, a.attnum) AS comment,
  s.seqstart::text AS seq_start, s.seqincrement::text AS seq_increment, s.seqmin::text AS seq_min, s.seqmax::text AS seq_max,
  s.seqcache::text AS seq_cache, s.seqcycle AS seq_cycle
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_depend dep ON a.attidentity <> '' AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = a.attrelid
  AND dep.refobjsubid = a.attnum AND dep.classid = 'pg_class'::regclass AND dep.deptype = 'i'
LEFT JOIN pg_sequence s ON s.seqrelid = dep.objid
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`

/** The names of `attnums` (an int2[] expression) on table `rel`, in list order, as JSON text. */
const names = (attnums: string, rel: string, filter = ''): string =>
  `(SELECT array_to_json(array_agg(a.attname ORDER BY k.ord))::text FROM unnest(${attnums}) WITH ORDINALITY AS k(num, ord)
    JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.num${filter})`

/**
 * Primary key, unique, foreign key and check constraints (NOT NULL is a column property before
 * PostgreSQL 18 and is not listed here). `version` chooses the columns that exist on the server.
 */
export function constraintsSql(version: number): string {
  const nullsNotDistinct = version >= 150000 ? 'i.indnullsnotdistinct' : 'false'
  return `SELECT con.conrelid::int8::text AS table_oid, con.conname AS name, con.contype AS type,
  con.condeferrable AS deferrable, con.condeferred AS deferred, con.convalidated AS validated,
  ${names('con.conkey', 'con.conrelid')} AS columns,
  fc.relname AS referent_table, fn.nspname AS referent_schema,
  ${names('con.confkey', 'con.confrelid')} AS remote_columns,
  con.confupdtype AS on_update, con.confdeltype AS on_delete, con.confmatchtype AS match,
  ${version >= 150000 ? names('con.confdelsetcols', 'con.conrelid') : 'NULL'} AS delete_set_columns,
  CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) END AS condition,
  ${nullsNotDistinct} AS nulls_not_distinct,
  CASE WHEN i.indexrelid IS NOT NULL THEN ${names('i.indkey::int2[]', 'i.indrelid', ' WHERE k.ord > i.indnkeyatts')} END AS include
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_index i ON con.contype IN ('p', 'u') AND i.indexrelid = con.conindid
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND con.contype IN ('p', 'u', 'f', 'c')
ORDER BY con.conrelid, con.oid`
}

/** Indexes that do not back a primary key, unique or exclusion constraint of their table. */
export function indexesSql(version: number): string {
  const nullsNotDistinct = version >= 150000 ? 'i.indnullsnotdistinct' : 'false'
  return `SELECT i.indrelid::int8::text AS table_oid, ic.relname AS name, i.indisunique AS is_unique, am.amname AS method,
  i.indnkeyatts AS key_count,
  (SELECT array_to_json(array_agg(json_build_object(
      'attnum', k.num, 'name', a.attname, 'definition', pg_get_indexdef(i.indexrelid, k.ord::int, true),
      'option', COALESCE((i.indoption::int2[])[k.ord - 1], 0), 'opclass', opc.opcname, 'opclass_default', opc.opcdefault
    ) ORDER BY k.ord))::text
    FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(num, ord)
    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num AND k.num <> 0
    LEFT JOIN pg_opclass opc ON k.ord <= i.indnkeyatts AND opc.oid = (i.indclass::oid[])[k.ord - 1]) AS columns,
  pg_get_expr(i.indpred, i.indrelid, true) AS predicate, array_to_json(ic.reloptions)::text AS reloptions,
  ts.spcname AS tablespace, ${nullsNotDistinct} AS nulls_not_distinct
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_tablespace ts ON ts.oid = ic.reltablespace
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conrelid = i.indrelid AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, ic.oid`
}
