CREATE TABLE athanor_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT athanor_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

BEGIN;

CREATE TABLE account (
    id SERIAL NOT NULL,
    email VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (email)
);

COMMENT ON TABLE account IS 'People who sign in';

CREATE TABLE post (
    id SERIAL NOT NULL,
    author_id INTEGER NOT NULL,
    body TEXT,
    PRIMARY KEY (id),
    CONSTRAINT fk_post_author FOREIGN KEY(author_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX ix_post_author ON post (author_id);

ALTER TABLE post ALTER COLUMN body SET NOT NULL;

ALTER TABLE post RENAME body TO content;

INSERT INTO athanor_version (version_num) VALUES ('0001');

COMMIT;

-- Running upgrade 0001 -> 0002

BEGIN;

CREATE TABLE tag (
    id SERIAL NOT NULL,
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

COMMENT ON COLUMN post.title IS 'Shown in lists';

ALTER TABLE post ADD CONSTRAINT ck_post_title_not_blank CHECK (length(trim(title)) > 0);

INSERT INTO tag (id, label) VALUES (1, 'news');

INSERT INTO tag (id, label) VALUES (2, 'how-to');

INSERT INTO tag (id, label) VALUES (3, 'O''Reilly');

UPDATE athanor_version SET version_num='0002' WHERE athanor_version.version_num = '0001';

COMMIT;

-- Running upgrade 0002 -> 0003

BEGIN;

ALTER TABLE account ADD COLUMN display_name VARCHAR(100);

ALTER TABLE account ALTER COLUMN email TYPE TEXT;

CREATE UNIQUE INDEX ix_account_email_lower ON account (lower(email));

COMMENT ON TABLE post IS 'Things people write';

ALTER TABLE post_tag RENAME TO post_tags;

UPDATE athanor_version SET version_num='0003' WHERE athanor_version.version_num = '0002';

COMMIT;

