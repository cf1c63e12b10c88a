BEGIN TRANSACTION;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

GO

-- Running upgrade  -> 0001

CREATE TABLE members (
    id INTEGER NOT NULL IDENTITY, 
    email VARCHAR(255) NOT NULL, 
    name VARCHAR(100) NOT NULL, 
    active BIT NOT NULL DEFAULT true, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

GO

CREATE TABLE books (
    id INTEGER NOT NULL IDENTITY, 
    isbn CHAR(13) NOT NULL, 
    title VARCHAR(200) NOT NULL, 
    price NUMERIC(8, 2) NOT NULL DEFAULT 0 CHECK (price >= 0), 
    genre VARCHAR(6) NOT NULL DEFAULT 'novel', 
    added DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, 
    PRIMARY KEY (id), 
    UNIQUE (isbn)
);

GO

SET IDENTITY_INSERT books ON;

GO

INSERT INTO books (id, isbn, title, price, genre) VALUES (1, '9780000000001', 'O''Reilly''s guide', 12.50, 'essay');

GO

INSERT INTO books (id, isbn, title, price, genre) VALUES (2, '9780000000002', 'A\B testing', 9.99, 'novel');

GO

SET IDENTITY_INSERT books OFF;

GO

INSERT INTO alembic_version (version_num) OUTPUT inserted.version_num VALUES ('0001');

GO

-- Running upgrade 0001 -> 0002

CREATE TABLE loans (
    id INTEGER NOT NULL IDENTITY, 
    member_id INTEGER NOT NULL, 
    book_id INTEGER NOT NULL, 
    due DATETIME NOT NULL, 
    returned BIT NOT NULL DEFAULT false, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_loans_book FOREIGN KEY(book_id) REFERENCES books (id), 
    FOREIGN KEY(member_id) REFERENCES members (id) ON DELETE CASCADE
);

GO

CREATE INDEX ix_loans_member_due ON loans (member_id, due DESC);

GO

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

GO

-- Running upgrade 0002 -> 0003

ALTER TABLE books ALTER COLUMN title VARCHAR(300) NOT NULL;

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('members')
and col_name(parent_object_id, parent_column_id) = 'name'
exec('alter table members drop constraint ' + @const_name);

GO

ALTER TABLE members ADD DEFAULT 'anonymous' FOR name;

GO

EXEC sp_rename 'members.name', full_name, 'COLUMN';

GO

ALTER TABLE members ADD phone VARCHAR(32) NULL;

GO

ALTER TABLE loans ADD CONSTRAINT ck_loans_due CHECK (due > '2000-01-01');

GO

ALTER TABLE books ADD pages INTEGER NOT NULL DEFAULT 0;

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('books')
and col_name(parent_object_id, parent_column_id) = 'added'
exec('alter table books drop constraint ' + @const_name);

GO

ALTER TABLE books DROP COLUMN added;

GO

EXEC sp_rename 'loans', lendings;

GO

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

GO

COMMIT;

GO

