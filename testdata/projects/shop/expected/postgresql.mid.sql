BEGIN;

-- Running upgrade 0002 -> 0003

CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE orders (
    id BIGSERIAL NOT NULL, 
    customer_id INTEGER NOT NULL, 
    status order_status DEFAULT 'pending' NOT NULL, 
    total NUMERIC(10, 2) DEFAULT 0 NOT NULL CHECK (total >= 0), 
    placed_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    shipped_at TIMESTAMP WITH TIME ZONE, 
    note TEXT, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_orders_customer FOREIGN KEY(customer_id) REFERENCES customers (id) ON DELETE RESTRICT ON UPDATE CASCADE, 
    CONSTRAINT ck_orders_shipped_after_placed CHECK (shipped_at is null or shipped_at >= placed_at)
);

CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed_at DESC);

CREATE INDEX ix_orders_pending ON orders (placed_at) WHERE status = 'pending';

CREATE TABLE order_items (
    order_id BIGINT NOT NULL, 
    product_id INTEGER NOT NULL, 
    quantity INTEGER DEFAULT 1 NOT NULL CHECK (quantity > 0), 
    unit_price NUMERIC(10, 2) NOT NULL CHECK (unit_price >= 0), 
    CONSTRAINT pk_order_items PRIMARY KEY (order_id, product_id), 
    FOREIGN KEY(order_id) REFERENCES orders (id) ON DELETE CASCADE, 
    FOREIGN KEY(product_id) REFERENCES products (id)
);

CREATE INDEX ix_order_items_product ON order_items (product_id);

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

-- Running upgrade 0003 -> 0004

ALTER TABLE products ADD COLUMN sku VARCHAR(32);

UPDATE products SET sku = 'SKU-' || lpad(id::text, 6, '0') WHERE sku IS NULL;

ALTER TABLE products ALTER COLUMN sku SET NOT NULL;

CREATE UNIQUE INDEX uq_products_sku ON products (sku);

ALTER TABLE products ALTER COLUMN name TYPE VARCHAR(200);

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0003';

-- Running upgrade 0004 -> 0005

ALTER TABLE customers RENAME phone TO phone_number;

ALTER TABLE customers ALTER COLUMN phone_number TYPE VARCHAR(40);

COMMENT ON COLUMN customers.phone_number IS 'E.164 format, e.g. +14155550123';

ALTER TABLE customers ADD COLUMN birth_date DATE CHECK (birth_date > '1900-01-01');

ALTER TABLE orders ALTER COLUMN note TYPE VARCHAR(500) USING left(note, 500);

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004';

-- Running upgrade 0005 -> 0006

ALTER TABLE orders ADD COLUMN shipping_address_id INTEGER;

ALTER TABLE orders ADD CONSTRAINT fk_orders_shipping_address FOREIGN KEY(shipping_address_id) REFERENCES addresses (id) ON DELETE SET NULL;

CREATE INDEX ix_orders_shipping_address ON orders (shipping_address_id);

CREATE VIEW order_totals AS
        SELECT o.id AS order_id, o.customer_id, sum(i.quantity * i.unit_price) AS items_total
          FROM orders o
          JOIN order_items i ON i.order_id = o.id
         GROUP BY o.id, o.customer_id;

INSERT INTO categories (slug, name, sort_order) VALUES ('games', 'Video games', 40);

INSERT INTO categories (slug, name, sort_order) VALUES ('gift-cards', 'Gift cards', 50);

UPDATE alembic_version SET version_num='0006' WHERE alembic_version.version_num = '0005';

COMMIT;

