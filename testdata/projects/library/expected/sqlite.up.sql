BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE TABLE members (
    id INTEGER NOT NULL, 
    email VARCHAR(255) NOT NULL, 
    name VARCHAR(100) NOT NULL, 
    active BOOLEAN DEFAULT true NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

CREATE TABLE books (
    id INTEGER NOT NULL, 
    isbn CHAR(13) NOT NULL, 
    title VARCHAR(200) NOT NULL, 
    price NUMERIC(8, 2) DEFAULT 0 NOT NULL CHECK (price >= 0), 
    genre VARCHAR(6) DEFAULT 'novel' NOT NULL, 
    added DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (isbn)
);

INSERT INTO books (id, isbn, title, price, genre) VALUES (1, '9780000000001', 'O''Reilly''s guide', 12.50, 'essay');

INSERT INTO books (id, isbn, title, price, genre) VALUES (2, '9780000000002', 'A\B testing', 9.99, 'novel');

INSERT INTO alembic_version (version_num) VALUES ('0001');

-- Running upgrade 0001 -> 0002

CREATE TABLE loans (
    id INTEGER NOT NULL, 
    member_id INTEGER NOT NULL, 
    book_id INTEGER NOT NULL, 
    due DATE NOT NULL, 
    returned BOOLEAN DEFAULT false NOT NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_loans_book FOREIGN KEY(book_id) REFERENCES books (id), 
    FOREIGN KEY(member_id) REFERENCES members (id) ON DELETE CASCADE
);

CREATE INDEX ix_loans_member_due ON loans (member_id, due DESC);

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

-- Running upgrade 0002 -> 0003

CREATE TABLE _alembic_tmp_books (
    id INTEGER NOT NULL, 
    isbn CHAR(13) NOT NULL, 
    title VARCHAR(300) NOT NULL, 
    price NUMERIC(8, 2) DEFAULT 0 NOT NULL CHECK (price >= 0), 
    genre VARCHAR(6) DEFAULT 'novel' NOT NULL, 
    added DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (isbn)
);

INSERT INTO _alembic_tmp_books (id, isbn, title, price, genre, added) SELECT books.id, books.isbn, CAST(books.title AS VARCHAR(300)), books.price, books.genre, books.added FROM books;

DROP TABLE books;

ALTER TABLE _alembic_tmp_books RENAME TO books;

CREATE TABLE _alembic_tmp_members (
    id INTEGER NOT NULL, 
    email VARCHAR(255) NOT NULL, 
    name VARCHAR(100) DEFAULT 'anonymous' NOT NULL, 
    active BOOLEAN DEFAULT true NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

INSERT INTO _alembic_tmp_members (id, email, name, active) SELECT members.id, members.email, members.name, members.active FROM members;

DROP TABLE members;

ALTER TABLE _alembic_tmp_members RENAME TO members;

ALTER TABLE members RENAME name TO full_name;

ALTER TABLE members ADD COLUMN phone VARCHAR(32);

CREATE TABLE _alembic_tmp_loans (
    id INTEGER NOT NULL, 
    member_id INTEGER NOT NULL, 
    book_id INTEGER NOT NULL, 
    due DATE NOT NULL, 
    returned BOOLEAN DEFAULT false NOT NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_loans_book FOREIGN KEY(book_id) REFERENCES books (id), 
    FOREIGN KEY(member_id) REFERENCES members (id) ON DELETE CASCADE, 
    CONSTRAINT ck_loans_due CHECK (due > '2000-01-01')
);

INSERT INTO _alembic_tmp_loans (id, member_id, book_id, due, returned) SELECT loans.id, loans.member_id, loans.book_id, loans.due, loans.returned FROM loans;

DROP TABLE loans;

ALTER TABLE _alembic_tmp_loans RENAME TO loans;

CREATE INDEX ix_loans_member_due ON loans (member_id, due DESC);

ALTER TABLE books ADD COLUMN pages INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE books DROP COLUMN added;

ALTER TABLE loans RENAME TO lendings;

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

COMMIT;

