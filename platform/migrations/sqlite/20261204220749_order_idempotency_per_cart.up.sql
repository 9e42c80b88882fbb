-- drop index "order_tenant_id_idempotency_key" from table: "orders"
DROP INDEX `order_tenant_id_idempotency_key`;
