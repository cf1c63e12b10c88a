BEGIN TRANSACTION;

-- Running downgrade 0006 -> 0005

DELETE FROM categories WHERE slug IN ('games', 'gift-cards');

GO

DROP VIEW order_totals;

GO

ALTER TABLE orders DROP CONSTRAINT fk_orders_shipping_address;

GO

DROP INDEX ix_orders_shipping_address ON orders;

GO

ALTER TABLE orders DROP COLUMN shipping_address_id;

GO

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0006';

GO

-- Running downgrade 0005 -> 0004

ALTER TABLE orders ALTER COLUMN note VARCHAR(max) NULL;

GO

declare @const_name varchar(256)
select @const_name = [name] from sys.check_constraints
where parent_object_id = object_id('customers')
and col_name(parent_object_id, parent_column_id) = 'birth_date'
exec('alter table customers drop constraint ' + @const_name);

GO

ALTER TABLE customers DROP COLUMN birth_date;

GO

ALTER TABLE customers ALTER COLUMN phone_number VARCHAR(32) NULL;

GO

EXEC sp_dropextendedproperty 'MS_Description', 'schema', N'dbo', 'table', N'customers', 'column', N'phone_number';

GO

EXEC sp_rename 'customers.phone_number', phone, 'COLUMN';

GO

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005';

GO

-- Running downgrade 0004 -> 0003

ALTER TABLE products ALTER COLUMN name VARCHAR(120) NOT NULL;

GO

DROP INDEX uq_products_sku ON products;

GO

ALTER TABLE products DROP COLUMN sku;

GO

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0004';

GO

-- Running downgrade 0003 -> 0002

DROP TABLE order_items;

GO

DROP TABLE orders;

GO

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

GO

-- Running downgrade 0002 -> 0001

EXEC sp_dropextendedproperty 'MS_Description', 'schema', N'dbo', 'table', N'customers', 'column', N'marketing_opt_in';

GO

EXEC sp_dropextendedproperty 'MS_Description', 'schema', N'dbo', 'table', N'customers';

GO

DROP TABLE addresses;

GO

DROP INDEX uq_customers_email ON customers;

GO

DROP TABLE customers;

GO

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

GO

-- Running downgrade 0001 -> 

DROP INDEX ix_products_active_price ON products;

GO

DROP TABLE products;

GO

DROP TABLE categories;

GO

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

GO

COMMIT;

GO

