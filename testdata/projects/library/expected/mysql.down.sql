-- Running downgrade 0003 -> 0002

ALTER TABLE lendings RENAME TO loans;

ALTER TABLE books ADD COLUMN added DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE books DROP COLUMN pages;

ALTER TABLE loans DROP CHECK ck_loans_due;

ALTER TABLE members DROP COLUMN phone;

ALTER TABLE members CHANGE full_name name VARCHAR(100) NOT NULL DEFAULT 'anonymous';

ALTER TABLE members ALTER COLUMN name DROP DEFAULT;

ALTER TABLE books MODIFY title VARCHAR(200) NOT NULL;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

DROP TABLE loans;

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

-- Running downgrade 0001 -> 

DROP TABLE books;

DROP TABLE members;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

