BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE TABLE canary (
    id INTEGER NOT NULL, 
    note VARCHAR(100), 
    PRIMARY KEY (id)
);

INSERT INTO canary (id, note) VALUES (1, 'still here');

CREATE TYPE mood AS ENUM ('it''s', 'a\b', '; --');

CREATE TABLE "select" (
    "order" INTEGER NOT NULL, 
    "user" VARCHAR(100) DEFAULT 'it''s' NOT NULL, 
    "MixedCase" VARCHAR(100) DEFAULT 'C:\new\table\', 
    "two words" VARCHAR(100) DEFAULT '$$ not $tag$ a dollar quote $$', 
    "back`tick" VARCHAR(100) DEFAULT '--not a comment', 
    "br]ack[et" VARCHAR(100) DEFAULT '/* not a comment */', 
    "semi;colon" VARCHAR(100) DEFAULT '; DROP TABLE canary; --', 
    "dash--dash" VARCHAR(100) DEFAULT '\''', 
    "slash/*star" VARCHAR(100) DEFAULT 'x''); DROP TABLE canary; --', 
    "café" VARCHAR(100) DEFAULT 'naïve – ünïcödé ✓', 
    "日本" VARCHAR(100), 
    "group" VARCHAR(100) DEFAULT 'tab	and bell', 
    mood mood, 
    "x]; DROP TABLE canary; --" INTEGER DEFAULT 0, 
    PRIMARY KEY ("order")
);

COMMENT ON TABLE "select" IS 'O''Reilly\; DROP TABLE canary; --';

COMMENT ON COLUMN "select"."日本" IS 'it''s a \ comment; -- */';

CREATE INDEX "from; DROP TABLE canary" ON "select" ("user", "two words");

ALTER TABLE "select" ADD CONSTRAINT "ck; --" CHECK (mood is null or mood <> '; --');

INSERT INTO "select" ("order", "user", "MixedCase", "semi;colon", mood) VALUES (1, 'a''b', '\', 'c:\\x\', 'it''s');

INSERT INTO "select" ("order", "user", "MixedCase", "semi;colon", mood) VALUES (2, '$$', '\''', '%s %(x)s :name ? @p', 'a\b');

INSERT INTO alembic_version (version_num) VALUES ('0001') RETURNING alembic_version.version_num;

-- Running upgrade 0001 -> 0002

ALTER TABLE "select" RENAME TO "drop 'table'";

ALTER TABLE "drop 'table'" RENAME "MixedCase" TO "it's; --";

ALTER TABLE "drop 'table'" ALTER COLUMN "user" TYPE VARCHAR(200);

ALTER TABLE "drop 'table'" ALTER COLUMN "user" SET DEFAULT 'new''default\';

ALTER TABLE "drop 'table'" DROP COLUMN "x]; DROP TABLE canary; --";

ALTER TABLE "drop 'table'" DROP CONSTRAINT "ck; --";

DROP INDEX "from; DROP TABLE canary";

COMMENT ON COLUMN "drop 'table'"."日本" IS 'changed: it''s \';

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

-- Running upgrade 0002 -> 0003

ALTER TABLE canary ADD COLUMN "say ""hi""" VARCHAR(100) DEFAULT 'line one
GO
/

-- still the same string;';

INSERT INTO canary (id, note) VALUES (2, 'multi
line');

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

COMMIT;

