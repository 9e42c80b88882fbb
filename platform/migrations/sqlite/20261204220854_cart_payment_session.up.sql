-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_carts" table
CREATE TABLE `new_carts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `token` integer NOT NULL, `currency_code` text NOT NULL, `email` text NULL, `shipping_address` json NULL, `billing_address` json NULL, `completed_at` datetime NULL, `revision` integer NOT NULL DEFAULT (0), `payment_provider` text NULL, `payment_session_id` text NULL, `payment_amount` integer NULL, `tenant_id` integer NOT NULL, `store_id` integer NOT NULL, `region_id` integer NOT NULL, `customer_id` integer NULL, `shipping_option_id` integer NULL, CONSTRAINT `carts_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `carts_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION, CONSTRAINT `carts_regions_region` FOREIGN KEY (`region_id`) REFERENCES `regions` (`id`) ON DELETE NO ACTION, CONSTRAINT `carts_users_customer` FOREIGN KEY (`customer_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `carts_shipping_options_shipping_option` FOREIGN KEY (`shipping_option_id`) REFERENCES `shipping_options` (`id`) ON DELETE SET NULL);
-- set sequence for "new_carts" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_carts", 51539607552);
-- copy rows from old table "carts" to new temporary table "new_carts"
INSERT INTO `new_carts` (`id`, `created_at`, `updated_at`, `token`, `currency_code`, `email`, `shipping_address`, `billing_address`, `completed_at`, `revision`, `tenant_id`, `store_id`, `region_id`, `customer_id`, `shipping_option_id`) SELECT `id`, `created_at`, `updated_at`, `token`, `currency_code`, `email`, `shipping_address`, `billing_address`, `completed_at`, `revision`, `tenant_id`, `store_id`, `region_id`, `customer_id`, `shipping_option_id` FROM `carts`;
-- drop "carts" table after copying rows
DROP TABLE `carts`;
-- rename temporary table "new_carts" to "carts"
ALTER TABLE `new_carts` RENAME TO `carts`;
-- create index "carts_token_key" to table: "carts"
CREATE UNIQUE INDEX `carts_token_key` ON `carts` (`token`);
-- create index "cart_tenant_id" to table: "carts"
CREATE INDEX `cart_tenant_id` ON `carts` (`tenant_id`);
-- create index "cart_payment_session_id" to table: "carts"
CREATE INDEX `cart_payment_session_id` ON `carts` (`payment_session_id`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
