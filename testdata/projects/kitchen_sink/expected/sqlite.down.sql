BEGIN;

-- Running downgrade 0005 -> 0004

CREATE TABLE audit._alembic_tmp_events (
    id BIGINT NOT NULL, 
    occurred_at DATETIME DEFAULT (clock_timestamp()) NOT NULL, 
    actor_id BIGINT, 
    table_name VARCHAR(63) NOT NULL, 
    "action" CHAR(1) NOT NULL CHECK (action in ('I', 'U', 'D')), 
    row_data JSON, 
    "Client Address" inet, 
    note VARCHAR(200) DEFAULT 'n/a' CHECK (note <> ''), 
    PRIMARY KEY (id), 
    FOREIGN KEY(actor_id) REFERENCES app.accounts (id) ON DELETE SET NULL ON UPDATE NO ACTION
);

INSERT INTO audit._alembic_tmp_events (id, occurred_at, actor_id, table_name, "action", row_data, "Client Address", note) SELECT events.id, events.occurred_at, events.actor_id, events.table_name, events."action", events.row_data, events."Client Address", events.note FROM audit.events;

DROP TABLE audit.events;

ALTER TABLE audit._alembic_tmp_events RENAME TO events;

CREATE INDEX ix_events_table_time ON audit.events (table_name, occurred_at DESC);

DROP TABLE "Account Tags";

DROP INDEX ix_tags_color;

CREATE TABLE _alembic_tmp_tags (
    id INTEGER NOT NULL, 
    label VARCHAR(40) NOT NULL, 
    color CHAR(7) DEFAULT '#cccccc' CHECK (color ~ '^#[0-9a-f]{6}$')
);

INSERT INTO _alembic_tmp_tags (id, label, color) SELECT tags.id, tags.label, tags.color FROM tags;

DROP TABLE tags;

ALTER TABLE _alembic_tmp_tags RENAME TO tags;

DROP TABLE tags;

CREATE TABLE app._alembic_tmp_accounts (
    id BIGINT NOT NULL, 
    email VARCHAR(320) NOT NULL, 
    handle VARCHAR(30) NOT NULL CHECK (handle ~ '^[a-z0-9_]+$'), 
    display_name VARCHAR(100), 
    is_admin BOOLEAN DEFAULT false NOT NULL, 
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

INSERT INTO app._alembic_tmp_accounts (id, email, handle, display_name, is_admin, created_at) SELECT accounts.id, accounts.email, accounts.handle, accounts.display_name, accounts.is_admin, accounts.created_at FROM app.accounts;

DROP TABLE app.accounts;

ALTER TABLE app._alembic_tmp_accounts RENAME TO accounts;

CREATE UNIQUE INDEX ix_accounts_email_lower ON app.accounts ((lower(email)));

CREATE TABLE _alembic_tmp_subscriptions (
    id BIGINT NOT NULL, 
    account_id BIGINT NOT NULL, 
    plan_code CHAR(8) DEFAULT 'FREE0000' NOT NULL, 
    started_on DATE DEFAULT CURRENT_DATE NOT NULL, 
    ends_on DATE, 
    CONSTRAINT pk_subscriptions PRIMARY KEY (id), 
    CONSTRAINT fk_subscriptions_account FOREIGN KEY(account_id) REFERENCES app.accounts (id) ON DELETE CASCADE ON UPDATE CASCADE, 
    FOREIGN KEY(plan_code) REFERENCES plans (code) ON DELETE SET DEFAULT ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED, 
    CHECK (ends_on is null or ends_on > started_on)
);

INSERT INTO _alembic_tmp_subscriptions (id, account_id, plan_code, started_on, ends_on) SELECT subscriptions.id, subscriptions.account_id, subscriptions.plan_code, subscriptions.started_on, subscriptions.ends_on FROM subscriptions;

DROP TABLE subscriptions;

ALTER TABLE _alembic_tmp_subscriptions RENAME TO subscriptions;

UPDATE plans SET name = 'Team ''n'' Co' WHERE code = 'TEAM0001';

CREATE TABLE _alembic_tmp_plans (
    code CHAR(8) NOT NULL, 
    name VARCHAR(80) NOT NULL, 
    monthly_price NUMERIC(8, 2) NOT NULL CHECK (monthly_price >= 0), 
    yearly_discount FLOAT DEFAULT 0.15 NOT NULL, 
    trial DATETIME DEFAULT ('14 days'::interval), 
    active BOOLEAN DEFAULT true NOT NULL, 
    PRIMARY KEY (code)
);

INSERT INTO _alembic_tmp_plans (code, name, monthly_price, yearly_discount, trial, active) SELECT plans.code, plans.name, plans.monthly_price, CAST(plans.yearly_discount AS FLOAT), plans.trial, plans.active FROM plans;

DROP TABLE plans;

ALTER TABLE _alembic_tmp_plans RENAME TO plans;

UPDATE invoices SET currency = 'EUR' WHERE currency IS NULL;

CREATE TABLE _alembic_tmp_invoices (
    id CHAR(32) DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid) NOT NULL, 
    subscription_id BIGINT NOT NULL, 
    invoice_number VARCHAR(20) NOT NULL, 
    amount NUMERIC(10, 2) NOT NULL, 
    currency CHAR(3) DEFAULT 'EUR' NOT NULL, 
    issued_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    paid_at DATETIME, 
    pdf BLOB, 
    created_by BIGINT, 
    PRIMARY KEY (id), 
    CONSTRAINT ck_invoices_amount CHECK (amount >= 0), 
    FOREIGN KEY(subscription_id) REFERENCES subscriptions (id) ON DELETE RESTRICT
);

