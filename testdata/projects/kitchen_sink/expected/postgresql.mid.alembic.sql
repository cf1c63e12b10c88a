BEGIN;

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

COMMIT;

