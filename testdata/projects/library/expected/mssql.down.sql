BEGIN TRANSACTION;

-- Running downgrade 0003 -> 0002

EXEC sp_rename 'lendings', loans;

GO

ALTER TABLE books ADD added DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP;

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('books')
and col_name(parent_object_id, parent_column_id) = 'pages'
exec('alter table books drop constraint ' + @const_name);

GO

ALTER TABLE books DROP COLUMN pages;

GO

ALTER TABLE loans DROP CONSTRAINT ck_loans_due;

GO

ALTER TABLE members DROP COLUMN phone;

GO

EXEC sp_rename 'members.full_name', name, 'COLUMN';

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.default_constraints
where parent_object_id = object_id('members')
and col_name(parent_object_id, parent_column_id) = 'name'
exec('alter table members drop constraint ' + @const_name);

GO

ALTER TABLE books ALTER COLUMN title VARCHAR(200) NOT NULL;

GO

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

GO

-- Running downgrade 0002 -> 0001

DROP TABLE loans;

GO

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

GO

-- Running downgrade 0001 -> 

DROP TABLE books;

GO

DROP TABLE members;

GO

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

GO

COMMIT;

GO

