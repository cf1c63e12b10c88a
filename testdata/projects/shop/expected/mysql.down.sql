-- Running downgrade 0006 -> 0005

DELETE FROM categories WHERE slug IN ('games', 'gift-cards');

DROP VIEW order_totals;

ALTER TABLE orders DROP FOREIGN KEY fk_orders_shipping_address;

DROP INDEX ix_orders_shipping_address ON orders;

ALTER TABLE orders DROP COLUMN shipping_address_id;

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0006';

-- Running downgrade 0005 -> 0004

ALTER TABLE orders MODIFY note TEXT NULL;

ALTER TABLE customers DROP COLUMN birth_date;

ALTER TABLE customers MODIFY phone_number VARCHAR(32) NULL;

ALTER TABLE customers CHANGE phone_number phone VARCHAR(32) NULL;

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005';

-- Running downgrade 0004 -> 0003

ALTER TABLE products MODIFY name VARCHAR(120) NOT NULL;

DROP INDEX uq_products_sku ON products;

ALTER TABLE products DROP COLUMN sku;

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0004';

-- Running downgrade 0003 -> 0002

DROP TABLE order_items;

DROP TABLE orders;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

ALTER TABLE customers MODIFY marketing_opt_in BOOL NOT NULL DEFAULT false;

ALTER TABLE customers COMMENT '';

DROP TABLE addresses;

DROP INDEX uq_customers_email ON customers;

DROP TABLE customers;

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

-- Running downgrade 0001 -> 

DROP INDEX ix_products_active_price ON products;

DROP TABLE products;

DROP TABLE categories;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

