-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_fulfillments" table
CREATE TABLE `new_fulfillments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `shipped_at` datetime NULL, `delivered_at` datetime NULL, `tenant_id` integer NOT NULL, `order_id` integer NOT NULL, `suborder_id` integer NULL, CONSTRAINT `fulfillments_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `fulfillments_orders_fulfillments` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE NO ACTION, CONSTRAINT `fulfillments_suborders_fulfillments` FOREIGN KEY (`suborder_id`) REFERENCES `suborders` (`id`) ON DELETE SET NULL);
-- set sequence for "new_fulfillments" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_fulfillments", 60129542144);
-- copy rows from old table "fulfillments" to new temporary table "new_fulfillments"
INSERT INTO `new_fulfillments` (`id`, `created_at`, `updated_at`, `shipped_at`, `delivered_at`, `tenant_id`, `order_id`) SELECT `id`, `created_at`, `updated_at`, `shipped_at`, `delivered_at`, `tenant_id`, `order_id` FROM `fulfillments`;
-- drop "fulfillments" table after copying rows
DROP TABLE `fulfillments`;
-- rename temporary table "new_fulfillments" to "fulfillments"
ALTER TABLE `new_fulfillments` RENAME TO `fulfillments`;
-- create index "fulfillment_tenant_id" to table: "fulfillments"
CREATE INDEX `fulfillment_tenant_id` ON `fulfillments` (`tenant_id`);
-- create "new_order_line_items" table
CREATE TABLE `new_order_line_items` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `variant_id` integer NULL, `title` text NOT NULL, `sku` text NOT NULL, `quantity` integer NOT NULL, `unit_price` integer NOT NULL, `total` integer NOT NULL, `vendor_id` integer NULL, `order_id` integer NOT NULL, `tenant_id` integer NOT NULL, `suborder_id` integer NULL, CONSTRAINT `order_line_items_orders_items` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE NO ACTION, CONSTRAINT `order_line_items_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `order_line_items_suborders_items` FOREIGN KEY (`suborder_id`) REFERENCES `suborders` (`id`) ON DELETE SET NULL);
-- set sequence for "new_order_line_items" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_order_line_items", 77309411328);
-- copy rows from old table "order_line_items" to new temporary table "new_order_line_items"
INSERT INTO `new_order_line_items` (`id`, `variant_id`, `title`, `sku`, `quantity`, `unit_price`, `total`, `order_id`, `tenant_id`) SELECT `id`, `variant_id`, `title`, `sku`, `quantity`, `unit_price`, `total`, `order_id`, `tenant_id` FROM `order_line_items`;
-- drop "order_line_items" table after copying rows
DROP TABLE `order_line_items`;
-- rename temporary table "new_order_line_items" to "order_line_items"
ALTER TABLE `new_order_line_items` RENAME TO `order_line_items`;
-- create index "orderlineitem_tenant_id" to table: "order_line_items"
CREATE INDEX `orderlineitem_tenant_id` ON `order_line_items` (`tenant_id`);
-- create index "orderlineitem_order_id" to table: "order_line_items"
CREATE INDEX `orderlineitem_order_id` ON `order_line_items` (`order_id`);
-- create "new_products" table
CREATE TABLE `new_products` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `title` text NOT NULL, `handle` text NOT NULL, `description` text NOT NULL DEFAULT (''), `status` text NOT NULL DEFAULT ('draft'), `thumbnail` text NULL, `images` json NULL, `tags` json NULL, `metadata` json NULL, `review_status` text NOT NULL DEFAULT ('not_submitted'), `review_note` text NULL, `review_store_id` integer NULL, `tenant_id` integer NOT NULL, `vendor_id` integer NULL, `category_id` integer NULL, `collection_id` integer NULL, CONSTRAINT `products_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `products_vendors_vendor` FOREIGN KEY (`vendor_id`) REFERENCES `vendors` (`id`) ON DELETE RESTRICT, CONSTRAINT `products_product_categories_category` FOREIGN KEY (`category_id`) REFERENCES `product_categories` (`id`) ON DELETE SET NULL, CONSTRAINT `products_product_collections_collection` FOREIGN KEY (`collection_id`) REFERENCES `product_collections` (`id`) ON DELETE SET NULL);
-- set sequence for "new_products" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_products", 90194313216);
-- copy rows from old table "products" to new temporary table "new_products"
INSERT INTO `new_products` (`id`, `created_at`, `updated_at`, `version`, `title`, `handle`, `description`, `status`, `thumbnail`, `images`, `tags`, `metadata`, `tenant_id`, `category_id`, `collection_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `title`, `handle`, `description`, `status`, `thumbnail`, `images`, `tags`, `metadata`, `tenant_id`, `category_id`, `collection_id` FROM `products`;
-- drop "products" table after copying rows
DROP TABLE `products`;
-- rename temporary table "new_products" to "products"
ALTER TABLE `new_products` RENAME TO `products`;
-- create index "product_tenant_id" to table: "products"
CREATE INDEX `product_tenant_id` ON `products` (`tenant_id`);
-- create index "product_tenant_id_handle" to table: "products"
CREATE UNIQUE INDEX `product_tenant_id_handle` ON `products` (`tenant_id`, `handle`);
-- create index "product_tenant_id_status" to table: "products"
CREATE INDEX `product_tenant_id_status` ON `products` (`tenant_id`, `status`);
-- create index "product_vendor_id" to table: "products"
CREATE INDEX `product_vendor_id` ON `products` (`vendor_id`);
-- add column "vendor_id" to table: "stock_locations"
ALTER TABLE `stock_locations` ADD COLUMN `vendor_id` integer NULL;
-- add column "vendor_id" to table: "integration_endpoints"
ALTER TABLE `integration_endpoints` ADD COLUMN `vendor_id` integer NULL;
-- create "commission_lines" table
CREATE TABLE `commission_lines` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `kind` text NOT NULL, `suborder_id` integer NOT NULL, `order_id` integer NOT NULL, `order_line_item_id` integer NOT NULL, `rule_id` integer NULL, `currency_code` text NOT NULL, `amount` integer NOT NULL, `commission` integer NOT NULL, `bps` integer NOT NULL, `flat` integer NOT NULL, `event_id` text NOT NULL, `captured_at` datetime NULL, `tenant_id` integer NOT NULL, `vendor_id` integer NOT NULL, `payout_id` integer NULL, CONSTRAINT `commission_lines_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `commission_lines_vendors_vendor` FOREIGN KEY (`vendor_id`) REFERENCES `vendors` (`id`) ON DELETE NO ACTION, CONSTRAINT `commission_lines_payouts_lines` FOREIGN KEY (`payout_id`) REFERENCES `payouts` (`id`) ON DELETE SET NULL);
-- set sequence for "commission_lines" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("commission_lines", 163208757248);
-- create index "commissionline_tenant_id" to table: "commission_lines"
CREATE INDEX `commissionline_tenant_id` ON `commission_lines` (`tenant_id`);
-- create index "commissionline_event_id_order_line_item_id" to table: "commission_lines"
CREATE UNIQUE INDEX `commissionline_event_id_order_line_item_id` ON `commission_lines` (`event_id`, `order_line_item_id`);
-- create index "commissionline_vendor_id_currency_code_payout_id" to table: "commission_lines"
CREATE INDEX `commissionline_vendor_id_currency_code_payout_id` ON `commission_lines` (`vendor_id`, `currency_code`, `payout_id`);
-- create index "commissionline_order_id" to table: "commission_lines"
CREATE INDEX `commissionline_order_id` ON `commission_lines` (`order_id`);
-- create "commission_rules" table
CREATE TABLE `commission_rules` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `scope` text NOT NULL, `scope_id` integer NULL, `bps` integer NOT NULL DEFAULT (0), `flat` integer NOT NULL DEFAULT (0), `currency_code` text NULL, `valid_from` datetime NULL, `valid_until` datetime NULL, `priority` integer NOT NULL DEFAULT (0), `tenant_id` integer NOT NULL, CONSTRAINT `commission_rules_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "commission_rules" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("commission_rules", 167503724544);
-- create index "commissionrule_tenant_id" to table: "commission_rules"
CREATE INDEX `commissionrule_tenant_id` ON `commission_rules` (`tenant_id`);
-- create "payouts" table
CREATE TABLE `payouts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `currency_code` text NOT NULL, `status` text NOT NULL DEFAULT ('pending'), `amount` integer NOT NULL, `gross` integer NOT NULL, `commission` integer NOT NULL, `refunds` integer NOT NULL, `commission_reversed` integer NOT NULL, `provider` text NOT NULL, `reference` text NULL, `failure_reason` text NULL, `run_key` text NOT NULL, `paid_at` datetime NULL, `tenant_id` integer NOT NULL, `vendor_id` integer NOT NULL, CONSTRAINT `payouts_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `payouts_vendors_vendor` FOREIGN KEY (`vendor_id`) REFERENCES `vendors` (`id`) ON DELETE NO ACTION);
-- set sequence for "payouts" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("payouts", 171798691840);
-- create index "payout_tenant_id" to table: "payouts"
CREATE INDEX `payout_tenant_id` ON `payouts` (`tenant_id`);
-- create index "payout_vendor_id_currency_code_run_key" to table: "payouts"
CREATE UNIQUE INDEX `payout_vendor_id_currency_code_run_key` ON `payouts` (`vendor_id`, `currency_code`, `run_key`);
-- create index "payout_status" to table: "payouts"
CREATE INDEX `payout_status` ON `payouts` (`status`);
-- create "suborders" table
CREATE TABLE `suborders` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `status` text NOT NULL DEFAULT ('pending'), `fulfillment_status` text NOT NULL DEFAULT ('not_fulfilled'), `currency_code` text NOT NULL, `subtotal` integer NOT NULL, `shipping_total` integer NOT NULL, `tax_total` integer NOT NULL, `total` integer NOT NULL, `refunded_total` integer NOT NULL DEFAULT (0), `shipping_method` text NULL, `canceled_at` datetime NULL, `order_id` integer NOT NULL, `tenant_id` integer NOT NULL, `vendor_id` integer NOT NULL, `store_id` integer NOT NULL, CONSTRAINT `suborders_orders_suborders` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE NO ACTION, CONSTRAINT `suborders_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `suborders_vendors_vendor` FOREIGN KEY (`vendor_id`) REFERENCES `vendors` (`id`) ON DELETE NO ACTION, CONSTRAINT `suborders_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION);
-- set sequence for "suborders" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("suborders", 176093659136);
-- create index "suborder_tenant_id" to table: "suborders"
CREATE INDEX `suborder_tenant_id` ON `suborders` (`tenant_id`);
-- create index "suborder_order_id_vendor_id" to table: "suborders"
CREATE UNIQUE INDEX `suborder_order_id_vendor_id` ON `suborders` (`order_id`, `vendor_id`);
-- create index "suborder_vendor_id_created_at" to table: "suborders"
CREATE INDEX `suborder_vendor_id_created_at` ON `suborders` (`vendor_id`, `created_at`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
