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

CREATE TABLE "select" (
    "order" INTEGER NOT NULL, 
    user VARCHAR(100) DEFAULT 'it''s' NOT NULL, 
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
    mood VARCHAR(4), 
    "x]; DROP TABLE canary; --" INTEGER DEFAULT 0, 
    PRIMARY KEY ("order")
);

CREATE INDEX "from; DROP TABLE canary" ON "select" (user, "two words");

CREATE TABLE _alembic_tmp_select (
    "order" INTEGER NOT NULL, 
    user VARCHAR(100) DEFAULT 'it''s' NOT NULL, 
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
    mood VARCHAR(4), 
    "x]; DROP TABLE canary; --" INTEGER DEFAULT 0, 
    PRIMARY KEY ("order"), 
    CONSTRAINT "ck; --" CHECK (mood is null or mood <> '; --')
);

INSERT INTO _alembic_tmp_select ("order", user, "MixedCase", "two words", "back`tick", "br]ack[et", "semi;colon", "dash--dash", "slash/*star", "café", "日本", "group", mood, "x]; DROP TABLE canary; --") SELECT "select"."order", "select".user, "select"."MixedCase", "select"."two words", "select"."back`tick", "select"."br]ack[et", "select"."semi;colon", "select"."dash--dash", "select"."slash/*star", "select"."café", "select"."日本", "select"."group", "select".mood, "select"."x]; DROP TABLE canary; --" FROM "select";

DROP TABLE "select";

ALTER TABLE _alembic_tmp_select RENAME TO "select";

CREATE INDEX "from; DROP TABLE canary" ON "select" (user, "two words");

INSERT INTO "select" ("order", user, "MixedCase", "semi;colon", mood) VALUES (1, 'a''b', '\', 'c:\\x\', 'it''s');

INSERT INTO "select" ("order", user, "MixedCase", "semi;colon", mood) VALUES (2, '$$', '\''', '%s %(x)s :name ? @p', 'a\b');

INSERT INTO alembic_version (version_num) VALUES ('0001');

-- Running upgrade 0001 -> 0002

ALTER TABLE "select" RENAME TO "drop 'table'";

ALTER TABLE "drop 'table'" RENAME "MixedCase" TO "it's; --";

CREATE TABLE "_alembic_tmp_drop 'table'" (
    "order" INTEGER NOT NULL, 
    user VARCHAR(200) DEFAULT 'new''default\' NOT NULL, 
    "it's; --" VARCHAR(100) DEFAULT 'C:\new\table\', 
    "two words" VARCHAR(100) DEFAULT '$$ not $tag$ a dollar quote $$', 
    "back`tick" VARCHAR(100) DEFAULT '--not a comment', 
    "br]ack[et" VARCHAR(100) DEFAULT '/* not a comment */', 
    "semi;colon" VARCHAR(100) DEFAULT '; DROP TABLE canary; --', 
    "dash--dash" VARCHAR(100) DEFAULT '\''', 
    "slash/*star" VARCHAR(100) DEFAULT 'x''); DROP TABLE canary; --', 
    "café" VARCHAR(100) DEFAULT 'naïve – ünïcödé ✓', 
    "日本" VARCHAR(100), 
    "group" VARCHAR(100) DEFAULT 'tab	and bell', 
    mood VARCHAR(4), 
    "x]; DROP TABLE canary; --" INTEGER DEFAULT 0, 
    PRIMARY KEY ("order"), 
    CONSTRAINT "ck; --" CHECK (mood is null or mood <> '; --')
);

INSERT INTO "_alembic_tmp_drop 'table'" ("order", user, "it's; --", "two words", "back`tick", "br]ack[et", "semi;colon", "dash--dash", "slash/*star", "café", "日本", "group", mood, "x]; DROP TABLE canary; --") SELECT "drop 'table'"."order", CAST("drop 'table'".user AS VARCHAR(200)), "drop 'table'"."it's; --", "drop 'table'"."two words", "drop 'table'"."back`tick", "drop 'table'"."br]ack[et", "drop 'table'"."semi;colon", "drop 'table'"."dash--dash", "drop 'table'"."slash/*star", "drop 'table'"."café", "drop 'table'"."日本", "drop 'table'"."group", "drop 'table'".mood, "drop 'table'"."x]; DROP TABLE canary; --" FROM "drop 'table'";

DROP TABLE "drop 'table'";

ALTER TABLE "_alembic_tmp_drop 'table'" RENAME TO "drop 'table'";

CREATE INDEX "from; DROP TABLE canary" ON "drop 'table'" (user, "two words");

ALTER TABLE "drop 'table'" DROP COLUMN "x]; DROP TABLE canary; --";

CREATE TABLE "_alembic_tmp_drop 'table'" (
    "order" INTEGER NOT NULL, 
    user VARCHAR(200) DEFAULT 'new''default\' NOT NULL, 
    "it's; --" VARCHAR(100) DEFAULT 'C:\new\table\', 
    "two words" VARCHAR(100) DEFAULT '$$ not $tag$ a dollar quote $$', 
    "back`tick" VARCHAR(100) DEFAULT '--not a comment', 
    "br]ack[et" VARCHAR(100) DEFAULT '/* not a comment */', 
    "semi;colon" VARCHAR(100) DEFAULT '; DROP TABLE canary; --', 
    "dash--dash" VARCHAR(100) DEFAULT '\''', 
    "slash/*star" VARCHAR(100) DEFAULT 'x''); DROP TABLE canary; --', 
    "café" VARCHAR(100) DEFAULT 'naïve – ünïcödé ✓', 
    "日本" VARCHAR(100), 
    "group" VARCHAR(100) DEFAULT 'tab	and bell', 
    mood VARCHAR(4), 
    PRIMARY KEY ("order")
);

INSERT INTO "_alembic_tmp_drop 'table'" ("order", user, "it's; --", "two words", "back`tick", "br]ack[et", "semi;colon", "dash--dash", "slash/*star", "café", "日本", "group", mood) SELECT "drop 'table'"."order", "drop 'table'".user, "drop 'table'"."it's; --", "drop 'table'"."two words", "drop 'table'"."back`tick", "drop 'table'"."br]ack[et", "drop 'table'"."semi;colon", "drop 'table'"."dash--dash", "drop 'table'"."slash/*star", "drop 'table'"."café", "drop 'table'"."日本", "drop 'table'"."group", "drop 'table'".mood FROM "drop 'table'";

DROP TABLE "drop 'table'";

ALTER TABLE "_alembic_tmp_drop 'table'" RENAME TO "drop 'table'";

CREATE INDEX "from; DROP TABLE canary" ON "drop 'table'" (user, "two words");

DROP INDEX "from; DROP TABLE canary";

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

