CREATE TABLE alembic_version (
    version_num VARCHAR2(32 CHAR) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
)

/

-- Running upgrade  -> 0001

CREATE TABLE canary (
    id INTEGER NOT NULL, 
    note VARCHAR2(100 CHAR), 
    PRIMARY KEY (id)
)

/

INSERT INTO canary (id, note) VALUES (1, 'still here')

/

CREATE TABLE "select" (
    "order" INTEGER NOT NULL, 
    "user" VARCHAR2(100 CHAR) DEFAULT 'it''s' NOT NULL, 
    "MixedCase" VARCHAR2(100 CHAR) DEFAULT 'C:\new\table\', 
    "two words" VARCHAR2(100 CHAR) DEFAULT '$$ not $tag$ a dollar quote $$', 
    "back`tick" VARCHAR2(100 CHAR) DEFAULT '--not a comment', 
    "br]ack[et" VARCHAR2(100 CHAR) DEFAULT '/* not a comment */', 
    "semi;colon" VARCHAR2(100 CHAR) DEFAULT '; DROP TABLE canary; --', 
    "dash--dash" VARCHAR2(100 CHAR) DEFAULT '\''', 
    "slash/*star" VARCHAR2(100 CHAR) DEFAULT 'x''); DROP TABLE canary; --', 
    "café" VARCHAR2(100 CHAR) DEFAULT 'naïve – ünïcödé ✓', 
    "日本" VARCHAR2(100 CHAR), 
    "group" VARCHAR2(100 CHAR) DEFAULT 'tab	and bell', 
    mood VARCHAR2(4 CHAR), 
    "x]; DROP TABLE canary; --" INTEGER DEFAULT 0, 
    PRIMARY KEY ("order")
)

/

COMMENT ON TABLE "select" IS 'O''Reilly\; DROP TABLE canary; --'

/

COMMENT ON COLUMN "select"."日本" IS 'it''s a \ comment; -- */'

/

CREATE INDEX "from; DROP TABLE canary" ON "select" ("user", "two words")

/

ALTER TABLE "select" ADD CONSTRAINT "ck; --" CHECK (mood is null or mood <> '; --')

/

INSERT INTO "select" ("order", "user", "MixedCase", "semi;colon", mood) VALUES (1, 'a''b', '\', 'c:\\x\', 'it''s')

/

INSERT INTO "select" ("order", "user", "MixedCase", "semi;colon", mood) VALUES (2, '$$', '\''', '%s %(x)s :name ? @p', 'a\b')

/

INSERT INTO alembic_version (version_num) VALUES ('0001')

/

-- Running upgrade 0001 -> 0002

ALTER TABLE "select" RENAME TO "drop 'table'"

/

ALTER TABLE "drop 'table'" RENAME COLUMN "MixedCase" TO "it's; --"

/

ALTER TABLE "drop 'table'" MODIFY "user" DEFAULT 'new''default\'

/

ALTER TABLE "drop 'table'" MODIFY "user" VARCHAR2(200 CHAR)

/

ALTER TABLE "drop 'table'" DROP COLUMN "x]; DROP TABLE canary; --"

/

ALTER TABLE "drop 'table'" DROP CONSTRAINT "ck; --"

/

DROP INDEX "from; DROP TABLE canary"

/

COMMENT ON COLUMN "drop 'table'"."日本" IS 'changed: it''s \'

/

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001'

/

