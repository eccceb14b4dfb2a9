-- Running downgrade 0003 -> 0002

BEGIN;

ALTER TABLE post_tags RENAME TO post_tag;

COMMENT ON TABLE post IS NULL;

DROP INDEX ix_account_email_lower;

ALTER TABLE account ALTER COLUMN email TYPE VARCHAR(255);

ALTER TABLE account DROP COLUMN display_name;

UPDATE athanor_version SET version_num='0002' WHERE athanor_version.version_num = '0003';

COMMIT;

-- Running downgrade 0002 -> 0001

BEGIN;

ALTER TABLE post DROP CONSTRAINT ck_post_title_not_blank;

ALTER TABLE post DROP COLUMN title;

ALTER TABLE post DROP COLUMN published;

DROP TABLE post_tag;

DROP TABLE tag;

UPDATE athanor_version SET version_num='0001' WHERE athanor_version.version_num = '0002';

COMMIT;

-- Running downgrade 0001 -> 

BEGIN;

ALTER TABLE post ALTER COLUMN content DROP NOT NULL;

ALTER TABLE post RENAME content TO body;

DROP INDEX ix_post_author;

DROP TABLE post;

DROP TABLE account;

DELETE FROM athanor_version WHERE athanor_version.version_num = '0001';

COMMIT;

