BEGIN;

-- Running downgrade 0003 -> 0002

ALTER TABLE lendings RENAME TO loans;

CREATE TABLE _alembic_tmp_books (
    id INTEGER NOT NULL, 
    isbn CHAR(13) NOT NULL, 
    title VARCHAR(300) NOT NULL, 
    price NUMERIC(8, 2) DEFAULT 0 NOT NULL CHECK (price >= 0), 
    genre VARCHAR(6) DEFAULT 'novel' NOT NULL, 
    pages INTEGER DEFAULT 0 NOT NULL, 
    added DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (isbn)
);

INSERT INTO _alembic_tmp_books (id, isbn, title, price, genre, pages) SELECT books.id, books.isbn, books.title, books.price, books.genre, books.pages FROM books;

DROP TABLE books;

ALTER TABLE _alembic_tmp_books RENAME TO books;

ALTER TABLE books DROP COLUMN pages;

CREATE TABLE _alembic_tmp_loans (
    id INTEGER NOT NULL, 
    member_id INTEGER NOT NULL, 
    book_id INTEGER NOT NULL, 
    due DATE NOT NULL, 
    returned BOOLEAN DEFAULT false NOT NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_loans_book FOREIGN KEY(book_id) REFERENCES books (id), 
    FOREIGN KEY(member_id) REFERENCES members (id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_loans (id, member_id, book_id, due, returned) SELECT loans.id, loans.member_id, loans.book_id, loans.due, loans.returned FROM loans;

DROP TABLE loans;

ALTER TABLE _alembic_tmp_loans RENAME TO loans;

CREATE INDEX ix_loans_member_due ON loans (member_id, due DESC);

ALTER TABLE members DROP COLUMN phone;

ALTER TABLE members RENAME full_name TO name;

CREATE TABLE _alembic_tmp_members (
    id INTEGER NOT NULL, 
    email VARCHAR(255) NOT NULL, 
    name VARCHAR(100) NOT NULL, 
    active BOOLEAN DEFAULT true NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

INSERT INTO _alembic_tmp_members (id, email, name, active) SELECT members.id, members.email, members.name, members.active FROM members;

DROP TABLE members;

ALTER TABLE _alembic_tmp_members RENAME TO members;

CREATE TABLE _alembic_tmp_books (
    id INTEGER NOT NULL, 
    isbn CHAR(13) NOT NULL, 
    title VARCHAR(200) NOT NULL, 
    price NUMERIC(8, 2) DEFAULT 0 NOT NULL CHECK (price >= 0), 
    genre VARCHAR(6) DEFAULT 'novel' NOT NULL, 
    added DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (isbn)
);

INSERT INTO _alembic_tmp_books (id, isbn, title, price, genre, added) SELECT books.id, books.isbn, CAST(books.title AS VARCHAR(200)), books.price, books.genre, books.added FROM books;

DROP TABLE books;

ALTER TABLE _alembic_tmp_books RENAME TO books;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

DROP TABLE loans;

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

-- Running downgrade 0001 -> 

DROP TABLE books;

DROP TABLE members;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

COMMIT;

