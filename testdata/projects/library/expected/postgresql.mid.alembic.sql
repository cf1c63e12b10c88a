BEGIN;

-- Running upgrade 0001 -> 0002

CREATE TABLE loans (
    id SERIAL NOT NULL, 
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

ALTER TABLE books ALTER COLUMN title TYPE VARCHAR(300);

ALTER TABLE members ALTER COLUMN name SET DEFAULT 'anonymous';

ALTER TABLE members RENAME name TO full_name;

ALTER TABLE members ADD COLUMN phone VARCHAR(32);

COMMENT ON COLUMN members.phone IS 'E.164';

ALTER TABLE loans ADD CONSTRAINT ck_loans_due CHECK (due > '2000-01-01');

ALTER TABLE books ADD COLUMN pages INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE books DROP COLUMN added;

ALTER TABLE loans RENAME TO lendings;

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

COMMIT;

