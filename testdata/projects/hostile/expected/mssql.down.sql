BEGIN TRANSACTION;

-- Running downgrade 0002 -> 0001

EXEC sp_updateextendedproperty 'MS_Description', N'it''s a \ comment; -- */', 'schema', N'dbo', 'table', N'drop ''table''', 'column', N'日本';

GO

CREATE INDEX [from; DROP TABLE canary] ON [drop 'table'] ([user], [two words]);

GO

ALTER TABLE [drop 'table'] ADD CONSTRAINT [ck; --] CHECK (mood is null or mood <> '; --');

GO

ALTER TABLE [drop 'table'] ADD [x]]; DROP TABLE canary; --] INTEGER NULL DEFAULT 0;

GO

ALTER TABLE [drop 'table'] ALTER COLUMN [user] VARCHAR(100) NOT NULL;

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('[drop ''table'']')
and col_name(parent_object_id, parent_column_id) = 'user'
exec('alter table [drop ''table''] drop constraint ' + @const_name);

GO

ALTER TABLE [drop 'table'] ADD DEFAULT 'it''s' FOR [user];

GO

EXEC sp_rename '[drop ''table''].[it''s; --]', [MixedCase], 'COLUMN';

GO

EXEC sp_rename '[drop ''table'']', [select];

GO

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

GO

-- Running downgrade 0001 -> 

DROP TABLE [select];

GO

DROP TABLE canary;

GO

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

GO

COMMIT;

GO

