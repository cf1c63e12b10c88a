BEGIN;

CREATE TABLE schema_versions (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT schema_versions_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE TABLE authors (
    id INTEGER NOT NULL, 
    email VARCHAR(200) NOT NULL, 
    age INTEGER, 
    CONSTRAINT pk_authors PRIMARY KEY (id), 
    CONSTRAINT ck_authors_age_positive CHECK (age > 0), 
    CONSTRAINT uq_authors_email UNIQUE (email)
);

CREATE TABLE books (
    id INTEGER NOT NULL, 
    author_id INTEGER, 
    isbn VARCHAR(13), 
    title TEXT NOT NULL, 
    CONSTRAINT pk_books PRIMARY KEY (id), 
    CONSTRAINT uq_books_isbn_title UNIQUE (isbn, title), 
    CONSTRAINT fk_books_author_id_authors FOREIGN KEY(author_id) REFERENCES authors (id) ON DELETE CASCADE
);

INSERT INTO schema_versions (version_num) VALUES ('0001');

COMMIT;

BEGIN;

-- Running upgrade 0001 -> 0002

COMMIT;

CREATE INDEX ix_books_title ON books (title);

BEGIN;

CREATE TABLE _alembic_tmp_authors (
    id INTEGER NOT NULL, 
    email VARCHAR(200) NOT NULL, 
    age INTEGER, 
    CONSTRAINT pk_authors PRIMARY KEY (id), 
    CONSTRAINT ck_authors_age_positive CHECK (age > 0), 
    CONSTRAINT uq_authors_email_age UNIQUE (email, age)
);

INSERT INTO _alembic_tmp_authors (id, email, age) SELECT authors.id, authors.email, authors.age FROM authors;

DROP TABLE authors;

ALTER TABLE _alembic_tmp_authors RENAME TO authors;

UPDATE schema_versions SET version_num='0002' WHERE schema_versions.version_num = '0001';

COMMIT;

BEGIN;

-- Running upgrade 0002 -> 0003

ALTER TABLE books ADD COLUMN pages INTEGER;

CREATE TABLE _alembic_tmp_books (
    id INTEGER NOT NULL, 
    author_id INTEGER, 
    isbn VARCHAR(13), 
    title TEXT NOT NULL, 
    pages INTEGER, 
    CONSTRAINT pk_books PRIMARY KEY (id), 
    CONSTRAINT uq_books_isbn_title UNIQUE (isbn, title), 
    CONSTRAINT fk_books_author_id_authors FOREIGN KEY(author_id) REFERENCES authors (id) ON DELETE CASCADE, 
    CONSTRAINT ck_books_positive_pages CHECK (pages > 0)
);

INSERT INTO _alembic_tmp_books (id, author_id, isbn, title, pages) SELECT books.id, books.author_id, books.isbn, books.title, books.pages FROM books;

DROP TABLE books;

ALTER TABLE _alembic_tmp_books RENAME TO books;

CREATE INDEX ix_books_title ON books (title);

CREATE TABLE _alembic_tmp_authors (
    id INTEGER NOT NULL, 
    email VARCHAR(200) NOT NULL, 
    age INTEGER, 
    CONSTRAINT pk_authors PRIMARY KEY (id), 
    CONSTRAINT uq_authors_email_age UNIQUE (email, age)
);

INSERT INTO _alembic_tmp_authors (id, email, age) SELECT authors.id, authors.email, authors.age FROM authors;

DROP TABLE authors;

ALTER TABLE _alembic_tmp_authors RENAME TO authors;

UPDATE schema_versions SET version_num='0003' WHERE schema_versions.version_num = '0002';

COMMIT;

