BEGIN;

-- Running downgrade 0003 -> 0002

DELETE FROM canary WHERE id = 2;

ALTER TABLE canary DROP COLUMN "say ""hi""";

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

CREATE INDEX "from; DROP TABLE canary" ON "drop 'table'" (user, "two words");

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
    PRIMARY KEY ("order"), 
    CONSTRAINT "ck; --" CHECK (mood is null or mood <> '; --')
);

INSERT INTO "_alembic_tmp_drop 'table'" ("order", user, "it's; --", "two words", "back`tick", "br]ack[et", "semi;colon", "dash--dash", "slash/*star", "café", "日本", "group", mood) SELECT "drop 'table'"."order", "drop 'table'".user, "drop 'table'"."it's; --", "drop 'table'"."two words", "drop 'table'"."back`tick", "drop 'table'"."br]ack[et", "drop 'table'"."semi;colon", "drop 'table'"."dash--dash", "drop 'table'"."slash/*star", "drop 'table'"."café", "drop 'table'"."日本", "drop 'table'"."group", "drop 'table'".mood FROM "drop 'table'";

DROP TABLE "drop 'table'";

ALTER TABLE "_alembic_tmp_drop 'table'" RENAME TO "drop 'table'";

CREATE INDEX "from; DROP TABLE canary" ON "drop 'table'" (user, "two words");

ALTER TABLE "drop 'table'" ADD COLUMN "x]; DROP TABLE canary; --" INTEGER DEFAULT 0;

CREATE TABLE "_alembic_tmp_drop 'table'" (
    "order" INTEGER NOT NULL, 
    user VARCHAR(100) DEFAULT 'it''s' NOT NULL, 
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

INSERT INTO "_alembic_tmp_drop 'table'" ("order", user, "it's; --", "two words", "back`tick", "br]ack[et", "semi;colon", "dash--dash", "slash/*star", "café", "日本", "group", mood, "x]; DROP TABLE canary; --") SELECT "drop 'table'"."order", CAST("drop 'table'".user AS VARCHAR(100)), "drop 'table'"."it's; --", "drop 'table'"."two words", "drop 'table'"."back`tick", "drop 'table'"."br]ack[et", "drop 'table'"."semi;colon", "drop 'table'"."dash--dash", "drop 'table'"."slash/*star", "drop 'table'"."café", "drop 'table'"."日本", "drop 'table'"."group", "drop 'table'".mood, "drop 'table'"."x]; DROP TABLE canary; --" FROM "drop 'table'";

DROP TABLE "drop 'table'";

ALTER TABLE "_alembic_tmp_drop 'table'" RENAME TO "drop 'table'";

CREATE INDEX "from; DROP TABLE canary" ON "drop 'table'" (user, "two words");

ALTER TABLE "drop 'table'" RENAME "it's; --" TO "MixedCase";

ALTER TABLE "drop 'table'" RENAME TO "select";

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

-- Running downgrade 0001 -> 

DROP TABLE "select";

DROP TABLE canary;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

COMMIT;

