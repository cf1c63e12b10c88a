CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE TABLE categories (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    slug VARCHAR(50) NOT NULL, 
    name VARCHAR(100) NOT NULL, 
    parent_id INTEGER, 
    sort_order SMALLINT NOT NULL DEFAULT 0, 
    PRIMARY KEY (id), 
    UNIQUE (slug), 
    FOREIGN KEY(parent_id) REFERENCES categories (id) ON DELETE SET NULL
)COMMENT='Product categories; a category may sit inside another';

CREATE TABLE products (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    category_id INTEGER NOT NULL, 
    name VARCHAR(120) NOT NULL, 
    description TEXT, 
    price NUMERIC(10, 2) NOT NULL CHECK (price >= 0), 
    active BOOL NOT NULL DEFAULT true, 
    created_at DATETIME NOT NULL DEFAULT now(), 
    PRIMARY KEY (id), 
    CONSTRAINT fk_products_category FOREIGN KEY(category_id) REFERENCES categories (id) ON DELETE RESTRICT
);

CREATE INDEX ix_products_category ON products (category_id);

CREATE INDEX ix_products_active_price ON products (active, price DESC);

INSERT INTO categories (slug, name, sort_order) VALUES ('books', 'Books', 10);

INSERT INTO categories (slug, name, sort_order) VALUES ('music', 'Music', 20);

INSERT INTO categories (slug, name, sort_order) VALUES ('toys', 'Toys & games', 30);

INSERT INTO categories (slug, name, parent_id, sort_order)
        SELECT 'kids-books', 'Children''s books', id, 11 FROM categories WHERE slug = 'books';

INSERT INTO alembic_version (version_num) VALUES ('0001');

-- Running upgrade 0001 -> 0002

CREATE TABLE customers (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    email VARCHAR(255) NOT NULL, 
    full_name VARCHAR(200) NOT NULL, 
    phone VARCHAR(32), 
    marketing_opt_in BOOL NOT NULL DEFAULT false, 
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, 
    PRIMARY KEY (id)
);

CREATE UNIQUE INDEX uq_customers_email ON customers (email);

CREATE TABLE addresses (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    customer_id INTEGER NOT NULL, 
    line1 VARCHAR(200) NOT NULL, 
    line2 VARCHAR(200), 
    city VARCHAR(100) NOT NULL, 
    postal_code VARCHAR(20) NOT NULL, 
    country CHAR(2) NOT NULL DEFAULT 'US' CHECK (country = upper(country)), 
    is_default BOOL NOT NULL DEFAULT false, 
    PRIMARY KEY (id), 
    FOREIGN KEY(customer_id) REFERENCES customers (id) ON DELETE CASCADE
);

CREATE INDEX ix_addresses_customer ON addresses (customer_id);

ALTER TABLE customers COMMENT 'Registered shoppers';

ALTER TABLE customers MODIFY marketing_opt_in BOOL NOT NULL DEFAULT false COMMENT 'Consent to marketing e-mail';

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

-- Running upgrade 0002 -> 0003

CREATE TABLE orders (
    id BIGINT NOT NULL AUTO_INCREMENT, 
    customer_id INTEGER NOT NULL, 
    status ENUM('pending','paid','shipped','cancelled') NOT NULL DEFAULT 'pending', 
    total NUMERIC(10, 2) NOT NULL DEFAULT 0 CHECK (total >= 0), 
    placed_at DATETIME NOT NULL DEFAULT now(), 
    shipped_at DATETIME, 
    note TEXT, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_orders_customer FOREIGN KEY(customer_id) REFERENCES customers (id) ON DELETE RESTRICT ON UPDATE CASCADE, 
    CONSTRAINT ck_orders_shipped_after_placed CHECK (shipped_at is null or shipped_at >= placed_at)
);

CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed_at DESC);

CREATE TABLE order_items (
    order_id BIGINT NOT NULL, 
    product_id INTEGER NOT NULL, 
    quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0), 
    unit_price NUMERIC(10, 2) NOT NULL CHECK (unit_price >= 0), 
    CONSTRAINT pk_order_items PRIMARY KEY (order_id, product_id), 
    FOREIGN KEY(order_id) REFERENCES orders (id) ON DELETE CASCADE, 
    FOREIGN KEY(product_id) REFERENCES products (id)
);

CREATE INDEX ix_order_items_product ON order_items (product_id);

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

-- Running upgrade 0003 -> 0004

ALTER TABLE products ADD COLUMN sku VARCHAR(32);

UPDATE products SET sku = CONCAT('SKU-', LPAD(id, 6, '0')) WHERE sku IS NULL;

ALTER TABLE products MODIFY sku VARCHAR(32) NOT NULL;

CREATE UNIQUE INDEX uq_products_sku ON products (sku);

ALTER TABLE products MODIFY name VARCHAR(200) NOT NULL;

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0003';

-- Running upgrade 0004 -> 0005

ALTER TABLE customers CHANGE phone phone_number VARCHAR(32) NULL;

ALTER TABLE customers MODIFY phone_number VARCHAR(40) NULL COMMENT 'E.164 format, e.g. +14155550123';

ALTER TABLE customers ADD COLUMN birth_date DATE CHECK (birth_date > '1900-01-01');

ALTER TABLE orders MODIFY note VARCHAR(500) NULL;

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

