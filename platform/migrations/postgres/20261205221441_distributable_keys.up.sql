-- drop index "carts_token_key" from table: "carts"
DROP INDEX "carts_token_key";
-- create index "cart_token_tenant_id" to table: "carts"
CREATE UNIQUE INDEX "cart_token_tenant_id" ON "carts" ("token", "tenant_id");
-- drop index "commissionline_event_id_order_line_item_id" from table: "commission_lines"
DROP INDEX "commissionline_event_id_order_line_item_id";
-- create index "commissionline_event_id_order_line_item_id_tenant_id" to table: "commission_lines"
CREATE UNIQUE INDEX "commissionline_event_id_order_line_item_id_tenant_id" ON "commission_lines" ("event_id", "order_line_item_id", "tenant_id");
-- drop index "employee_user_id" from table: "employees"
DROP INDEX "employee_user_id";
-- create index "employee_user_id_tenant_id" to table: "employees"
CREATE UNIQUE INDEX "employee_user_id_tenant_id" ON "employees" ("user_id", "tenant_id");
-- drop index "inbound_webhooks_dedupe_key_key" from table: "inbound_webhooks"
DROP INDEX "inbound_webhooks_dedupe_key_key";
-- create index "inboundwebhook_dedupe_key_tenant_id" to table: "inbound_webhooks"
CREATE UNIQUE INDEX "inboundwebhook_dedupe_key_tenant_id" ON "inbound_webhooks" ("dedupe_key", "tenant_id");
-- drop index "inventorylevel_variant_id_location_id" from table: "inventory_levels"
DROP INDEX "inventorylevel_variant_id_location_id";
-- create index "inventorylevel_variant_id_location_id_tenant_id" to table: "inventory_levels"
CREATE UNIQUE INDEX "inventorylevel_variant_id_location_id_tenant_id" ON "inventory_levels" ("variant_id", "location_id", "tenant_id");
-- drop index "order_store_id_display_id" from table: "orders"
DROP INDEX "order_store_id_display_id";
-- drop index "orders_cart_id_key" from table: "orders"
DROP INDEX "orders_cart_id_key";
-- create index "order_cart_id_tenant_id" to table: "orders"
CREATE UNIQUE INDEX "order_cart_id_tenant_id" ON "orders" ("cart_id", "tenant_id");
-- create index "order_store_id_display_id_tenant_id" to table: "orders"
CREATE UNIQUE INDEX "order_store_id_display_id_tenant_id" ON "orders" ("store_id", "display_id", "tenant_id");
-- drop index "payout_vendor_id_currency_code_run_key" from table: "payouts"
DROP INDEX "payout_vendor_id_currency_code_run_key";
-- create index "payout_vendor_id_currency_code_run_key_tenant_id" to table: "payouts"
CREATE UNIQUE INDEX "payout_vendor_id_currency_code_run_key_tenant_id" ON "payouts" ("vendor_id", "currency_code", "run_key", "tenant_id");
-- drop index "stores_subdomain_key" from table: "stores"
DROP INDEX "stores_subdomain_key";
-- create index "store_subdomain_tenant_id" to table: "stores"
CREATE UNIQUE INDEX "store_subdomain_tenant_id" ON "stores" ("subdomain", "tenant_id");
-- drop index "suborder_order_id_vendor_id" from table: "suborders"
DROP INDEX "suborder_order_id_vendor_id";
-- create index "suborder_order_id_vendor_id_tenant_id" to table: "suborders"
CREATE UNIQUE INDEX "suborder_order_id_vendor_id_tenant_id" ON "suborders" ("order_id", "vendor_id", "tenant_id");
-- drop index "subscription_renewals_order_id_key" from table: "subscription_renewals"
DROP INDEX "subscription_renewals_order_id_key";
-- drop index "subscriptionrenewal_subscription_id_period_start" from table: "subscription_renewals"
DROP INDEX "subscriptionrenewal_subscription_id_period_start";
-- create index "subscriptionrenewal_order_id_tenant_id" to table: "subscription_renewals"
CREATE UNIQUE INDEX "subscriptionrenewal_order_id_tenant_id" ON "subscription_renewals" ("order_id", "tenant_id");
-- create index "subscriptionrenewal_subscription_id_period_start_tenant_id" to table: "subscription_renewals"
CREATE UNIQUE INDEX "subscriptionrenewal_subscription_id_period_start_tenant_id" ON "subscription_renewals" ("subscription_id", "period_start", "tenant_id");
-- drop index "webhookdelivery_event_id_endpoint_id_run_attempt" from table: "webhook_deliveries"
DROP INDEX "webhookdelivery_event_id_endpoint_id_run_attempt";
-- create index "webhookdelivery_event_id_endpoint_id_run_attempt_tenant_id" to table: "webhook_deliveries"
CREATE UNIQUE INDEX "webhookdelivery_event_id_endpoint_id_run_attempt_tenant_id" ON "webhook_deliveries" ("event_id", "endpoint_id", "run", "attempt", "tenant_id");
