BEGIN TRANSACTION;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

GO

-- Running upgrade  -> 0001

CREATE TABLE categories (
    id INTEGER NOT NULL IDENTITY, 
    slug VARCHAR(50) NOT NULL, 
    name VARCHAR(100) NOT NULL, 
    parent_id INTEGER NULL, 
    sort_order SMALLINT NOT NULL DEFAULT 0, 
    PRIMARY KEY (id), 
    UNIQUE (slug), 
    FOREIGN KEY(parent_id) REFERENCES categories (id) ON DELETE SET NULL
);

GO

EXEC sp_addextendedproperty 'MS_Description', N'Product categories; a category may sit inside another', 'schema', N'dbo', 'table', N'categories';

GO

CREATE TABLE products (
    id INTEGER NOT NULL IDENTITY, 
    category_id INTEGER NOT NULL, 
    name VARCHAR(120) NOT NULL, 
    description VARCHAR(max) NULL, 
    price NUMERIC(10, 2) NOT NULL CHECK (price >= 0), 
    active BIT NOT NULL DEFAULT 1, 
    created_at DATETIMEOFFSET NOT NULL DEFAULT CURRENT_TIMESTAMP, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_products_category FOREIGN KEY(category_id) REFERENCES categories (id) ON DELETE RESTRICT
);

GO

CREATE INDEX ix_products_category ON products (category_id);

GO

CREATE INDEX ix_products_active_price ON products (active, price DESC);

GO

INSERT INTO categories (slug, name, sort_order) VALUES ('books', 'Books', 10);

GO

INSERT INTO categories (slug, name, sort_order) VALUES ('music', 'Music', 20);

GO

INSERT INTO categories (slug, name, sort_order) VALUES ('toys', 'Toys & games', 30);

GO

INSERT INTO categories (slug, name, parent_id, sort_order)
        SELECT 'kids-books', 'Children''s books', id, 11 FROM categories WHERE slug = 'books';

GO

INSERT INTO alembic_version (version_num) OUTPUT inserted.version_num VALUES ('0001');

GO

-- Running upgrade 0001 -> 0002

CREATE TABLE customers (
    id INTEGER NOT NULL IDENTITY, 
    email VARCHAR(255) NOT NULL, 
    full_name VARCHAR(200) NOT NULL, 
    phone VARCHAR(32) NULL, 
    marketing_opt_in BIT NOT NULL DEFAULT 0, 
    created_at DATETIMEOFFSET NOT NULL DEFAULT CURRENT_TIMESTAMP, 
    PRIMARY KEY (id)
);

GO

CREATE UNIQUE INDEX uq_customers_email ON customers ((lower(email)));

GO

CREATE TABLE addresses (
    id INTEGER NOT NULL IDENTITY, 
    customer_id INTEGER NOT NULL, 
    line1 VARCHAR(200) NOT NULL, 
    line2 VARCHAR(200) NULL, 
    city VARCHAR(100) NOT NULL, 
    postal_code VARCHAR(20) NOT NULL, 
    country CHAR(2) NOT NULL DEFAULT 'US' CHECK (country = upper(country)), 
    is_default BIT NOT NULL DEFAULT 0, 
    PRIMARY KEY (id), 
    FOREIGN KEY(customer_id) REFERENCES customers (id) ON DELETE CASCADE
);

GO

CREATE INDEX ix_addresses_customer ON addresses (customer_id);

GO

EXEC sp_addextendedproperty 'MS_Description', N'Registered shoppers', 'schema', N'dbo', 'table', N'customers';

GO

EXEC sp_addextendedproperty 'MS_Description', N'Consent to marketing e-mail', 'schema', N'dbo', 'table', N'customers', 'column', N'marketing_opt_in';

GO

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

GO

-- Running upgrade 0002 -> 0003

CREATE TABLE orders (
    id BIGINT NOT NULL IDENTITY, 
    customer_id INTEGER NOT NULL, 
    status VARCHAR(9) NOT NULL DEFAULT 'pending', 
    total NUMERIC(10, 2) NOT NULL DEFAULT 0 CHECK (total >= 0), 
    placed_at DATETIMEOFFSET NOT NULL DEFAULT CURRENT_TIMESTAMP, 
    shipped_at DATETIMEOFFSET NULL, 
    note VARCHAR(max) NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_orders_customer FOREIGN KEY(customer_id) REFERENCES customers (id) ON DELETE RESTRICT ON UPDATE CASCADE, 
    CONSTRAINT ck_orders_shipped_after_placed CHECK (shipped_at is null or shipped_at >= placed_at)
);

GO

CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed_at DESC);

GO

CREATE TABLE order_items (
    order_id BIGINT NOT NULL, 
    product_id INTEGER NOT NULL, 
    quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0), 
    unit_price NUMERIC(10, 2) NOT NULL CHECK (unit_price >= 0), 
    CONSTRAINT pk_order_items PRIMARY KEY (order_id, product_id), 
    FOREIGN KEY(order_id) REFERENCES orders (id) ON DELETE CASCADE, 
    FOREIGN KEY(product_id) REFERENCES products (id)
);

GO

CREATE INDEX ix_order_items_product ON order_items (product_id);

GO

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

GO

-- Running upgrade 0003 -> 0004

ALTER TABLE products ADD sku VARCHAR(32) NULL;

GO

UPDATE products SET sku = 'SKU-' + RIGHT('000000' + CAST(id AS VARCHAR(6)), 6) WHERE sku IS NULL;

GO

ALTER TABLE products ALTER COLUMN sku VARCHAR(32) NOT NULL;

GO

CREATE UNIQUE INDEX uq_products_sku ON products (sku);

GO

ALTER TABLE products ALTER COLUMN name VARCHAR(200) NOT NULL;

GO

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0003';

GO

-- Running upgrade 0004 -> 0005

EXEC sp_rename 'customers.phone', phone_number, 'COLUMN';

GO

ALTER TABLE customers ALTER COLUMN phone_number VARCHAR(40) NULL;

GO

EXEC sp_addextendedproperty 'MS_Description', N'E.164 format, e.g. +14155550123', 'schema', N'dbo', 'table', N'customers', 'column', N'phone_number';

GO

ALTER TABLE customers ADD birth_date DATE NULL CHECK (birth_date > '1900-01-01');

GO

ALTER TABLE orders ALTER COLUMN note VARCHAR(500) NULL;

GO

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004';

GO

-- Running upgrade 0005 -> 0006

ALTER TABLE orders ADD shipping_address_id INTEGER NULL;

GO

ALTER TABLE orders ADD CONSTRAINT fk_orders_shipping_address FOREIGN KEY(shipping_address_id) REFERENCES addresses (id) ON DELETE SET NULL;

GO

CREATE INDEX ix_orders_shipping_address ON orders (shipping_address_id);

GO

CREATE VIEW order_totals AS
        SELECT o.id AS order_id, o.customer_id, sum(i.quantity * i.unit_price) AS items_total
          FROM orders o
          JOIN order_items i ON i.order_id = o.id
         GROUP BY o.id, o.customer_id;

GO

INSERT INTO categories (slug, name, sort_order) VALUES ('games', 'Video games', 40);

GO

INSERT INTO categories (slug, name, sort_order) VALUES ('gift-cards', 'Gift cards', 50);

GO

UPDATE alembic_version SET version_num='0006' WHERE alembic_version.version_num = '0005';

GO

COMMIT;

GO

