BEGIN;

-- Running downgrade 0003 -> 0002

DELETE FROM canary WHERE id = 2;

ALTER TABLE canary DROP COLUMN "say ""hi""";

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

COMMENT ON COLUMN "drop 'table'"."日本" IS 'it''s a \ comment; -- */';

CREATE INDEX "from; DROP TABLE canary" ON "drop 'table'" ("user", "two words");

ALTER TABLE "drop 'table'" ADD CONSTRAINT "ck; --" CHECK (mood is null or mood <> '; --');

ALTER TABLE "drop 'table'" ADD COLUMN "x]; DROP TABLE canary; --" INTEGER DEFAULT 0;

ALTER TABLE "drop 'table'" ALTER COLUMN "user" TYPE VARCHAR(100);

ALTER TABLE "drop 'table'" ALTER COLUMN "user" SET DEFAULT 'it''s';

ALTER TABLE "drop 'table'" RENAME "it's; --" TO "MixedCase";

ALTER TABLE "drop 'table'" RENAME TO "select";

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

-- Running downgrade 0001 -> 

DROP TABLE "select";

DROP TYPE mood;

DROP TABLE canary;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

COMMIT;

