BEGIN;

-- Running downgrade 0005 -> 0004

ALTER TABLE audit.events DROP COLUMN invoice_id;

DROP TABLE "Account Tags";

COMMENT ON TABLE tags IS NULL;

DROP INDEX ix_tags_color;

ALTER TABLE tags DROP CONSTRAINT uq_tags_label;

ALTER TABLE tags DROP CONSTRAINT pk_tags;

DROP TABLE tags;

COMMENT ON TABLE app.accounts IS 'Everyone who can sign in';

COMMENT ON COLUMN app.accounts.email IS 'Login, compared case-insensitively';

ALTER TABLE app.accounts ALTER COLUMN display_name DROP NOT NULL;

ALTER TABLE app.accounts ALTER COLUMN display_name DROP DEFAULT;

ALTER TABLE subscriptions ALTER COLUMN ends_on DROP DEFAULT;

UPDATE plans SET name = 'Team ''n'' Co' WHERE code = 'TEAM0001';

COMMENT ON COLUMN plans.code IS NULL;

ALTER TABLE plans DROP CONSTRAINT ck_plans_name;

ALTER TABLE plans ALTER COLUMN yearly_discount TYPE FLOAT;

ALTER TABLE plans ALTER COLUMN yearly_discount SET DEFAULT 0.15;

COMMENT ON COLUMN plans.yearly_discount IS NULL;

UPDATE invoices SET currency = 'EUR' WHERE currency IS NULL;

ALTER TABLE invoices ALTER COLUMN currency SET NOT NULL;

ALTER TABLE invoices ALTER COLUMN currency SET DEFAULT 'EUR';

ALTER TABLE invoices DROP CONSTRAINT fk_invoices_created_by;

ALTER TABLE invoices DROP COLUMN created_by;

ALTER TABLE invoices ADD CONSTRAINT uq_invoices_number UNIQUE (invoice_number);

COMMIT;

DROP INDEX CONCURRENTLY uq_invoices_invoice_number;

BEGIN;

ALTER TABLE invoices RENAME invoice_number TO number;

COMMENT ON COLUMN type_zoo.title IS 'Any script: 日本語, Ελληνικά';

ALTER TABLE type_zoo ADD COLUMN free VARCHAR;

ALTER TABLE type_zoo RENAME TO "Type Zoo";

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0005';

-- Running downgrade 0004 -> a1b2c3d4e5f6, b7c8d9e0f1a2

INSERT INTO alembic_version (version_num) VALUES ('a1b2c3d4e5f6') RETURNING alembic_version.version_num;

UPDATE alembic_version SET version_num='b7c8d9e0f1a2' WHERE alembic_version.version_num = '0004';

-- Running downgrade b7c8d9e0f1a2 -> 0001

DROP TABLE audit.login_attempts;

DROP TRIGGER invoices_audit ON invoices;

DROP TRIGGER accounts_audit ON app.accounts;

DROP FUNCTION audit.log_change();

DROP INDEX audit.ix_events_table_time;

DROP TABLE audit.events;

DROP SCHEMA audit;

DELETE FROM alembic_version WHERE alembic_version.version_num = 'b7c8d9e0f1a2';

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

DROP TABLE alembic_version;

COMMIT;

