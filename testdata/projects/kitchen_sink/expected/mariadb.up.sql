error
testdata/projects/kitchen_sink/versions/0001_core.mig:21:5: error: create index ix_accounts_email_lower on mariadb: MariaDB has no expression indexes (index a generated column)
    create unique index ix_accounts_email_lower on app.accounts ((lower(email)));
    ^
testdata/projects/kitchen_sink/versions/0001_core.mig:23:5: error: column 'free' on mariadb: a VARCHAR needs a length
    create table "Type Zoo" (
    ^
testdata/projects/kitchen_sink/versions/0002_billing.mig:47:5: error: create index ix_invoices_unpaid on mariadb: MySQL has no partial indexes
    create index ix_invoices_unpaid on invoices using btree (issued_at desc, subscription_id asc) where (paid_at is null);
    ^
testdata/projects/kitchen_sink/versions/0005_reshape.mig:41:5: error: create index ix_tags_color on mariadb: 'using hash' is not a MySQL index method
    create index ix_tags_color on tags using hash (color);
    ^
