error
testdata/projects/kitchen_sink/versions/0001_core.mig:23:5: error: column 'wakes' on oracle: Oracle has no TIME type
    create table "Type Zoo" (
    ^
testdata/projects/kitchen_sink/versions/0001_core.mig:51:5: error: name 'Say "Hi"' on oracle: Oracle names cannot contain '"', even quoted
    insert into "Type Zoo" (id, tiny, code, body, flag, mood, "Say ""Hi""") values
    ^
testdata/projects/kitchen_sink/versions/0002_billing.mig:47:5: error: create index ix_invoices_unpaid on oracle: Oracle has no partial indexes
    create index ix_invoices_unpaid on invoices using btree (issued_at desc, subscription_id asc) where (paid_at is null);
    ^
testdata/projects/kitchen_sink/versions/0005_reshape.mig:41:5: error: create index ix_tags_color on oracle: 'using' is not an Oracle index clause
    create index ix_tags_color on tags using hash (color);
    ^
testdata/projects/kitchen_sink/versions/0005_reshape.mig:44:5: error: name 'Tagged "By"' on oracle: Oracle names cannot contain '"', even quoted
    create table "Account Tags" (
    ^
