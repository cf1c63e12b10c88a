-- Running downgrade 0003 -> 0002

ALTER TABLE users ADD COLUMN bio TEXT;

ALTER TABLE users DROP CONSTRAINT ck_users_age;

ALTER TABLE users MODIFY email VARCHAR(255) NOT NULL;

ALTER TABLE users CHANGE full_name name VARCHAR(100) NOT NULL;

ALTER TABLE users DROP COLUMN age;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

DROP TABLE comments;

DROP TABLE posts;

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

-- Running downgrade 0001 -> 

DROP INDEX ix_users_email ON users;

DROP TABLE users;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

DROP TABLE alembic_version;

