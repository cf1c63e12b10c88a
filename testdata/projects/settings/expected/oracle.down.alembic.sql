-- Running downgrade 0003 -> 0002

ALTER TABLE authors ADD CONSTRAINT ck_authors_age_positive CHECK (age > 0)

/

ALTER TABLE books DROP CONSTRAINT ck_books_positive_pages

/

ALTER TABLE books DROP COLUMN pages

/

UPDATE schema_versions SET version_num='0002' WHERE schema_versions.version_num = '0003'

/

-- Running downgrade 0002 -> 0001

ALTER TABLE authors DROP CONSTRAINT uq_authors_email_age

/

ALTER TABLE authors ADD CONSTRAINT uq_authors_email UNIQUE (email)

/

DROP INDEX ix_books_title

/

UPDATE schema_versions SET version_num='0001' WHERE schema_versions.version_num = '0002'

/

-- Running downgrade 0001 -> 

DROP TABLE books

/

DROP TABLE authors

/

DELETE FROM schema_versions WHERE schema_versions.version_num = '0001'

/

DROP TABLE schema_versions

/