INSERT INTO _alembic_tmp_invoices (id, subscription_id, invoice_number, amount, currency, issued_at, paid_at, pdf, created_by) SELECT invoices.id, invoices.subscription_id, invoices.invoice_number, invoices.amount, invoices.currency, invoices.issued_at, invoices.paid_at, invoices.pdf, invoices.created_by FROM invoices;

DROP TABLE invoices;

ALTER TABLE _alembic_tmp_invoices RENAME TO invoices;

CREATE INDEX ix_invoices_unpaid ON invoices USING btree (issued_at DESC, subscription_id ASC) WHERE paid_at is null;

CREATE UNIQUE INDEX uq_invoices_invoice_number ON invoices (invoice_number);

ALTER TABLE invoices DROP COLUMN created_by;

CREATE TABLE _alembic_tmp_invoices (
    id CHAR(32) DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid) NOT NULL, 
    subscription_id BIGINT NOT NULL, 
    invoice_number VARCHAR(20) NOT NULL, 
    amount NUMERIC(10, 2) NOT NULL, 
    currency CHAR(3) DEFAULT 'EUR' NOT NULL, 
    issued_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    paid_at DATETIME, 
    pdf BLOB, 
    PRIMARY KEY (id), 
    CONSTRAINT ck_invoices_amount CHECK (amount >= 0), 
    FOREIGN KEY(subscription_id) REFERENCES subscriptions (id) ON DELETE RESTRICT, 
    CONSTRAINT uq_invoices_number UNIQUE (invoice_number)
);

INSERT INTO _alembic_tmp_invoices (id, subscription_id, invoice_number, amount, currency, issued_at, paid_at, pdf) SELECT invoices.id, invoices.subscription_id, invoices.invoice_number, invoices.amount, invoices.currency, invoices.issued_at, invoices.paid_at, invoices.pdf FROM invoices;

DROP TABLE invoices;

ALTER TABLE _alembic_tmp_invoices RENAME TO invoices;

CREATE INDEX ix_invoices_unpaid ON invoices USING btree (issued_at DESC, subscription_id ASC) WHERE paid_at is null;

CREATE UNIQUE INDEX uq_invoices_invoice_number ON invoices (invoice_number);

COMMIT;

DROP INDEX uq_invoices_invoice_number;

BEGIN;

ALTER TABLE invoices RENAME invoice_number TO number;

ALTER TABLE type_zoo ADD COLUMN free VARCHAR;

ALTER TABLE type_zoo RENAME TO "Type Zoo";

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005';

-- Running downgrade 0004 -> a1b2c3d4e5f6, b7c8d9e0f1a2

UPDATE alembic_version SET version_num='b7c8d9e0f1a2' WHERE alembic_version.version_num = '0004';

-- Running downgrade b7c8d9e0f1a2 -> 0001

DROP TABLE audit.login_attempts;

DROP FUNCTION audit.log_change();

DROP INDEX audit.ix_events_table_time;

DROP TABLE audit.events;

DROP SCHEMA audit;

UPDATE alembic_version SET version_num='a1b2c3d4e5f6' WHERE alembic_version.version_num = 'b7c8d9e0f1a2';

-- Running downgrade a1b2c3d4e5f6 -> 0001

DROP INDEX ix_invoices_unpaid;

DROP TABLE invoices;

DROP TABLE subscriptions;

DROP TABLE plans;

UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = 'a1b2c3d4e5f6';

-- Running downgrade 0001 -> 

DROP TABLE "Type Zoo";

DROP INDEX app.ix_accounts_email_lower;

DROP TABLE app.accounts;

DROP SCHEMA app;

DELETE FROM alembic_version WHERE alembic_version.version_num = '0001';

COMMIT;

