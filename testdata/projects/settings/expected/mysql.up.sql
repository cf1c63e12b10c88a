CREATE TABLE schema_versions (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT schema_versions_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE TABLE authors (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    email VARCHAR(200) NOT NULL, 
    age INTEGER, 
    CONSTRAINT pk_authors PRIMARY KEY (id), 
    CONSTRAINT ck_authors_age_positive CHECK (age > 0), 
    CONSTRAINT uq_authors_email UNIQUE (email)
);

CREATE TABLE books (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    author_id INTEGER, 
    isbn VARCHAR(13), 
    title TEXT NOT NULL, 
    CONSTRAINT pk_books PRIMARY KEY (id), 
    CONSTRAINT uq_books_isbn_title UNIQUE (isbn, title), 
    CONSTRAINT fk_books_author_id_authors FOREIGN KEY(author_id) REFERENCES authors (id) ON DELETE CASCADE
);

INSERT INTO schema_versions (version_num) VALUES ('0001');

-- Running upgrade 0001 -> 0002

CREATE INDEX ix_books_title ON books (title);

ALTER TABLE authors DROP INDEX uq_authors_email;

ALTER TABLE authors ADD CONSTRAINT uq_authors_email_age UNIQUE (email, age);

UPDATE schema_versions SET version_num='0002' WHERE schema_versions.version_num = '0001';

-- Running upgrade 0002 -> 0003

ALTER TABLE books ADD COLUMN pages INTEGER;

ALTER TABLE books ADD CONSTRAINT ck_books_positive_pages CHECK (pages > 0);

ALTER TABLE authors DROP CHECK ck_authors_age_positive;

UPDATE schema_versions SET version_num='0003' WHERE schema_versions.version_num = '0002';

