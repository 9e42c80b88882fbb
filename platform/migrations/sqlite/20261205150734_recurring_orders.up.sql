-- create "subscriptions" table
CREATE TABLE `subscriptions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `store_id` integer NOT NULL, `customer_id` integer NOT NULL, `variant_id` integer NOT NULL, `quantity` integer NOT NULL, `interval` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `next_renewal_at` datetime NOT NULL, `skip_next` bool NOT NULL DEFAULT (false), `locked_unit_price` integer NULL, `region_id` integer NOT NULL, `currency_code` text NOT NULL, `email` text NOT NULL, `shipping_address` json NOT NULL, `shipping_option_id` integer NOT NULL, `payment_provider` text NOT NULL, `payment_method` text NULL, `failed_attempts` integer NOT NULL DEFAULT (0), `retry_at` datetime NULL, `last_order_id` integer NULL, `canceled_at` datetime NULL, `tenant_id` integer NOT NULL, CONSTRAINT `subscriptions_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "subscriptions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("subscriptions", 214748364800);
-- create index "subscription_tenant_id" to table: "subscriptions"
CREATE INDEX `subscription_tenant_id` ON `subscriptions` (`tenant_id`);
-- create index "subscription_status_next_renewal_at" to table: "subscriptions"
CREATE INDEX `subscription_status_next_renewal_at` ON `subscriptions` (`status`, `next_renewal_at`);
-- create index "subscription_customer_id" to table: "subscriptions"
CREATE INDEX `subscription_customer_id` ON `subscriptions` (`customer_id`);
-- create index "subscription_store_id" to table: "subscriptions"
CREATE INDEX `subscription_store_id` ON `subscriptions` (`store_id`);
-- create "subscription_renewals" table
CREATE TABLE `subscription_renewals` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `period_start` datetime NOT NULL, `cart_id` integer NULL, `status` text NOT NULL DEFAULT ('pending'), `order_id` integer NULL, `last_error` text NULL, `subscription_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `subscription_renewals_subscriptions_renewals` FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions` (`id`) ON DELETE NO ACTION, CONSTRAINT `subscription_renewals_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "subscription_renewals" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("subscription_renewals", 219043332096);
-- create index "subscription_renewals_order_id_key" to table: "subscription_renewals"
CREATE UNIQUE INDEX `subscription_renewals_order_id_key` ON `subscription_renewals` (`order_id`);
-- create index "subscriptionrenewal_tenant_id" to table: "subscription_renewals"
CREATE INDEX `subscriptionrenewal_tenant_id` ON `subscription_renewals` (`tenant_id`);
-- create index "subscriptionrenewal_subscription_id_period_start" to table: "subscription_renewals"
CREATE UNIQUE INDEX `subscriptionrenewal_subscription_id_period_start` ON `subscription_renewals` (`subscription_id`, `period_start`);
