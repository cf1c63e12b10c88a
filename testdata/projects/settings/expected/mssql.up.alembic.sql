BEGIN TRANSACTION;

CREATE TABLE schema_versions (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT schema_versions_pkc PRIMARY KEY (version_num)
);

GO

-- Running upgrade  -> 0001

CREATE TABLE authors (
    id INTEGER NOT NULL IDENTITY, 
    email VARCHAR(200) NOT NULL, 
    age INTEGER NULL, 
    CONSTRAINT pk_authors PRIMARY KEY (id), 
    CONSTRAINT ck_authors_age_positive CHECK (age > 0), 
    CONSTRAINT uq_authors_email UNIQUE (email)
);

GO

CREATE TABLE books (
    id INTEGER NOT NULL IDENTITY, 
    author_id INTEGER NULL, 
    isbn VARCHAR(13) NULL, 
    title VARCHAR(max) NOT NULL, 
    CONSTRAINT pk_books PRIMARY KEY (id), 
    CONSTRAINT uq_books_isbn_title UNIQUE (isbn, title), 
    CONSTRAINT fk_books_author_id_authors FOREIGN KEY(author_id) REFERENCES authors (id) ON DELETE CASCADE
);

GO

INSERT INTO schema_versions (version_num) OUTPUT inserted.version_num VALUES ('0001');

GO

COMMIT;

GO

BEGIN TRANSACTION;

-- Running upgrade 0001 -> 0002

COMMIT;

GO

CREATE INDEX ix_books_title ON books (title);

GO

BEGIN TRANSACTION;

ALTER TABLE authors DROP CONSTRAINT uq_authors_email;

GO

ALTER TABLE authors ADD CONSTRAINT uq_authors_email_age UNIQUE (email, age);

GO

UPDATE schema_versions SET version_num='0002' WHERE schema_versions.version_num = '0001';

GO

COMMIT;

GO

BEGIN TRANSACTION;

-- Running upgrade 0002 -> 0003

ALTER TABLE books ADD pages INTEGER NULL;

GO

ALTER TABLE books ADD CONSTRAINT ck_books_positive_pages CHECK (pages > 0);

GO

ALTER TABLE authors DROP CONSTRAINT ck_authors_age_positive;

GO

UPDATE schema_versions SET version_num='0003' WHERE schema_versions.version_num = '0002';

GO

COMMIT;

GO

