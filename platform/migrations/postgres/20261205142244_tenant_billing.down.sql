-- reverse: create index "tenantinvoice_tenant_id" to table: "tenant_invoices"
DROP INDEX "tenantinvoice_tenant_id";
-- reverse: create index "tenantinvoice_subscription_id_status" to table: "tenant_invoices"
DROP INDEX "tenantinvoice_subscription_id_status";
-- reverse: create index "tenant_invoices_provider_invoice_id_key" to table: "tenant_invoices"
DROP INDEX "tenant_invoices_provider_invoice_id_key";
-- reverse: create "tenant_invoices" table
DROP TABLE "tenant_invoices";
-- reverse: create index "tenantsubscription_tenant_id" to table: "tenant_subscriptions"
DROP INDEX "tenantsubscription_tenant_id";
-- reverse: create index "tenantsubscription_status" to table: "tenant_subscriptions"
DROP INDEX "tenantsubscription_status";
-- reverse: create index "tenantsubscription_one_per_tenant" to table: "tenant_subscriptions"
DROP INDEX "tenantsubscription_one_per_tenant";
-- reverse: create index "tenant_subscriptions_provider_subscription_id_key" to table: "tenant_subscriptions"
DROP INDEX "tenant_subscriptions_provider_subscription_id_key";
-- reverse: create "tenant_subscriptions" table
DROP TABLE "tenant_subscriptions";
-- reverse: modify "tenants" table
ALTER TABLE "tenants" DROP COLUMN "suspended_by";
-- reverse: create index "plan_key" to table: "plans"
DROP INDEX "plan_key";
-- reverse: create "plans" table
DROP TABLE "plans";
