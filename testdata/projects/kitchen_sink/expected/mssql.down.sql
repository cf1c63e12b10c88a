BEGIN TRANSACTION;

-- Running downgrade 0005 -> 0004

declare @const_name varchar(256)
select @const_name = [name] from
sys.foreign_keys fk join sys.foreign_key_columns fkc
on fk.object_id=fkc.constraint_object_id
where fkc.parent_object_id = object_id('audit.events')
and col_name(fkc.parent_object_id, fkc.parent_column_id) = 'invoice_id'
exec('alter table audit.events drop constraint ' + @const_name);

GO

ALTER TABLE audit.events DROP COLUMN invoice_id;

GO

DROP TABLE [Account Tags];

GO

EXEC sp_dropextendedproperty 'MS_Description', 'schema', N'dbo', 'table', N'tags';

GO

DROP INDEX ix_tags_color ON tags;

GO

ALTER TABLE tags DROP CONSTRAINT uq_tags_label;

GO

ALTER TABLE tags DROP CONSTRAINT pk_tags;

GO

DROP TABLE tags;

GO

EXEC sp_addextendedproperty 'MS_Description', N'Everyone who can sign in', 'schema', N'app', 'table', N'accounts';

GO

EXEC sp_addextendedproperty 'MS_Description', N'Login, compared case-insensitively', 'schema', N'app', 'table', N'accounts', 'column', N'email';

GO

ALTER TABLE app.accounts ALTER COLUMN display_name NVARCHAR(100) NULL;

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('app.accounts')
and col_name(parent_object_id, parent_column_id) = 'display_name'
exec('alter table app.accounts drop constraint ' + @const_name);

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('subscriptions')
and col_name(parent_object_id, parent_column_id) = 'ends_on'
exec('alter table subscriptions drop constraint ' + @const_name);

GO

EXEC sp_dropextendedproperty 'MS_Description', 'schema', N'dbo', 'table', N'plans', 'column', N'code';

GO

ALTER TABLE plans DROP CONSTRAINT ck_plans_name;

GO

ALTER TABLE plans ALTER COLUMN yearly_discount FLOAT NOT NULL;

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('plans')
and col_name(parent_object_id, parent_column_id) = 'yearly_discount'
exec('alter table plans drop constraint ' + @const_name);

GO

ALTER TABLE plans ADD DEFAULT 0.15 FOR yearly_discount;

GO

EXEC sp_dropextendedproperty 'MS_Description', 'schema', N'dbo', 'table', N'plans', 'column', N'yearly_discount';

GO

UPDATE invoices SET currency = 'EUR' WHERE currency IS NULL;

GO

ALTER TABLE invoices ALTER COLUMN currency CHAR(3) NOT NULL;

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('invoices')
and col_name(parent_object_id, parent_column_id) = 'currency'
exec('alter table invoices drop constraint ' + @const_name);

GO

ALTER TABLE invoices ADD DEFAULT 'EUR' FOR currency;

GO

ALTER TABLE invoices DROP CONSTRAINT fk_invoices_created_by;

GO

ALTER TABLE invoices DROP COLUMN created_by;

GO

ALTER TABLE invoices ADD CONSTRAINT uq_invoices_number UNIQUE (invoice_number);

GO

COMMIT;

GO

DROP INDEX uq_invoices_invoice_number ON invoices;

GO

BEGIN TRANSACTION;

EXEC sp_rename 'invoices.invoice_number', number, 'COLUMN';

GO

EXEC sp_addextendedproperty 'MS_Description', N'Any script: 日本語, Ελληνικά', 'schema', N'dbo', 'table', N'type_zoo', 'column', N'title';

GO

ALTER TABLE type_zoo ADD free VARCHAR(max) NULL;

GO

EXEC sp_rename 'type_zoo', [Type Zoo];

GO

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005';

GO

-- Running downgrade 0004 -> a1b2c3d4e5f6, b7c8d9e0f1a2

UPDATE alembic_version SET version_num='b7c8d9e0f1a2' WHERE alembic_version.version_num = '0004';

GO

-- Running downgrade b7c8d9e0f1a2 -> 0001

DROP TABLE audit.login_attempts;

GO

DROP FUNCTION audit.log_change();

GO

DROP INDEX ix_events_table_time ON audit.events;

GO

DROP TABLE audit.events;

GO

DROP SCHEMA audit;

GO

UPDATE alembic_version SET version_num='a1b2c3d4e5f6' WHERE alembic_version.version_num = 'b7c8d9e0f1a2';

GO

-- Running downgrade a1b2c3d4e5f6 -> 0001

DROP INDEX ix_invoices_unpaid ON invoices;

GO

DROP TABLE invoices;

GO

DROP TABLE subscriptions;

GO

DROP TABLE plans;

GO

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = 'a1b2c3d4e5f6';

GO

-- Running downgrade 0001 -> 

DROP TABLE [Type Zoo];

GO

DROP INDEX ix_accounts_email_lower ON app.accounts;

GO

DROP TABLE app.accounts;

GO

DROP SCHEMA app;

GO

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

GO

COMMIT;

GO

