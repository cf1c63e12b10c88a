CREATE TABLE alembic_version (
    version_num VARCHAR2(32 CHAR) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
)

/

-- Running upgrade  -> 0001

CREATE TABLE users (
    id INTEGER NOT NULL, 
    email VARCHAR2(255 CHAR) NOT NULL, 
    name VARCHAR2(100 CHAR) NOT NULL, 
    bio CLOB, 
    created_at DATE DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (email)
)

/

CREATE UNIQUE INDEX ix_users_email ON users (email)

/

INSERT INTO alembic_version (version_num) VALUES ('0001')

/

-- Running upgrade 0001 -> 0002

CREATE TABLE posts (
    id INTEGER NOT NULL, 
    author_id INTEGER NOT NULL, 
    title VARCHAR2(200 CHAR) NOT NULL, 
    body CLOB NOT NULL, 
    published SMALLINT DEFAULT false NOT NULL, 
    published_at DATE, 
    PRIMARY KEY (id), 
    FOREIGN KEY(author_id) REFERENCES users (id) ON DELETE CASCADE
)

/

CREATE INDEX ix_posts_author ON posts (author_id, published_at DESC)

/

CREATE TABLE comments (
    id NUMBER(19) NOT NULL, 
    post_id INTEGER NOT NULL, 
    author_id INTEGER, 
    body CLOB NOT NULL, 
    created_at DATE DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_comments_post FOREIGN KEY(post_id) REFERENCES posts (id) ON DELETE CASCADE, 
    CONSTRAINT fk_comments_author FOREIGN KEY(author_id) REFERENCES users (id) ON DELETE SET NULL
)

/

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001'

/

-- Running upgrade 0002 -> 0003

ALTER TABLE users ADD age INTEGER

/

ALTER TABLE users RENAME COLUMN name TO full_name

/

ALTER TABLE users MODIFY email NOT NULL

/

ALTER TABLE users MODIFY email VARCHAR2(320 CHAR)

/

ALTER TABLE users ADD CONSTRAINT ck_users_age CHECK (age >= 0 and age < 200)

/

UPDATE users SET bio = 'O''Reilly' WHERE bio IS NULL

/

ALTER TABLE users DROP COLUMN bio

/

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002'

/

