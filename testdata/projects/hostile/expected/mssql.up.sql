BEGIN TRANSACTION;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

GO

-- Running upgrade  -> 0001

CREATE TABLE canary (
    id INTEGER NOT NULL, 
    note VARCHAR(100) NULL, 
    PRIMARY KEY (id)
);

GO

INSERT INTO canary (id, note) VALUES (1, 'still here');

GO

CREATE TABLE [select] (
    [order] INTEGER NOT NULL, 
    [user] VARCHAR(100) NOT NULL DEFAULT 'it''s', 
    [MixedCase] VARCHAR(100) NULL DEFAULT 'C:\new\table\', 
    [two words] VARCHAR(100) NULL DEFAULT '$$ not $tag$ a dollar quote $$', 
    [back`tick] VARCHAR(100) NULL DEFAULT '--not a comment', 
    [br]]ack[et] VARCHAR(100) NULL DEFAULT '/* not a comment */', 
    [semi;colon] VARCHAR(100) NULL DEFAULT '; DROP TABLE canary; --', 
    [dash--dash] VARCHAR(100) NULL DEFAULT '\''', 
    [slash/*star] VARCHAR(100) NULL DEFAULT 'x''); DROP TABLE canary; --', 
    [café] NVARCHAR(100) NULL DEFAULT 'naïve – ünïcödé ✓', 
    [日本] NVARCHAR(100) NULL, 
    [group] VARCHAR(100) NULL DEFAULT 'tab	and bell', 
    mood VARCHAR(4) NULL, 
    [x]]; DROP TABLE canary; --] INTEGER NULL DEFAULT 0, 
    PRIMARY KEY ([order])
);

GO

EXEC sp_addextendedproperty 'MS_Description', N'O''Reilly\; DROP TABLE canary; --', 'schema', N'dbo', 'table', N'select';

GO

EXEC sp_addextendedproperty 'MS_Description', N'it''s a \ comment; -- */', 'schema', N'dbo', 'table', N'select', 'column', N'日本';

GO

CREATE INDEX [from; DROP TABLE canary] ON [select] ([user], [two words]);

GO

ALTER TABLE [select] ADD CONSTRAINT [ck; --] CHECK (mood is null or mood <> '; --');

GO

INSERT INTO [select] ([order], [user], [MixedCase], [semi;colon], mood) VALUES (1, 'a''b', '\', 'c:\\x\', 'it''s');

GO

INSERT INTO [select] ([order], [user], [MixedCase], [semi;colon], mood) VALUES (2, '$$', '\''', '%s %(x)s :name ? @p', 'a\b');

GO

INSERT INTO alembic_version (version_num) OUTPUT inserted.version_num VALUES ('0001');

GO

-- Running upgrade 0001 -> 0002

EXEC sp_rename '[select]', [drop 'table'];

GO

EXEC sp_rename '[drop ''table''].[MixedCase]', [it's; --], 'COLUMN';

GO

ALTER TABLE [drop 'table'] ALTER COLUMN [user] VARCHAR(200) NOT NULL;

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('[drop ''table'']')
and col_name(parent_object_id, parent_column_id) = 'user'
exec('alter table [drop ''table''] drop constraint ' + @const_name);

GO

ALTER TABLE [drop 'table'] ADD DEFAULT 'new''default\' FOR [user];

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('[drop ''table'']')
and col_name(parent_object_id, parent_column_id) = 'x]; DROP TABLE canary; --'
exec('alter table [drop ''table''] drop constraint ' + @const_name);

GO

ALTER TABLE [drop 'table'] DROP COLUMN [x]]; DROP TABLE canary; --];

GO

ALTER TABLE [drop 'table'] DROP CONSTRAINT [ck; --];

GO

DROP INDEX [from; DROP TABLE canary] ON [drop 'table'];

GO

EXEC sp_updateextendedproperty 'MS_Description', N'changed: it''s \', 'schema', N'dbo', 'table', N'drop ''table''', 'column', N'日本';

GO

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

GO

COMMIT;

GO

