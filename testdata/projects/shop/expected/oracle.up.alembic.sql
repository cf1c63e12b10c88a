CREATE TABLE alembic_version (
    version_num VARCHAR2(32 CHAR) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
)

/

-- Running upgrade  -> 0001

CREATE TABLE categories (
    id INTEGER NOT NULL, 
    slug VARCHAR2(50 CHAR) NOT NULL, 
    name VARCHAR2(100 CHAR) NOT NULL, 
    parent_id INTEGER, 
    sort_order SMALLINT DEFAULT 0 NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (slug), 
    FOREIGN KEY(parent_id) REFERENCES categories (id) ON DELETE SET NULL
)

/

COMMENT ON TABLE categories IS 'Product categories; a category may sit inside another'

/

CREATE TABLE products (
    id INTEGER NOT NULL, 
    category_id INTEGER NOT NULL, 
    name VARCHAR2(120 CHAR) NOT NULL, 
    description CLOB, 
    price NUMERIC(10, 2) NOT NULL CHECK (price >= 0), 
    active SMALLINT DEFAULT true NOT NULL, 
    created_at DATE DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_products_category FOREIGN KEY(category_id) REFERENCES categories (id) ON DELETE RESTRICT
)

/

CREATE INDEX ix_products_category ON products (category_id)

/

CREATE INDEX ix_products_active_price ON products (active, price DESC)

/

INSERT INTO categories (slug, name, sort_order) VALUES ('books', 'Books', 10)

/

INSERT INTO categories (slug, name, sort_order) VALUES ('music', 'Music', 20)

/

INSERT INTO categories (slug, name, sort_order) VALUES ('toys', 'Toys & games', 30)

/

INSERT INTO categories (slug, name, parent_id, sort_order)
        SELECT 'kids-books', 'Children''s books', id, 11 FROM categories WHERE slug = 'books'

/

INSERT INTO alembic_version (version_num) VALUES ('0001')

/

-- Running upgrade 0001 -> 0002

CREATE TABLE customers (
    id INTEGER NOT NULL, 
    email VARCHAR2(255 CHAR) NOT NULL, 
    full_name VARCHAR2(200 CHAR) NOT NULL, 
    phone VARCHAR2(32 CHAR), 
    marketing_opt_in SMALLINT DEFAULT false NOT NULL, 
    created_at DATE DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id)
)

/

CREATE UNIQUE INDEX uq_customers_email ON customers ((lower(email)))

/

CREATE TABLE addresses (
    id INTEGER NOT NULL, 
    customer_id INTEGER NOT NULL, 
    line1 VARCHAR2(200 CHAR) NOT NULL, 
    line2 VARCHAR2(200 CHAR), 
    city VARCHAR2(100 CHAR) NOT NULL, 
    postal_code VARCHAR2(20 CHAR) NOT NULL, 
    country CHAR(2) DEFAULT 'US' NOT NULL CHECK (country = upper(country)), 
    is_default SMALLINT DEFAULT false NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(customer_id) REFERENCES customers (id) ON DELETE CASCADE
)

/

CREATE INDEX ix_addresses_customer ON addresses (customer_id)

/

COMMENT ON TABLE customers IS 'Registered shoppers'

/

COMMENT ON COLUMN customers.marketing_opt_in IS 'Consent to marketing e-mail'

/

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001'

/

-- Running upgrade 0002 -> 0003

CREATE TABLE orders (
    id NUMBER(19) NOT NULL, 
    customer_id INTEGER NOT NULL, 
    status VARCHAR(9 CHAR) DEFAULT 'pending' NOT NULL, 
    total NUMERIC(10, 2) DEFAULT 0 NOT NULL CHECK (total >= 0), 
    placed_at DATE DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    shipped_at DATE, 
    note CLOB, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_orders_customer FOREIGN KEY(customer_id) REFERENCES customers (id) ON DELETE RESTRICT, 
    CONSTRAINT ck_orders_shipped_after_placed CHECK (shipped_at is null or shipped_at >= placed_at)
)

/

CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed_at DESC)

/

CREATE TABLE order_items (
    order_id NUMBER(19) NOT NULL, 
    product_id INTEGER NOT NULL, 
    quantity INTEGER DEFAULT 1 NOT NULL CHECK (quantity > 0), 
    unit_price NUMERIC(10, 2) NOT NULL CHECK (unit_price >= 0), 
    CONSTRAINT pk_order_items PRIMARY KEY (order_id, product_id), 
    FOREIGN KEY(order_id) REFERENCES orders (id) ON DELETE CASCADE, 
    FOREIGN KEY(product_id) REFERENCES products (id)
)

/

CREATE INDEX ix_order_items_product ON order_items (product_id)

/

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002'

/

-- Running upgrade 0003 -> 0004

ALTER TABLE products ADD sku VARCHAR2(32 CHAR)

/

UPDATE products SET sku = 'SKU-' || LPAD(id, 6, '0') WHERE sku IS NULL

/

ALTER TABLE products MODIFY sku NOT NULL

/

CREATE UNIQUE INDEX uq_products_sku ON products (sku)

/

ALTER TABLE products MODIFY name VARCHAR2(200 CHAR)

/

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0003'

/

-- Running upgrade 0004 -> 0005

ALTER TABLE customers RENAME COLUMN phone TO phone_number

/

ALTER TABLE customers MODIFY phone_number VARCHAR2(40 CHAR)

/

COMMENT ON COLUMN customers.phone_number IS 'E.164 format, e.g. +14155550123'

/

ALTER TABLE customers ADD birth_date DATE

/

ALTER TABLE orders MODIFY note VARCHAR2(500 CHAR)

/

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004'

/

-- Running upgrade 0005 -> 0006

ALTER TABLE orders ADD shipping_address_id INTEGER

/

ALTER TABLE orders ADD CONSTRAINT fk_orders_shipping_address FOREIGN KEY(shipping_address_id) REFERENCES addresses (id) ON DELETE SET NULL

/

CREATE INDEX ix_orders_shipping_address ON orders (shipping_address_id)

/

CREATE VIEW order_totals AS
        SELECT o.id AS order_id, o.customer_id, sum(i.quantity * i.unit_price) AS items_total
          FROM orders o
          JOIN order_items i ON i.order_id = o.id
         GROUP BY o.id, o.customer_id

/

INSERT INTO categories (slug, name, sort_order) VALUES ('games', 'Video games', 40)

/

INSERT INTO categories (slug, name, sort_order) VALUES ('gift-cards', 'Gift cards', 50)

/

UPDATE alembic_version SET version_num='0006' WHERE alembic_version.version_num = '0005'

/

