BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE TABLE users (
    id INTEGER NOT NULL, 
    email VARCHAR(255) NOT NULL, 
    name VARCHAR(100) NOT NULL, 
    bio TEXT, 
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

CREATE UNIQUE INDEX ix_users_email ON users (email);

INSERT INTO alembic_version (version_num) VALUES ('0001');

-- Running upgrade 0001 -> 0002

CREATE TABLE posts (
    id INTEGER NOT NULL, 
    author_id INTEGER NOT NULL, 
    title VARCHAR(200) NOT NULL, 
    body TEXT NOT NULL, 
    published BOOLEAN DEFAULT false NOT NULL, 
    published_at DATETIME, 
    PRIMARY KEY (id), 
    FOREIGN KEY(author_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_posts_author ON posts (author_id, published_at DESC);

CREATE TABLE comments (
    id BIGINT NOT NULL, 
    post_id INTEGER NOT NULL, 
    author_id INTEGER, 
    body TEXT NOT NULL, 
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_comments_post FOREIGN KEY(post_id) REFERENCES posts (id) ON DELETE CASCADE, 
    CONSTRAINT fk_comments_author FOREIGN KEY(author_id) REFERENCES users (id) ON DELETE SET NULL
);

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

-- Running upgrade 0002 -> 0003

ALTER TABLE users ADD COLUMN age INTEGER;

ALTER TABLE users RENAME name TO full_name;

CREATE TABLE _alembic_tmp_users (
    id INTEGER NOT NULL, 
    email VARCHAR(320) NOT NULL, 
    full_name VARCHAR(100) NOT NULL, 
    bio TEXT, 
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    age INTEGER, 
    PRIMARY KEY (id), 
    UNIQUE (email), 
    CONSTRAINT ck_users_age CHECK (age >= 0 and age < 200)
);

INSERT INTO _alembic_tmp_users (id, email, full_name, bio, created_at, age) SELECT users.id, CAST(users.email AS VARCHAR(320)), users.full_name, users.bio, users.created_at, users.age FROM users;

DROP TABLE users;

ALTER TABLE _alembic_tmp_users RENAME TO users;

CREATE UNIQUE INDEX ix_users_email ON users (email);

UPDATE users SET bio = 'O''Reilly' WHERE bio IS NULL;

ALTER TABLE users DROP COLUMN bio;

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

COMMIT;

