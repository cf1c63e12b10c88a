CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE TABLE members (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    email VARCHAR(255) NOT NULL, 
    name VARCHAR(100) NOT NULL, 
    active BOOL NOT NULL DEFAULT true, 
    PRIMARY KEY (id), 
    UNIQUE (email)
)COMMENT='People who borrow';

CREATE TABLE books (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    isbn CHAR(13) NOT NULL, 
    title VARCHAR(200) NOT NULL, 
    price NUMERIC(8, 2) NOT NULL DEFAULT 0 CHECK (price >= 0), 
    genre ENUM('novel','poetry','essay') NOT NULL DEFAULT 'novel', 
    added DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, 
    PRIMARY KEY (id), 
    UNIQUE (isbn)
);

INSERT INTO books (id, isbn, title, price, genre) VALUES (1, '9780000000001', 'O''Reilly''s guide', 12.50, 'essay');

INSERT INTO books (id, isbn, title, price, genre) VALUES (2, '9780000000002', 'A\\B testing', 9.99, 'novel');

INSERT INTO alembic_version (version_num) VALUES ('0001');

-- Running upgrade 0001 -> 0002

CREATE TABLE loans (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    member_id INTEGER NOT NULL, 
    book_id INTEGER NOT NULL, 
    due DATE NOT NULL, 
    returned BOOL NOT NULL DEFAULT false, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_loans_book FOREIGN KEY(book_id) REFERENCES books (id), 
    FOREIGN KEY(member_id) REFERENCES members (id) ON DELETE CASCADE
);

CREATE INDEX ix_loans_member_due ON loans (member_id, due DESC);

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

-- Running upgrade 0002 -> 0003

ALTER TABLE books MODIFY title VARCHAR(300) NOT NULL;

ALTER TABLE members ALTER COLUMN name SET DEFAULT 'anonymous';

ALTER TABLE members CHANGE name full_name VARCHAR(100) NOT NULL DEFAULT 'anonymous';

ALTER TABLE members ADD COLUMN phone VARCHAR(32) COMMENT 'E.164';

ALTER TABLE loans ADD CONSTRAINT ck_loans_due CHECK (due > '2000-01-01');

ALTER TABLE books ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;

ALTER TABLE books DROP COLUMN added;

ALTER TABLE loans RENAME TO lendings;

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

