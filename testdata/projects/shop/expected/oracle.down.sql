-- Running downgrade 0006 -> 0005

DELETE FROM categories WHERE slug IN ('games', 'gift-cards')

/

DROP VIEW order_totals

/

ALTER TABLE orders DROP CONSTRAINT fk_orders_shipping_address

/

DROP INDEX ix_orders_shipping_address

/

ALTER TABLE orders DROP COLUMN shipping_address_id

/

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0006'

/

-- Running downgrade 0005 -> 0004

ALTER TABLE orders MODIFY note CLOB

/

ALTER TABLE customers DROP COLUMN birth_date

/

ALTER TABLE customers MODIFY phone_number VARCHAR2(32 CHAR)

/

COMMENT ON COLUMN customers.phone_number IS ''

/

ALTER TABLE customers RENAME COLUMN phone_number TO phone

/

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005'

/

-- Running downgrade 0004 -> 0003

ALTER TABLE products MODIFY name VARCHAR2(120 CHAR)

/

DROP INDEX uq_products_sku

/

ALTER TABLE products DROP COLUMN sku

/

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0004'

/

-- Running downgrade 0003 -> 0002

DROP TABLE order_items

/

DROP TABLE orders

/

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003'

/

-- Running downgrade 0002 -> 0001

COMMENT ON COLUMN customers.marketing_opt_in IS ''

/

COMMENT ON TABLE customers IS ''

/

DROP TABLE addresses

/

DROP INDEX uq_customers_email

/

DROP TABLE customers

/

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002'

/

-- Running downgrade 0001 -> 

DROP INDEX ix_products_active_price

/

DROP TABLE products

/

DROP TABLE categories

/

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001'

/

