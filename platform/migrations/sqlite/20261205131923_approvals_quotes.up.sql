-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_reservations" table
CREATE TABLE `new_reservations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `inventory_level_id` integer NOT NULL, `quantity` integer NOT NULL, `released_at` datetime NULL, `approval_request_id` integer NULL, `order_id` integer NULL, `tenant_id` integer NOT NULL, CONSTRAINT `reservations_approval_requests_reservations` FOREIGN KEY (`approval_request_id`) REFERENCES `approval_requests` (`id`) ON DELETE SET NULL, CONSTRAINT `reservations_orders_reservations` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE SET NULL, CONSTRAINT `reservations_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_reservations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_reservations", 115964116992);
-- copy rows from old table "reservations" to new temporary table "new_reservations"
INSERT INTO `new_reservations` (`id`, `created_at`, `updated_at`, `inventory_level_id`, `quantity`, `released_at`, `order_id`, `tenant_id`) SELECT `id`, `created_at`, `updated_at`, `inventory_level_id`, `quantity`, `released_at`, `order_id`, `tenant_id` FROM `reservations`;
-- drop "reservations" table after copying rows
DROP TABLE `reservations`;
-- rename temporary table "new_reservations" to "reservations"
ALTER TABLE `new_reservations` RENAME TO `reservations`;
-- create index "reservation_tenant_id" to table: "reservations"
CREATE INDEX `reservation_tenant_id` ON `reservations` (`tenant_id`);
-- add column "held_at" to table: "carts"
ALTER TABLE `carts` ADD COLUMN `held_at` datetime NULL;
-- create "new_orders" table
CREATE TABLE `new_orders` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `display_id` integer NOT NULL, `cart_id` integer NULL, `idempotency_key` text NOT NULL, `email` text NULL, `status` text NOT NULL DEFAULT ('pending'), `payment_status` text NOT NULL DEFAULT ('not_paid'), `fulfillment_status` text NOT NULL DEFAULT ('not_fulfilled'), `currency_code` text NOT NULL, `subtotal` integer NOT NULL, `shipping_total` integer NOT NULL, `tax_total` integer NOT NULL, `total` integer NOT NULL, `refunded_total` integer NOT NULL DEFAULT (0), `payment_provider` text NOT NULL, `payment_reference` text NULL, `shipping_method` text NULL, `shipping_address` json NULL, `billing_address` json NULL, `canceled_at` datetime NULL, `company_id` integer NULL, `tenant_id` integer NOT NULL, `store_id` integer NOT NULL, `customer_id` integer NULL, CONSTRAINT `orders_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `orders_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION, CONSTRAINT `orders_users_customer` FOREIGN KEY (`customer_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- set sequence for "new_orders" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_orders", 73014444032);
-- copy rows from old table "orders" to new temporary table "new_orders"
INSERT INTO `new_orders` (`id`, `created_at`, `updated_at`, `version`, `display_id`, `cart_id`, `idempotency_key`, `email`, `status`, `payment_status`, `fulfillment_status`, `currency_code`, `subtotal`, `shipping_total`, `tax_total`, `total`, `refunded_total`, `payment_provider`, `payment_reference`, `shipping_method`, `shipping_address`, `billing_address`, `canceled_at`, `tenant_id`, `store_id`, `customer_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `display_id`, `cart_id`, `idempotency_key`, `email`, `status`, `payment_status`, `fulfillment_status`, `currency_code`, `subtotal`, `shipping_total`, `tax_total`, `total`, `refunded_total`, `payment_provider`, `payment_reference`, `shipping_method`, `shipping_address`, `billing_address`, `canceled_at`, `tenant_id`, `store_id`, `customer_id` FROM `orders`;
-- drop "orders" table after copying rows
DROP TABLE `orders`;
-- rename temporary table "new_orders" to "orders"
ALTER TABLE `new_orders` RENAME TO `orders`;
-- create index "orders_cart_id_key" to table: "orders"
CREATE UNIQUE INDEX `orders_cart_id_key` ON `orders` (`cart_id`);
-- create index "order_tenant_id" to table: "orders"
CREATE INDEX `order_tenant_id` ON `orders` (`tenant_id`);
-- create index "order_store_id_display_id" to table: "orders"
CREATE UNIQUE INDEX `order_store_id_display_id` ON `orders` (`store_id`, `display_id`);
-- create index "order_customer_id" to table: "orders"
CREATE INDEX `order_customer_id` ON `orders` (`customer_id`);
-- create index "order_company_id_customer_id_created_at" to table: "orders"
CREATE INDEX `order_company_id_customer_id_created_at` ON `orders` (`company_id`, `customer_id`, `created_at`);
-- create "approval_requests" table
CREATE TABLE `approval_requests` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `store_id` integer NOT NULL, `customer_id` integer NOT NULL, `cart_id` integer NOT NULL, `idempotency_key` text NOT NULL, `status` text NOT NULL DEFAULT ('pending'), `reasons` json NOT NULL, `currency_code` text NOT NULL, `subtotal` integer NOT NULL, `shipping_total` integer NOT NULL, `tax_total` integer NOT NULL, `total` integer NOT NULL, `lines` json NOT NULL, `terms` json NOT NULL, `payment_provider` text NOT NULL, `payment_session` text NULL, `expires_at` datetime NOT NULL, `decided_by` integer NULL, `decided_at` datetime NULL, `note` text NULL, `tenant_id` integer NOT NULL, `company_id` integer NOT NULL, `order_id` integer NULL, CONSTRAINT `approval_requests_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `approval_requests_companies_company` FOREIGN KEY (`company_id`) REFERENCES `companies` (`id`) ON DELETE NO ACTION, CONSTRAINT `approval_requests_orders_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE SET NULL);
-- set sequence for "approval_requests" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("approval_requests", 188978561024);
-- create index "approvalrequest_tenant_id" to table: "approval_requests"
CREATE INDEX `approvalrequest_tenant_id` ON `approval_requests` (`tenant_id`);
-- create index "approvalrequest_company_id_status" to table: "approval_requests"
CREATE INDEX `approvalrequest_company_id_status` ON `approval_requests` (`company_id`, `status`);
-- create index "approvalrequest_customer_id" to table: "approval_requests"
CREATE INDEX `approvalrequest_customer_id` ON `approval_requests` (`customer_id`);
-- create index "approvalrequest_cart_id" to table: "approval_requests"
CREATE INDEX `approvalrequest_cart_id` ON `approval_requests` (`cart_id`);
-- create index "approvalrequest_status_expires_at" to table: "approval_requests"
CREATE INDEX `approvalrequest_status_expires_at` ON `approval_requests` (`status`, `expires_at`);
-- create "quotes" table
CREATE TABLE `quotes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `store_id` integer NOT NULL, `company_id` integer NULL, `customer_id` integer NOT NULL, `cart_id` integer NOT NULL, `status` text NOT NULL DEFAULT ('requested'), `currency_code` text NOT NULL, `lines` json NOT NULL, `expires_at` datetime NOT NULL, `decline_reason` text NULL, `tenant_id` integer NOT NULL, `order_id` integer NULL, CONSTRAINT `quotes_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `quotes_orders_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE SET NULL);
-- set sequence for "quotes" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("quotes", 193273528320);
-- create index "quote_tenant_id" to table: "quotes"
CREATE INDEX `quote_tenant_id` ON `quotes` (`tenant_id`);
-- create index "quote_store_id_status" to table: "quotes"
CREATE INDEX `quote_store_id_status` ON `quotes` (`store_id`, `status`);
-- create index "quote_customer_id" to table: "quotes"
CREATE INDEX `quote_customer_id` ON `quotes` (`customer_id`);
-- create index "quote_company_id" to table: "quotes"
CREATE INDEX `quote_company_id` ON `quotes` (`company_id`);
-- create index "quote_cart_id" to table: "quotes"
CREATE INDEX `quote_cart_id` ON `quotes` (`cart_id`);
-- create index "quote_status_expires_at" to table: "quotes"
CREATE INDEX `quote_status_expires_at` ON `quotes` (`status`, `expires_at`);
-- create "quote_messages" table
CREATE TABLE `quote_messages` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `author_id` integer NOT NULL, `side` text NOT NULL, `body` text NOT NULL, `quote_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `quote_messages_quotes_messages` FOREIGN KEY (`quote_id`) REFERENCES `quotes` (`id`) ON DELETE NO ACTION, CONSTRAINT `quote_messages_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "quote_messages" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("quote_messages", 197568495616);
-- create index "quotemessage_tenant_id" to table: "quote_messages"
CREATE INDEX `quotemessage_tenant_id` ON `quote_messages` (`tenant_id`);
-- create index "quotemessage_quote_id" to table: "quote_messages"
CREATE INDEX `quotemessage_quote_id` ON `quote_messages` (`quote_id`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
