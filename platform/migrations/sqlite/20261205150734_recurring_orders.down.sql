-- reverse: create index "subscriptionrenewal_subscription_id_period_start" to table: "subscription_renewals"
DROP INDEX `subscriptionrenewal_subscription_id_period_start`;
-- reverse: create index "subscriptionrenewal_tenant_id" to table: "subscription_renewals"
DROP INDEX `subscriptionrenewal_tenant_id`;
-- reverse: create index "subscription_renewals_order_id_key" to table: "subscription_renewals"
DROP INDEX `subscription_renewals_order_id_key`;
-- reverse: set sequence for "subscription_renewals" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "subscription_renewals";
-- reverse: create "subscription_renewals" table
DROP TABLE `subscription_renewals`;
-- reverse: create index "subscription_store_id" to table: "subscriptions"
DROP INDEX `subscription_store_id`;
-- reverse: create index "subscription_customer_id" to table: "subscriptions"
DROP INDEX `subscription_customer_id`;
-- reverse: create index "subscription_status_next_renewal_at" to table: "subscriptions"
DROP INDEX `subscription_status_next_renewal_at`;
-- reverse: create index "subscription_tenant_id" to table: "subscriptions"
DROP INDEX `subscription_tenant_id`;
-- reverse: set sequence for "subscriptions" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "subscriptions";
-- reverse: create "subscriptions" table
DROP TABLE `subscriptions`;
