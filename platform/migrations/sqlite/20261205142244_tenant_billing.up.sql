-- add column "suspended_by" to table: "tenants"
ALTER TABLE `tenants` ADD COLUMN `suspended_by` text NULL;
-- create "plans" table
CREATE TABLE `plans` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `key` text NOT NULL, `name` text NOT NULL, `price` integer NOT NULL DEFAULT (0), `currency_code` text NOT NULL DEFAULT ('USD'), `max_stores` integer NULL, `max_products` integer NULL, `max_staff_seats` integer NULL, `max_integration_endpoints` integer NULL, `api_rate_limit` integer NULL, `stripe_price_id` text NULL);
-- set sequence for "plans" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("plans", 201863462912);
-- create index "plan_key" to table: "plans"
CREATE UNIQUE INDEX `plan_key` ON `plans` (`key`);
-- create "tenant_invoices" table
CREATE TABLE `tenant_invoices` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `kind` text NOT NULL, `status` text NOT NULL DEFAULT ('open'), `amount` integer NOT NULL, `currency_code` text NOT NULL, `period_start` datetime NOT NULL, `period_end` datetime NOT NULL, `due_at` datetime NOT NULL, `paid_at` datetime NULL, `description` text NULL, `provider_invoice_id` text NULL, `reference` text NULL, `tenant_id` integer NOT NULL, `subscription_id` integer NOT NULL, CONSTRAINT `tenant_invoices_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `tenant_invoices_tenant_subscriptions_invoices` FOREIGN KEY (`subscription_id`) REFERENCES `tenant_subscriptions` (`id`) ON DELETE NO ACTION);
-- set sequence for "tenant_invoices" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("tenant_invoices", 206158430208);
-- create index "tenant_invoices_provider_invoice_id_key" to table: "tenant_invoices"
CREATE UNIQUE INDEX `tenant_invoices_provider_invoice_id_key` ON `tenant_invoices` (`provider_invoice_id`);
-- create index "tenantinvoice_tenant_id" to table: "tenant_invoices"
CREATE INDEX `tenantinvoice_tenant_id` ON `tenant_invoices` (`tenant_id`);
-- create index "tenantinvoice_subscription_id_status" to table: "tenant_invoices"
CREATE INDEX `tenantinvoice_subscription_id_status` ON `tenant_invoices` (`subscription_id`, `status`);
-- create "tenant_subscriptions" table
CREATE TABLE `tenant_subscriptions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `status` text NOT NULL DEFAULT ('trialing'), `provider` text NOT NULL DEFAULT ('manual'), `provider_customer_id` text NULL, `provider_subscription_id` text NULL, `trial_ends_at` datetime NULL, `current_period_start` datetime NOT NULL, `current_period_end` datetime NOT NULL, `past_due_since` datetime NULL, `canceled_at` datetime NULL, `provider_event_at` integer NOT NULL DEFAULT (0), `tenant_id` integer NOT NULL, `plan_id` integer NOT NULL, CONSTRAINT `tenant_subscriptions_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `tenant_subscriptions_plans_plan` FOREIGN KEY (`plan_id`) REFERENCES `plans` (`id`) ON DELETE NO ACTION);
-- set sequence for "tenant_subscriptions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("tenant_subscriptions", 210453397504);
-- create index "tenant_subscriptions_provider_subscription_id_key" to table: "tenant_subscriptions"
CREATE UNIQUE INDEX `tenant_subscriptions_provider_subscription_id_key` ON `tenant_subscriptions` (`provider_subscription_id`);
-- create index "tenantsubscription_tenant_id" to table: "tenant_subscriptions"
CREATE INDEX `tenantsubscription_tenant_id` ON `tenant_subscriptions` (`tenant_id`);
-- create index "tenantsubscription_one_per_tenant" to table: "tenant_subscriptions"
CREATE UNIQUE INDEX `tenantsubscription_one_per_tenant` ON `tenant_subscriptions` (`tenant_id`);
-- create index "tenantsubscription_status" to table: "tenant_subscriptions"
CREATE INDEX `tenantsubscription_status` ON `tenant_subscriptions` (`status`);
