BEGIN;

-- Running downgrade 0003 -> 0002

ALTER TABLE lendings RENAME TO loans;

ALTER TABLE books ADD COLUMN added TIMESTAMP WITHOUT TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;

ALTER TABLE books DROP COLUMN pages;

ALTER TABLE loans DROP CONSTRAINT ck_loans_due;

ALTER TABLE members DROP COLUMN phone;

ALTER TABLE members RENAME full_name TO name;

ALTER TABLE members ALTER COLUMN name DROP DEFAULT;

ALTER TABLE books ALTER COLUMN title TYPE VARCHAR(200);

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

DROP TABLE loans;

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

-- Running downgrade 0001 -> 

DROP TABLE books;

DROP TYPE genre;

DROP TABLE members;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

COMMIT;

