BEGIN;

-- Running downgrade 0006 -> 0005

DELETE FROM categories WHERE slug IN ('games', 'gift-cards');

DROP VIEW order_totals;

CREATE TABLE _alembic_tmp_orders (
    id BIGINT NOT NULL, 
    customer_id INTEGER NOT NULL, 
    status VARCHAR(9) DEFAULT 'pending' NOT NULL, 
    total NUMERIC(10, 2) DEFAULT 0 NOT NULL CHECK (total >= 0), 
    placed_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    shipped_at DATETIME, 
    note VARCHAR(500), 
    shipping_address_id INTEGER, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_orders_customer FOREIGN KEY(customer_id) REFERENCES customers (id) ON DELETE RESTRICT ON UPDATE CASCADE, 
    CONSTRAINT ck_orders_shipped_after_placed CHECK (shipped_at is null or shipped_at >= placed_at)
);

INSERT INTO _alembic_tmp_orders (id, customer_id, status, total, placed_at, shipped_at, note, shipping_address_id) SELECT orders.id, orders.customer_id, orders.status, orders.total, orders.placed_at, orders.shipped_at, orders.note, orders.shipping_address_id FROM orders;

DROP TABLE orders;

ALTER TABLE _alembic_tmp_orders RENAME TO orders;

CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed_at DESC);

CREATE INDEX ix_orders_pending ON orders (placed_at) WHERE status = 'pending';

CREATE INDEX ix_orders_shipping_address ON orders (shipping_address_id);

DROP INDEX ix_orders_shipping_address;

ALTER TABLE orders DROP COLUMN shipping_address_id;

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0006';

-- Running downgrade 0005 -> 0004

CREATE TABLE _alembic_tmp_orders (
    id BIGINT NOT NULL, 
    customer_id INTEGER NOT NULL, 
    status VARCHAR(9) DEFAULT 'pending' NOT NULL, 
    total NUMERIC(10, 2) DEFAULT 0 NOT NULL CHECK (total >= 0), 
    placed_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    shipped_at DATETIME, 
    note TEXT, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_orders_customer FOREIGN KEY(customer_id) REFERENCES customers (id) ON DELETE RESTRICT ON UPDATE CASCADE, 
    CONSTRAINT ck_orders_shipped_after_placed CHECK (shipped_at is null or shipped_at >= placed_at)
);

INSERT INTO _alembic_tmp_orders (id, customer_id, status, total, placed_at, shipped_at, note) SELECT orders.id, orders.customer_id, orders.status, orders.total, orders.placed_at, orders.shipped_at, CAST(orders.note AS TEXT) FROM orders;

DROP TABLE orders;

ALTER TABLE _alembic_tmp_orders RENAME TO orders;

CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed_at DESC);

CREATE INDEX ix_orders_pending ON orders (placed_at) WHERE status = 'pending';

CREATE TABLE _alembic_tmp_customers (
    id INTEGER NOT NULL, 
    email VARCHAR(255) NOT NULL, 
    full_name VARCHAR(200) NOT NULL, 
    phone_number VARCHAR(32), 
    marketing_opt_in BOOLEAN DEFAULT false NOT NULL, 
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id)
);

INSERT INTO _alembic_tmp_customers (id, email, full_name, phone_number, marketing_opt_in, created_at) SELECT customers.id, customers.email, customers.full_name, CAST(customers.phone_number AS VARCHAR(32)), customers.marketing_opt_in, customers.created_at FROM customers;

DROP TABLE customers;

ALTER TABLE _alembic_tmp_customers RENAME TO customers;

CREATE UNIQUE INDEX uq_customers_email ON customers ((lower(email)));

ALTER TABLE customers RENAME phone_number TO phone;

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005';

-- Running downgrade 0004 -> 0003

CREATE TABLE _alembic_tmp_products (
    id INTEGER NOT NULL, 
    category_id INTEGER NOT NULL, 
    name VARCHAR(120) NOT NULL, 
    description TEXT, 
    price NUMERIC(10, 2) NOT NULL CHECK (price >= 0), 
    active BOOLEAN DEFAULT true NOT NULL, 
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    sku VARCHAR(32) NOT NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_products_category FOREIGN KEY(category_id) REFERENCES categories (id) ON DELETE RESTRICT
);

INSERT INTO _alembic_tmp_products (id, category_id, name, description, price, active, created_at, sku) SELECT products.id, products.category_id, CAST(products.name AS VARCHAR(120)), products.description, products.price, products.active, products.created_at, products.sku FROM products;

DROP TABLE products;

ALTER TABLE _alembic_tmp_products RENAME TO products;

CREATE INDEX ix_products_active_price ON products (active, price DESC);

CREATE INDEX ix_products_category ON products (category_id);

CREATE UNIQUE INDEX uq_products_sku ON products (sku);

DROP INDEX uq_products_sku;

ALTER TABLE products DROP COLUMN sku;

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0004';

-- Running downgrade 0003 -> 0002

DROP TABLE order_items;

DROP INDEX ix_orders_pending;

DROP TABLE orders;

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0003';

-- Running downgrade 0002 -> 0001

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

