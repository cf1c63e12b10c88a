BEGIN;

-- Running downgrade 0003 -> 0002

CREATE TABLE _alembic_tmp_authors (
    id INTEGER NOT NULL, 
    email VARCHAR(200) NOT NULL, 
    age INTEGER, 
    CONSTRAINT pk_authors PRIMARY KEY (id), 
    CONSTRAINT uq_authors_email_age UNIQUE (email, age), 
    CONSTRAINT ck_authors_age_positive CHECK (age > 0)
);

INSERT INTO _alembic_tmp_authors (id, email, age) SELECT authors.id, authors.email, authors.age FROM authors;

DROP TABLE authors;

ALTER TABLE _alembic_tmp_authors RENAME TO authors;

CREATE TABLE _alembic_tmp_books (
    id INTEGER NOT NULL, 
    author_id INTEGER, 
    isbn VARCHAR(13), 
    title TEXT NOT NULL, 
    pages INTEGER, 
    CONSTRAINT pk_books PRIMARY KEY (id), 
    CONSTRAINT uq_books_isbn_title UNIQUE (isbn, title), 
    CONSTRAINT fk_books_author_id_authors FOREIGN KEY(author_id) REFERENCES authors (id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_books (id, author_id, isbn, title, pages) SELECT books.id, books.author_id, books.isbn, books.title, books.pages FROM books;

DROP TABLE books;

ALTER TABLE _alembic_tmp_books RENAME TO books;

CREATE INDEX ix_books_title ON books (title);

ALTER TABLE books DROP COLUMN pages;

UPDATE schema_versions SET version_num='0002' WHERE schema_versions.version_num = '0003';

COMMIT;

BEGIN;

-- Running downgrade 0002 -> 0001

CREATE TABLE _alembic_tmp_authors (
    id INTEGER NOT NULL, 
    email VARCHAR(200) NOT NULL, 
    age INTEGER, 
    CONSTRAINT pk_authors PRIMARY KEY (id), 
    CONSTRAINT ck_authors_age_positive CHECK (age > 0), 
    CONSTRAINT uq_authors_email UNIQUE (email)
);

INSERT INTO _alembic_tmp_authors (id, email, age) SELECT authors.id, authors.email, authors.age FROM authors;

DROP TABLE authors;

ALTER TABLE _alembic_tmp_authors RENAME TO authors;

COMMIT;

DROP INDEX ix_books_title;

BEGIN;

UPDATE schema_versions SET version_num='0001' WHERE schema_versions.version_num = '0002';

COMMIT;

BEGIN;

-- Running downgrade 0001 -> 

DROP TABLE books;

DROP TABLE authors;

DELETE FROM schema_versions WHERE schema_versions.version_num = '0001';

COMMIT;

