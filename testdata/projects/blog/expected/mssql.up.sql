BEGIN TRANSACTION;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

GO

-- Running upgrade  -> 0001

CREATE TABLE users (
    id INTEGER NOT NULL IDENTITY, 
    email VARCHAR(255) NOT NULL, 
    name VARCHAR(100) NOT NULL, 
    bio VARCHAR(max) NULL, 
    created_at DATETIMEOFFSET NOT NULL DEFAULT CURRENT_TIMESTAMP, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

GO

CREATE UNIQUE INDEX ix_users_email ON users (email);

GO

INSERT INTO alembic_version (version_num) OUTPUT inserted.version_num VALUES ('0001');

GO

-- Running upgrade 0001 -> 0002

CREATE TABLE posts (
    id INTEGER NOT NULL IDENTITY, 
    author_id INTEGER NOT NULL, 
    title VARCHAR(200) NOT NULL, 
    body VARCHAR(max) NOT NULL, 
    published BIT NOT NULL DEFAULT 0, 
    published_at DATETIME NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(author_id) REFERENCES users (id) ON DELETE CASCADE
);

GO

CREATE INDEX ix_posts_author ON posts (author_id, published_at DESC);

GO

CREATE TABLE comments (
    id BIGINT NOT NULL IDENTITY, 
    post_id INTEGER NOT NULL, 
    author_id INTEGER NULL, 
    body VARCHAR(max) NOT NULL, 
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_comments_post FOREIGN KEY(post_id) REFERENCES posts (id) ON DELETE CASCADE, 
    CONSTRAINT fk_comments_author FOREIGN KEY(author_id) REFERENCES users (id) ON DELETE SET NULL
);

GO

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

GO

-- Running upgrade 0002 -> 0003

ALTER TABLE users ADD age INTEGER NULL;

GO

EXEC sp_rename 'users.name', full_name, 'COLUMN';

GO

ALTER TABLE users ALTER COLUMN email VARCHAR(320) NOT NULL;

GO

ALTER TABLE users ADD CONSTRAINT ck_users_age CHECK (age >= 0 and age < 200);

GO

UPDATE users SET bio = 'O''Reilly' WHERE bio IS NULL;

GO

ALTER TABLE users DROP COLUMN bio;

GO

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

GO

COMMIT;

GO

