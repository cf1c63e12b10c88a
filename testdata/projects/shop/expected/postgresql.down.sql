BEGIN;

-- Running downgrade 0006 -> 0005

DELETE FROM categories WHERE slug IN ('games', 'gift-cards');

DROP VIEW order_totals;

ALTER TABLE orders DROP CONSTRAINT fk_orders_shipping_address;

DROP INDEX ix_orders_shipping_address;

ALTER TABLE orders DROP COLUMN shipping_address_id;

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0006';

-- Running downgrade 0005 -> 0004

ALTER TABLE orders ALTER COLUMN note TYPE TEXT;

ALTER TABLE customers DROP COLUMN birth_date;

ALTER TABLE customers ALTER COLUMN phone_number TYPE VARCHAR(32);

COMMENT ON COLUMN customers.phone_number IS NULL;

ALTER TABLE customers RENAME phone_number TO phone;

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005';

-- Running downgrade 0004 -> 0003

ALTER TABLE products ALTER COLUMN name TYPE VARCHAR(120);

DROP INDEX uq_products_sku;

ALTER TABLE products DROP COLUMN sku;

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0004';

-- Running downgrade 0003 -> 0002

DROP TABLE order_items;

DROP INDEX ix_orders_pending;

DROP TABLE orders;

DROP TYPE order_status;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

COMMENT ON COLUMN customers.marketing_opt_in IS NULL;

COMMENT ON TABLE customers IS NULL;

DROP INDEX uq_addresses_one_default;

DROP TABLE addresses;

DROP INDEX uq_customers_email;

DROP TABLE customers;

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002';

-- Running downgrade 0001 -> 

DROP INDEX ix_products_active_price;

DROP TABLE products;

DROP TABLE categories;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

COMMIT;

