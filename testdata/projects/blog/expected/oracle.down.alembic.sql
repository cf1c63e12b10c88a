-- Running downgrade 0003 -> 0002

ALTER TABLE users ADD bio CLOB

/

ALTER TABLE users DROP CONSTRAINT ck_users_age

/

ALTER TABLE users MODIFY email VARCHAR2(255 CHAR)

/

ALTER TABLE users RENAME COLUMN full_name TO name

/

ALTER TABLE users DROP COLUMN age

/

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003'

/

-- Running downgrade 0002 -> 0001

DROP TABLE comments

/

DROP TABLE posts

/

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002'

/

-- Running downgrade 0001 -> 

DROP INDEX ix_users_email

/

DROP TABLE users

/

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001'

/

DROP TABLE alembic_version

/

