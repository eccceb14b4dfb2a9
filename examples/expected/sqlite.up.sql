CREATE TABLE athanor_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT athanor_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

BEGIN;

CREATE TABLE account (
    id INTEGER NOT NULL,
    email VARCHAR(255) NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (email)
);

CREATE TABLE post (
    id INTEGER NOT NULL,
    author_id INTEGER NOT NULL,
    body TEXT,
    PRIMARY KEY (id),
    CONSTRAINT fk_post_author FOREIGN KEY(author_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX ix_post_author ON post (author_id);

COMMIT;

PRAGMA foreign_keys=OFF;

BEGIN;

CREATE TABLE _athanor_tmp_post (
    id INTEGER NOT NULL,
    author_id INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_post_author FOREIGN KEY(author_id) REFERENCES account (id) ON DELETE CASCADE
);

INSERT INTO _athanor_tmp_post (id, author_id, body) SELECT id, author_id, body FROM post;

DROP TABLE post;

PRAGMA legacy_alter_table=ON;

ALTER TABLE _athanor_tmp_post RENAME TO post;

PRAGMA legacy_alter_table=OFF;

CREATE INDEX ix_post_author ON post (author_id);

ALTER TABLE post RENAME COLUMN body TO content;

CREATE TEMP TABLE IF NOT EXISTS athanor_rebuild_check (no_foreign_key_violation INTEGER NOT NULL ON CONFLICT ROLLBACK);

INSERT INTO temp.athanor_rebuild_check SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check) THEN NULL ELSE 1 END;

DROP TABLE temp.athanor_rebuild_check;

COMMIT;

PRAGMA foreign_keys=ON;

BEGIN;

INSERT INTO athanor_version (version_num) VALUES ('0001');

COMMIT;

-- Running upgrade 0001 -> 0002

BEGIN;

CREATE TABLE tag (
    id INTEGER NOT NULL,
    label VARCHAR(40) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_tag_label UNIQUE (label)
);

CREATE TABLE post_tag (
    post_id INTEGER NOT NULL,
    tag_id INTEGER NOT NULL,
    CONSTRAINT pk_post_tag PRIMARY KEY (post_id, tag_id),
    CONSTRAINT fk_post_tag_post FOREIGN KEY(post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_tag_tag FOREIGN KEY(tag_id) REFERENCES tag (id) ON DELETE CASCADE
);

ALTER TABLE post ADD COLUMN published BOOLEAN DEFAULT false NOT NULL;

ALTER TABLE post ADD COLUMN title VARCHAR(200) DEFAULT 'Untitled' NOT NULL;

COMMIT;

PRAGMA foreign_keys=OFF;

BEGIN;

CREATE TABLE _athanor_tmp_post (
    id INTEGER NOT NULL,
    author_id INTEGER NOT NULL,
    content TEXT NOT NULL,
    published BOOLEAN DEFAULT false NOT NULL,
    title VARCHAR(200) DEFAULT 'Untitled' NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_post_author FOREIGN KEY(author_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT ck_post_title_not_blank CHECK (length(trim(title)) > 0)
);

INSERT INTO _athanor_tmp_post (id, author_id, content, published, title) SELECT id, author_id, content, published, title FROM post;

DROP TABLE post;

PRAGMA legacy_alter_table=ON;

ALTER TABLE _athanor_tmp_post RENAME TO post;

PRAGMA legacy_alter_table=OFF;

CREATE INDEX ix_post_author ON post (author_id);

CREATE TEMP TABLE IF NOT EXISTS athanor_rebuild_check (no_foreign_key_violation INTEGER NOT NULL ON CONFLICT ROLLBACK);

INSERT INTO temp.athanor_rebuild_check SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check) THEN NULL ELSE 1 END;

DROP TABLE temp.athanor_rebuild_check;

COMMIT;

PRAGMA foreign_keys=ON;

BEGIN;

INSERT INTO tag (id, label) VALUES (1, 'news');

INSERT INTO tag (id, label) VALUES (2, 'how-to');

INSERT INTO tag (id, label) VALUES (3, 'O''Reilly');

UPDATE athanor_version SET version_num='0002' WHERE athanor_version.version_num = '0001';

COMMIT;

-- Running upgrade 0002 -> 0003

BEGIN;

COMMIT;

PRAGMA foreign_keys=OFF;

BEGIN;

CREATE TABLE _athanor_tmp_account (
    id INTEGER NOT NULL,
    email TEXT NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    display_name VARCHAR(100),
    PRIMARY KEY (id),
    UNIQUE (email)
);

INSERT INTO _athanor_tmp_account (id, email, created_at) SELECT id, email, created_at FROM account;

DROP TABLE account;

PRAGMA legacy_alter_table=ON;

ALTER TABLE _athanor_tmp_account RENAME TO account;

PRAGMA legacy_alter_table=OFF;

CREATE UNIQUE INDEX ix_account_email_lower ON account (lower(email));

CREATE TEMP TABLE IF NOT EXISTS athanor_rebuild_check (no_foreign_key_violation INTEGER NOT NULL ON CONFLICT ROLLBACK);

INSERT INTO temp.athanor_rebuild_check SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check) THEN NULL ELSE 1 END;

DROP TABLE temp.athanor_rebuild_check;

COMMIT;

PRAGMA foreign_keys=ON;

BEGIN;

ALTER TABLE post_tag RENAME TO post_tags;

UPDATE athanor_version SET version_num='0003' WHERE athanor_version.version_num = '0002';

COMMIT;

