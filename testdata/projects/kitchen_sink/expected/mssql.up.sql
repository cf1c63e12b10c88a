error
testdata/projects/kitchen_sink/versions/0002_billing.mig:47:5: error: create index ix_invoices_unpaid on mssql: 'using btree' is not a SQL Server index method
    create index ix_invoices_unpaid on invoices using btree (issued_at desc, subscription_id asc) where (paid_at is null);
    ^
testdata/projects/kitchen_sink/versions/0005_reshape.mig:41:5: error: create index ix_tags_color on mssql: 'using hash' is not a SQL Server index method
    create index ix_tags_color on tags using hash (color);
    ^
