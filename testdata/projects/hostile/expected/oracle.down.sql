-- Running downgrade 0002 -> 0001

COMMENT ON COLUMN "drop 'table'"."日本" IS 'it''s a \ comment; -- */'

/

CREATE INDEX "from; DROP TABLE canary" ON "drop 'table'" ("user", "two words")

/

ALTER TABLE "drop 'table'" ADD CONSTRAINT "ck; --" CHECK (mood is null or mood <> '; --')

/

ALTER TABLE "drop 'table'" ADD "x]; DROP TABLE canary; --" INTEGER DEFAULT 0

/

ALTER TABLE "drop 'table'" MODIFY "user" DEFAULT 'it''s'

/

ALTER TABLE "drop 'table'" MODIFY "user" VARCHAR2(100 CHAR)

/

ALTER TABLE "drop 'table'" RENAME COLUMN "it's; --" TO "MixedCase"

/

ALTER TABLE "drop 'table'" RENAME TO "select"

/

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002'

/

-- Running downgrade 0001 -> 

DROP TABLE "select"

/

DROP TABLE canary

/

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001'

/

