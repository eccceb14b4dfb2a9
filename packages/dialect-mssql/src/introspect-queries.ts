// The catalog queries behind `introspectMssql`. Each takes the schema name as @schema and returns
// one row per item (a constraint or index: one row per column), ordered by table then creation
// (object_id) then column position, so that the result is deterministic. SQL Server 2016 or later.
// Written from SQL Server's documentation of its catalog views; no server was at hand to run them.

/** The session's default schema (tables there are reported without a schema). */
export const SESSION_SQL = `SELECT SCHEMA_NAME() AS default_schema`

/** A column of `sys.extended_properties` holding the MS_Description of object `major`, column `minor`. */
const description = (major: string, minor: string): string =>
  `(SELECT CAST(ep.value AS nvarchar(max)) FROM sys.extended_properties ep
    WHERE ep.class = 1 AND ep.major_id = ${major} AND ep.minor_id = ${minor} AND ep.name = N'MS_Description')`

const IN_SCHEMA = `JOIN sys.tables t ON t.object_id = %o
JOIN sys.schemas s ON s.schema_id = t.schema_id`

const inSchema = (objectId: string): string => IN_SCHEMA.replace('%o', objectId)

/** User tables of the schema, with their comments. */
export const TABLES_SQL = `SELECT CAST(t.object_id AS varchar(20)) AS table_id, t.name AS name, ${description('t.object_id', '0')} AS comment
FROM sys.tables t
JOIN sys.schemas s ON s.schema_id = t.schema_id
WHERE s.name = @schema AND t.is_ms_shipped = 0
ORDER BY t.object_id`

/** Columns in order, with type, nullability, identity, default, computed expression and comment. */
export const COLUMNS_SQL = `SELECT CAST(c.object_id AS varchar(20)) AS table_id, c.name AS name, ty.name AS type_name,
  c.max_length AS max_length, c.precision AS precision, c.scale AS scale, c.is_nullable AS is_nullable,
  c.collation_name AS collation, CONVERT(nvarchar(128), DATABASEPROPERTYEX(DB_NAME(), 'Collation')) AS database_collation,
  c.is_identity AS is_identity, CAST(ic.seed_value AS varchar(40)) AS seed, CAST(ic.increment_value AS varchar(40)) AS increment,
  dc.definition AS default_sql, cc.definition AS computed_sql, cc.is_persisted AS is_persisted,
  ${description('c.object_id', 'c.column_id')} AS comment
FROM sys.columns c
${inSchema('c.object_id')}
JOIN sys.types ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.identity_columns ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
LEFT JOIN sys.default_constraints dc ON dc.parent_object_id = c.object_id AND dc.parent_column_id = c.column_id
LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
WHERE s.name = @schema AND t.is_ms_shipped = 0
ORDER BY c.object_id, c.column_id`

/** Primary keys and unique constraints, one row per column in key order. */
export const KEYS_SQL = `SELECT CAST(kc.parent_object_id AS varchar(20)) AS table_id, CAST(kc.object_id AS varchar(20)) AS constraint_id,
  kc.name AS name, kc.type AS type, kc.is_system_named AS is_system_named, i.type_desc AS index_type,
  COL_NAME(ic.object_id, ic.column_id) AS column_name
FROM sys.key_constraints kc
${inSchema('kc.parent_object_id')}
JOIN sys.indexes i ON i.object_id = kc.parent_object_id AND i.index_id = kc.unique_index_id
JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
WHERE s.name = @schema
ORDER BY kc.parent_object_id, kc.object_id, ic.key_ordinal`

/** Foreign keys, one row per column pair. */
export const FOREIGN_KEYS_SQL = `SELECT CAST(fk.parent_object_id AS varchar(20)) AS table_id, CAST(fk.object_id AS varchar(20)) AS constraint_id,
  fk.name AS name, fk.is_system_named AS is_system_named, rt.name AS referent_table, rs.name AS referent_schema,
  COL_NAME(fkc.parent_object_id, fkc.parent_column_id) AS local_column,
  COL_NAME(fkc.referenced_object_id, fkc.referenced_column_id) AS remote_column,
  fk.delete_referential_action_desc AS on_delete, fk.update_referential_action_desc AS on_update
FROM sys.foreign_keys fk
${inSchema('fk.parent_object_id')}
JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
JOIN sys.tables rt ON rt.object_id = fk.referenced_object_id
JOIN sys.schemas rs ON rs.schema_id = rt.schema_id
WHERE s.name = @schema
ORDER BY fk.parent_object_id, fk.object_id, fkc.constraint_column_id`

/** CHECK constraints. */
export const CHECKS_SQL = `SELECT CAST(cc.parent_object_id AS varchar(20)) AS table_id, cc.name AS name, cc.is_system_named AS is_system_named,
  cc.definition AS definition
FROM sys.check_constraints cc
${inSchema('cc.parent_object_id')}
WHERE s.name = @schema
ORDER BY cc.parent_object_id, cc.object_id`

/** Indexes that do not back a primary key or unique constraint, one row per column (keys, then INCLUDE). */
export const INDEXES_SQL = `SELECT CAST(i.object_id AS varchar(20)) AS table_id, CAST(i.index_id AS varchar(20)) AS index_id, i.name AS name,
  i.is_unique AS is_unique, i.type_desc AS index_type, i.filter_definition AS filter,
  COL_NAME(ic.object_id, ic.column_id) AS column_name, ic.is_descending_key AS is_descending, ic.is_included_column AS is_included
FROM sys.indexes i
${inSchema('i.object_id')}
JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
WHERE s.name = @schema AND i.is_primary_key = 0 AND i.is_unique_constraint = 0 AND i.type IN (1, 2) AND i.is_hypothetical = 0
ORDER BY i.object_id, i.index_id, ic.is_included_column, ic.key_ordinal, ic.index_column_id`
