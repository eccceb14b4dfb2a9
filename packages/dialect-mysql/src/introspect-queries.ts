// The information_schema queries behind `introspectMysql`. Each takes the database name as its
// one parameter (`?`) and orders its rows, so that the result is deterministic. Column names are
// aliased in lower case: MySQL 8 returns information_schema names in upper case otherwise.

/** The current database, the server version and the defaults an option is compared with. */
export const SESSION_SQL = `SELECT DATABASE() AS current_database, VERSION() AS version, @@default_storage_engine AS default_engine`

/** The database's default character set and collation. */
export const DATABASE_SQL = `SELECT DEFAULT_CHARACTER_SET_NAME AS charset, DEFAULT_COLLATION_NAME AS collation
FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?`

/** Base tables, with their options, comment and collation (and that collation's character set). */
export const TABLES_SQL = `SELECT t.TABLE_NAME AS table_name, t.ENGINE AS engine, t.TABLE_COLLATION AS collation, t.TABLE_COMMENT AS comment,
  t.CREATE_OPTIONS AS create_options, c.CHARACTER_SET_NAME AS charset, c.IS_DEFAULT AS collation_is_default
FROM information_schema.TABLES t
LEFT JOIN information_schema.COLLATIONS c ON c.COLLATION_NAME = t.TABLE_COLLATION
WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY t.TABLE_NAME`

/** Columns in ordinal order. */
export const COLUMNS_SQL = `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS name, ORDINAL_POSITION AS position, COLUMN_TYPE AS column_type,
  DATA_TYPE AS data_type, IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS column_default, EXTRA AS extra,
  COLLATION_NAME AS collation, COLUMN_COMMENT AS comment, GENERATION_EXPRESSION AS generation_expression
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME, ORDINAL_POSITION`

/** Index parts, one row per column of each index, in order. */
export const STATISTICS_SQL = `SELECT TABLE_NAME AS table_name, INDEX_NAME AS index_name, NON_UNIQUE AS non_unique, SEQ_IN_INDEX AS seq,
  COLUMN_NAME AS column_name, SUB_PART AS sub_part, INDEX_TYPE AS index_type, COLLATION AS direction
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`

/** Expressions of functional key parts (MySQL 8.0.13+); run only there. */
export const EXPRESSIONS_SQL = `SELECT TABLE_NAME AS table_name, INDEX_NAME AS index_name, SEQ_IN_INDEX AS seq, EXPRESSION AS expression
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = ? AND EXPRESSION IS NOT NULL`

/** Foreign key columns, in key order, with the key's actions and referent. */
export const FOREIGN_KEYS_SQL = `SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS column_name,
  k.REFERENCED_TABLE_SCHEMA AS referent_schema, k.REFERENCED_TABLE_NAME AS referent_table, k.REFERENCED_COLUMN_NAME AS remote_column,
  r.UPDATE_RULE AS on_update, r.DELETE_RULE AS on_delete
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
  AND r.TABLE_NAME = k.TABLE_NAME
WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`

/**
 * Check constraints, with MariaDB's LEVEL (`Column` for a column's own check, such as a JSON
 * column's `json_valid`). MySQL's CHECK_CONSTRAINTS has no table name; TABLE_CONSTRAINTS gives it.
 */
export function checksSql(mariadb: boolean): string {
  if (mariadb) {
    return `SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause, LEVEL AS level
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = ?
ORDER BY TABLE_NAME, CONSTRAINT_NAME`
  }
  return `SELECT t.TABLE_NAME AS table_name, c.CONSTRAINT_NAME AS name, c.CHECK_CLAUSE AS clause, 'Table' AS level
FROM information_schema.CHECK_CONSTRAINTS c
JOIN information_schema.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME
  AND t.CONSTRAINT_TYPE = 'CHECK'
WHERE c.CONSTRAINT_SCHEMA = ?
ORDER BY t.TABLE_NAME, c.CONSTRAINT_NAME`
}
