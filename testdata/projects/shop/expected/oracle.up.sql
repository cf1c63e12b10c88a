error
testdata/projects/shop/versions/0002_customers.mig:30:5: error: create index uq_addresses_one_default on oracle: Oracle has no partial indexes
    create unique index uq_addresses_one_default on addresses (customer_id) where (is_default);
    ^
testdata/projects/shop/versions/0003_orders.mig:20:5: error: create index ix_orders_pending on oracle: Oracle has no partial indexes
    create index ix_orders_pending on orders (placed_at) where (status = 'pending');
    ^
