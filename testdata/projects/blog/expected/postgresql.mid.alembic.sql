BEGIN;

-- Running upgrade 0002 -> 0003

ALTER TABLE users ADD COLUMN age INTEGER;

ALTER TABLE users RENAME name TO full_name;

ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(320);

ALTER TABLE users ALTER COLUMN email SET NOT NULL;

ALTER TABLE users ADD CONSTRAINT ck_users_age CHECK (age >= 0 and age < 200);

UPDATE users SET bio = 'O''Reilly' WHERE bio IS NULL;

ALTER TABLE users DROP COLUMN bio;

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

COMMIT;

