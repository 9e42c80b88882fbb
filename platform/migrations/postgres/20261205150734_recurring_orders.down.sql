-- reverse: create index "subscriptionrenewal_tenant_id" to table: "subscription_renewals"
DROP INDEX "subscriptionrenewal_tenant_id";
-- reverse: create index "subscriptionrenewal_subscription_id_period_start" to table: "subscription_renewals"
DROP INDEX "subscriptionrenewal_subscription_id_period_start";
-- reverse: create index "subscription_renewals_order_id_key" to table: "subscription_renewals"
DROP INDEX "subscription_renewals_order_id_key";
-- reverse: create "subscription_renewals" table
DROP TABLE "subscription_renewals";
-- reverse: create index "subscription_tenant_id" to table: "subscriptions"
DROP INDEX "subscription_tenant_id";
-- reverse: create index "subscription_store_id" to table: "subscriptions"
DROP INDEX "subscription_store_id";
-- reverse: create index "subscription_status_next_renewal_at" to table: "subscriptions"
DROP INDEX "subscription_status_next_renewal_at";
-- reverse: create index "subscription_customer_id" to table: "subscriptions"
DROP INDEX "subscription_customer_id";
-- reverse: create "subscriptions" table
DROP TABLE "subscriptions";
