-- reverse: drop index "order_tenant_id_idempotency_key" from table: "orders"
CREATE UNIQUE INDEX "order_tenant_id_idempotency_key" ON "orders" ("tenant_id", "idempotency_key");
