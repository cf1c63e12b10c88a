BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001

CREATE SCHEMA app;

CREATE TABLE app.accounts (
    id BIGSERIAL NOT NULL, 
    email VARCHAR(320) NOT NULL, 
    handle VARCHAR(30) NOT NULL CHECK (handle ~ '^[a-z0-9_]+$'), 
    display_name VARCHAR(100), 
    is_admin BOOLEAN DEFAULT false NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

COMMENT ON TABLE app.accounts IS 'Everyone who can sign in';

COMMENT ON COLUMN app.accounts.email IS 'Login, compared case-insensitively';

CREATE UNIQUE INDEX ix_accounts_email_lower ON app.accounts ((lower(email)));

CREATE TYPE mood AS ENUM ('happy', 'sad', 'it''s complicated');

CREATE TABLE "Type Zoo" (
    id INTEGER NOT NULL, 
    tiny SMALLINT DEFAULT -1 NOT NULL, 
    big BIGINT DEFAULT 9007199254740993, 
    flag BOOLEAN DEFAULT true NOT NULL, 
    "off" BOOLEAN DEFAULT false, 
    ratio FLOAT DEFAULT 0.5, 
    amount NUMERIC(12, 4) DEFAULT 3.25 NOT NULL, 
    code VARCHAR(8) DEFAULT 'A-1', 
    iso CHAR(3) DEFAULT 'EUR', 
    body TEXT DEFAULT 'O''Reilly', 
    title VARCHAR(120), 
    essay TEXT, 
    born DATE DEFAULT CURRENT_DATE, 
    wakes TIME WITHOUT TIME ZONE DEFAULT CURRENT_TIME, 
    seen TIMESTAMP WITHOUT TIME ZONE DEFAULT CURRENT_TIMESTAMP, 
    seen_tz TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    ttl INTERVAL DEFAULT '1 day'::interval, 
    blob BYTEA, 
    doc JSON DEFAULT '{"a": [1, 2]}'::json, 
    token UUID DEFAULT md5(random()::text)::uuid, 
    mood mood DEFAULT 'happy', 
    addr inet, 
    nothing TEXT DEFAULT NULL, 
    "Say ""Hi""" VARCHAR(20) DEFAULT 'hi', 
    free VARCHAR, 
    PRIMARY KEY (id)
);

COMMENT ON TABLE "Type Zoo" IS 'One column of every type';

COMMENT ON COLUMN "Type Zoo".title IS 'Any script: 日本語, Ελληνικά';

INSERT INTO "Type Zoo" (id, tiny, code, body, flag, mood, "Say ""Hi""") VALUES (1, -5, 'A-1', 'O''Reilly', true, 'it''s complicated', 'hello');

INSERT INTO "Type Zoo" (id, tiny, code, body, flag, mood, "Say ""Hi""") VALUES (2, 7, NULL, 'plain', false, 'sad', NULL);

INSERT INTO "Type Zoo" (id, tiny, code, body, flag, mood, "Say ""Hi""") VALUES (3, 0, 'Z-9', '', true, 'happy', 'hey');

INSERT INTO alembic_version (version_num) VALUES ('0001') RETURNING alembic_version.version_num;

-- Running upgrade 0001 -> a1b2c3d4e5f6

CREATE TABLE plans (
    code CHAR(8) NOT NULL, 
    name VARCHAR(80) NOT NULL, 
    monthly_price NUMERIC(8, 2) NOT NULL CHECK (monthly_price >= 0), 
    yearly_discount FLOAT DEFAULT 0.15 NOT NULL, 
    trial INTERVAL DEFAULT '14 days'::interval, 
    active BOOLEAN DEFAULT true NOT NULL, 
    PRIMARY KEY (code)
);

INSERT INTO plans (code, name, monthly_price) VALUES ('FREE0000', 'Free', 0);

INSERT INTO plans (code, name, monthly_price) VALUES ('PRO00001', 'Pro', 12.50);

INSERT INTO plans (code, name, monthly_price) VALUES ('TEAM0001', 'Team ''n'' Co', 49.99);

CREATE TABLE subscriptions (
    id BIGSERIAL NOT NULL, 
    account_id BIGINT NOT NULL, 
    plan_code CHAR(8) DEFAULT 'FREE0000' NOT NULL, 
    started_on DATE DEFAULT CURRENT_DATE NOT NULL, 
    ends_on DATE, 
    CONSTRAINT pk_subscriptions PRIMARY KEY (id), 
    CONSTRAINT fk_subscriptions_account FOREIGN KEY(account_id) REFERENCES app.accounts (id) ON DELETE CASCADE ON UPDATE CASCADE, 
    FOREIGN KEY(plan_code) REFERENCES plans (code) ON DELETE SET DEFAULT ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED, 
    CHECK (ends_on is null or ends_on > started_on)
);

CREATE TABLE invoices (
    id UUID DEFAULT md5(random()::text || clock_timestamp()::text)::uuid NOT NULL, 
    subscription_id BIGINT NOT NULL, 
    number VARCHAR(20) NOT NULL, 
    amount NUMERIC(10, 2) NOT NULL, 
    currency CHAR(3) DEFAULT 'EUR' NOT NULL, 
    issued_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    paid_at TIMESTAMP WITH TIME ZONE, 
    pdf BYTEA, 
    PRIMARY KEY (id), 
    CONSTRAINT uq_invoices_number UNIQUE (number), 
    CONSTRAINT ck_invoices_amount CHECK (amount >= 0), 
    FOREIGN KEY(subscription_id) REFERENCES subscriptions (id) ON DELETE RESTRICT
);

CREATE INDEX ix_invoices_unpaid ON invoices USING btree (issued_at DESC, subscription_id ASC) WHERE paid_at is null;

UPDATE alembic_version SET version_num='a1b2c3d4e5f6' WHERE alembic_version.version_num = '0001';

-- Running upgrade 0001 -> b7c8d9e0f1a2

CREATE SCHEMA audit;

CREATE TABLE audit.events (
    id BIGSERIAL NOT NULL, 
    occurred_at TIMESTAMP WITH TIME ZONE DEFAULT clock_timestamp() NOT NULL, 
    actor_id BIGINT, 
    table_name VARCHAR(63) NOT NULL, 
    action CHAR(1) NOT NULL CHECK (action in ('I', 'U', 'D')), 
    row_data JSON, 
    "Client Address" inet, 
    note VARCHAR(200) DEFAULT 'n/a' CHECK (note <> ''), 
    PRIMARY KEY (id), 
    FOREIGN KEY(actor_id) REFERENCES app.accounts (id) ON DELETE SET NULL ON UPDATE NO ACTION
);

CREATE INDEX ix_events_table_time ON audit.events (table_name, occurred_at DESC);

CREATE FUNCTION audit.log_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO audit.events (table_name, action, row_data)
            VALUES (TG_TABLE_NAME, left(TG_OP, 1),
                    CASE WHEN TG_OP = 'DELETE' THEN to_json(OLD) ELSE to_json(NEW) END);
            RETURN NULL;
        END
        $$;

CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON app.accounts
        FOR EACH ROW EXECUTE FUNCTION audit.log_change();

CREATE TRIGGER invoices_audit AFTER INSERT OR UPDATE OR DELETE ON invoices
        FOR EACH ROW EXECUTE FUNCTION audit.log_change();

CREATE TABLE audit.login_attempts (
            account_id bigint,
            attempted_at timestamptz NOT NULL DEFAULT now(),
            succeeded boolean NOT NULL
        ) PARTITION BY RANGE (attempted_at);

UPDATE alembic_version SET version_num='b7c8d9e0f1a2' WHERE alembic_version.version_num = 'a1b2c3d4e5f6';

-- Running upgrade a1b2c3d4e5f6, b7c8d9e0f1a2 -> 0004

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = 'b7c8d9e0f1a2';

-- Running upgrade 0004 -> 0005

ALTER TABLE "Type Zoo" RENAME TO type_zoo;

ALTER TABLE type_zoo DROP COLUMN free;

COMMENT ON COLUMN type_zoo.title IS NULL;

ALTER TABLE invoices RENAME number TO invoice_number;

COMMIT;

CREATE UNIQUE INDEX CONCURRENTLY uq_invoices_invoice_number ON invoices (invoice_number);

BEGIN;

ALTER TABLE invoices DROP CONSTRAINT uq_invoices_number;

ALTER TABLE invoices ADD COLUMN created_by BIGINT;

COMMENT ON COLUMN invoices.created_by IS 'Who issued it, if a person did';

ALTER TABLE invoices ADD CONSTRAINT fk_invoices_created_by FOREIGN KEY(created_by) REFERENCES app.accounts (id) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE invoices ALTER COLUMN currency DROP NOT NULL;

ALTER TABLE invoices ALTER COLUMN currency DROP DEFAULT;

ALTER TABLE plans ALTER COLUMN yearly_discount TYPE NUMERIC(4, 3) USING round(yearly_discount::numeric, 3);

ALTER TABLE plans ALTER COLUMN yearly_discount SET DEFAULT 0.150;

COMMENT ON COLUMN plans.yearly_discount IS 'Fraction off the yearly price';

ALTER TABLE plans ADD CONSTRAINT ck_plans_name CHECK (length(name) > 0);

COMMENT ON COLUMN plans.code IS 'Eight characters, e.g. ''PRO00001''';

UPDATE plans SET name = 'Team & Co' WHERE code = 'TEAM0001';

ALTER TABLE subscriptions ALTER COLUMN ends_on SET DEFAULT current_date + 365;

ALTER TABLE app.accounts ALTER COLUMN display_name SET NOT NULL;

ALTER TABLE app.accounts ALTER COLUMN display_name SET DEFAULT 'anonymous';

COMMENT ON COLUMN app.accounts.email IS NULL;

COMMENT ON TABLE app.accounts IS NULL;

CREATE TABLE tags (
    id INTEGER NOT NULL, 
    label VARCHAR(40) NOT NULL, 
    color CHAR(7) DEFAULT '#cccccc' CHECK (color ~ '^#[0-9a-f]{6}$')
);

ALTER TABLE tags ADD CONSTRAINT pk_tags PRIMARY KEY (id);

ALTER TABLE tags ADD CONSTRAINT uq_tags_label UNIQUE (label);

CREATE INDEX ix_tags_color ON tags USING hash (color);

COMMENT ON TABLE tags IS 'Free-form labels';

CREATE TABLE "Account Tags" (
    account_id BIGINT NOT NULL, 
    tag_id INTEGER NOT NULL, 
    "Tagged ""By""" VARCHAR(50), 
    tagged_at TIMESTAMP WITHOUT TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL, 
    PRIMARY KEY (account_id, tag_id), 
    UNIQUE (tag_id, account_id), 
    FOREIGN KEY(account_id) REFERENCES app.accounts (id) ON DELETE CASCADE DEFERRABLE, 
    FOREIGN KEY(tag_id) REFERENCES tags (id) ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY IMMEDIATE
);

ALTER TABLE audit.events ADD COLUMN invoice_id UUID;

ALTER TABLE audit.events ADD FOREIGN KEY(invoice_id) REFERENCES invoices (id) ON DELETE CASCADE;

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004';

-- Running upgrade 0005 -> 0006

DROP TABLE type_zoo;

ALTER TABLE plans DROP COLUMN trial;

INSERT INTO tags (id, label, color) VALUES (1, 'vip', '#ffd700');

INSERT INTO tags (id, label, color) VALUES (2, 'beta tester', NULL);

INSERT INTO tags (id, label, color) VALUES (3, 'O''Brien''s pick', '#00aa00');

UPDATE alembic_version SET version_num='0006' WHERE alembic_version.version_num = '0005';

COMMIT;

