BEGIN;

-- Running downgrade 0003 -> 0002

ALTER TABLE users ADD COLUMN bio TEXT;

CREATE TABLE _alembic_tmp_users (
    id INTEGER NOT NULL, 
    email VARCHAR(255) NOT NULL, 
    full_name VARCHAR(100) NOT NULL, 
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    age INTEGER, 
    bio TEXT, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

INSERT INTO _alembic_tmp_users (id, email, full_name, created_at, age, bio) SELECT users.id, CAST(users.email AS VARCHAR(255)), users.full_name, users.created_at, users.age, users.bio FROM users;

DROP TABLE users;

ALTER TABLE _alembic_tmp_users RENAME TO users;

CREATE UNIQUE INDEX ix_users_email ON users (email);

ALTER TABLE users RENAME full_name TO name;

ALTER TABLE users DROP COLUMN age;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

DROP TABLE comments;

DROP TABLE posts;

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

-- Running downgrade 0001 -> 

DROP INDEX ix_users_email;

DROP TABLE users;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

COMMIT;

