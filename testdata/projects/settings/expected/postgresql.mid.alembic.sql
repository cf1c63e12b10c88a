BEGIN;

-- Running upgrade 0001 -> 0002

COMMIT;

CREATE INDEX CONCURRENTLY ix_books_title ON books (title);

BEGIN;

ALTER TABLE authors DROP CONSTRAINT uq_authors_email;

ALTER TABLE authors ADD CONSTRAINT uq_authors_email_age UNIQUE (email, age);

UPDATE schema_versions SET version_num='0002' WHERE schema_versions.version_num = '0001';

COMMIT;

BEGIN;

-- Running upgrade 0002 -> 0003

ALTER TABLE books ADD COLUMN pages INTEGER;

ALTER TABLE books ADD CONSTRAINT ck_books_positive_pages CHECK (pages > 0);

ALTER TABLE authors DROP CONSTRAINT ck_authors_age_positive;

UPDATE schema_versions SET version_num='0003' WHERE schema_versions.version_num = '0002';

COMMIT;

