BEGIN TRANSACTION;

-- Running downgrade 0003 -> 0002

ALTER TABLE users ADD bio VARCHAR(max) NULL;

GO

ALTER TABLE users DROP CONSTRAINT ck_users_age;

GO

ALTER TABLE users ALTER COLUMN email VARCHAR(255) NOT NULL;

GO

EXEC sp_rename 'users.full_name', name, 'COLUMN';

GO

ALTER TABLE users DROP COLUMN age;

GO

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

GO

-- Running downgrade 0002 -> 0001

DROP TABLE comments;

GO

DROP TABLE posts;

GO

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

GO

-- Running downgrade 0001 -> 

DROP INDEX ix_users_email ON users;

GO

DROP TABLE users;

GO

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

GO

COMMIT;

GO

