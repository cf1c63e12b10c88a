-- Running downgrade 0003 -> 0002

DELETE FROM canary WHERE id = 2;

ALTER TABLE canary DROP COLUMN `say "hi"`;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

ALTER TABLE `drop 'table'` MODIFY `日本` VARCHAR(100) NULL COMMENT 'it''s a \\ comment; -- */';

CREATE INDEX `from; DROP TABLE canary` ON `drop 'table'` (user, `two words`);

ALTER TABLE `drop 'table'` ADD CONSTRAINT `ck; --` CHECK (mood is null or mood <> '; --');

ALTER TABLE `drop 'table'` ADD COLUMN `x]; DROP TABLE canary; --` INTEGER DEFAULT 0;

ALTER TABLE `drop 'table'` MODIFY user VARCHAR(100) NOT NULL DEFAULT 'it''s';

ALTER TABLE `drop 'table'` CHANGE `it's; --` `MixedCase` VARCHAR(100) NULL DEFAULT 'C:\\new\\table\\';

ALTER TABLE `drop 'table'` RENAME TO `select`;

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

-- Running downgrade 0001 -> 

DROP TABLE `select`;

DROP TABLE canary;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

