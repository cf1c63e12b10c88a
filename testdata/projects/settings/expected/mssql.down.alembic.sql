BEGIN TRANSACTION;

-- Running downgrade 0003 -> 0002

ALTER TABLE authors ADD CONSTRAINT ck_authors_age_positive CHECK (age > 0);

GO

ALTER TABLE books DROP CONSTRAINT ck_books_positive_pages;

GO

ALTER TABLE books DROP COLUMN pages;

GO

UPDATE schema_versions SET version_num='0002' WHERE schema_versions.version_num = '0003';

GO

COMMIT;

GO

BEGIN TRANSACTION;

-- Running downgrade 0002 -> 0001

ALTER TABLE authors DROP CONSTRAINT uq_authors_email_age;

GO

ALTER TABLE authors ADD CONSTRAINT uq_authors_email UNIQUE (email);

GO

COMMIT;

GO

DROP INDEX ix_books_title ON books;

GO

BEGIN TRANSACTION;

UPDATE schema_versions SET version_num='0001' WHERE schema_versions.version_num = '0002';

GO

COMMIT;

GO

BEGIN TRANSACTION;

-- Running downgrade 0001 -> 

DROP TABLE books;

GO

DROP TABLE authors;

GO

DELETE FROM schema_versions WHERE schema_versions.version_num = '0001';

GO

COMMIT;

GO

DROP TABLE schema_versions;

GO

