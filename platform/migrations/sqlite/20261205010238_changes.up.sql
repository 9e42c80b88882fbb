-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_api_keys" table
CREATE TABLE `new_api_keys` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `kind` text NOT NULL, `name` text NOT NULL, `roles` json NULL, `token_hash` text NOT NULL, `token_prefix` text NOT NULL, `last_used_at` datetime NULL, `revoked_at` datetime NULL, `tenant_id` integer NOT NULL, `store_id` integer NULL, CONSTRAINT `api_keys_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `api_keys_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE SET NULL);
-- copy rows from old table "api_keys" to new temporary table "new_api_keys"
INSERT INTO `new_api_keys` (`id`, `created_at`, `updated_at`, `kind`, `name`, `roles`, `token_hash`, `token_prefix`, `last_used_at`, `revoked_at`, `tenant_id`, `store_id`) SELECT `id`, `created_at`, `updated_at`, `kind`, `name`, `roles`, `token_hash`, `token_prefix`, `last_used_at`, `revoked_at`, `tenant_id`, `store_id` FROM `api_keys`;
-- drop "api_keys" table after copying rows
DROP TABLE `api_keys`;
-- rename temporary table "new_api_keys" to "api_keys"
ALTER TABLE `new_api_keys` RENAME TO `api_keys`;
-- create index "api_keys_token_hash_key" to table: "api_keys"
CREATE UNIQUE INDEX `api_keys_token_hash_key` ON `api_keys` (`token_hash`);
-- create index "apikey_tenant_id" to table: "api_keys"
CREATE INDEX `apikey_tenant_id` ON `api_keys` (`tenant_id`);
-- create index "apikey_store_id" to table: "api_keys"
CREATE INDEX `apikey_store_id` ON `api_keys` (`store_id`);
-- create "new_tenants" table
CREATE TABLE `new_tenants` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `handle` text NOT NULL, `name` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `subscription_tier` text NOT NULL DEFAULT ('basic'), `billing_email` text NULL, `country` text NULL, `subdomain` text NULL, `metadata` json NULL);
-- set sequence for "new_tenants" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_tenants", 42949672960);
-- copy rows from old table "tenants" to new temporary table "new_tenants"
INSERT INTO `new_tenants` (`id`, `created_at`, `updated_at`, `handle`, `name`, `status`, `subscription_tier`, `billing_email`, `country`, `subdomain`, `metadata`) SELECT `id`, `created_at`, `updated_at`, `handle`, `name`, `status`, `subscription_tier`, `billing_email`, `country`, `subdomain`, `metadata` FROM `tenants`;
-- drop "tenants" table after copying rows
DROP TABLE `tenants`;
-- rename temporary table "new_tenants" to "tenants"
ALTER TABLE `new_tenants` RENAME TO `tenants`;
-- create index "tenants_handle_key" to table: "tenants"
CREATE UNIQUE INDEX `tenants_handle_key` ON `tenants` (`handle`);
-- create index "tenants_subdomain_key" to table: "tenants"
CREATE UNIQUE INDEX `tenants_subdomain_key` ON `tenants` (`subdomain`);
-- create "new_stores" table
CREATE TABLE `new_stores` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `handle` text NOT NULL, `name` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `storefront_type` text NOT NULL DEFAULT ('retail'), `subdomain` text NULL, `theme_config` json NULL, `metadata` json NULL, `order_seq` integer NOT NULL DEFAULT (0), `tenant_id` integer NOT NULL, CONSTRAINT `stores_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_stores" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_stores", 34359738368);
-- copy rows from old table "stores" to new temporary table "new_stores"
INSERT INTO `new_stores` (`id`, `created_at`, `updated_at`, `handle`, `name`, `status`, `storefront_type`, `subdomain`, `theme_config`, `metadata`, `order_seq`, `tenant_id`) SELECT `id`, `created_at`, `updated_at`, `handle`, `name`, `status`, `storefront_type`, `subdomain`, `theme_config`, `metadata`, `order_seq`, `tenant_id` FROM `stores`;
-- drop "stores" table after copying rows
DROP TABLE `stores`;
-- rename temporary table "new_stores" to "stores"
ALTER TABLE `new_stores` RENAME TO `stores`;
-- create index "stores_subdomain_key" to table: "stores"
CREATE UNIQUE INDEX `stores_subdomain_key` ON `stores` (`subdomain`);
-- create index "store_tenant_id" to table: "stores"
CREATE INDEX `store_tenant_id` ON `stores` (`tenant_id`);
-- create index "store_tenant_id_handle" to table: "stores"
CREATE UNIQUE INDEX `store_tenant_id_handle` ON `stores` (`tenant_id`, `handle`);
-- create "new_users" table
CREATE TABLE `new_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `email` text NOT NULL, `realm` integer NOT NULL DEFAULT (0), `password_hash` text NOT NULL, `name` text NOT NULL DEFAULT (''), `status` text NOT NULL DEFAULT ('active'));
-- set sequence for "new_users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_users", 47244640256);
-- copy rows from old table "users" to new temporary table "new_users"
INSERT INTO `new_users` (`id`, `created_at`, `updated_at`, `email`, `realm`, `password_hash`, `name`, `status`) SELECT `id`, `created_at`, `updated_at`, `email`, `realm`, `password_hash`, `name`, `status` FROM `users`;
-- drop "users" table after copying rows
DROP TABLE `users`;
-- rename temporary table "new_users" to "users"
ALTER TABLE `new_users` RENAME TO `users`;
-- create index "user_email_realm" to table: "users"
CREATE UNIQUE INDEX `user_email_realm` ON `users` (`email`, `realm`);
-- create "new_customer_addresses" table
CREATE TABLE `new_customer_addresses` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `first_name` text NOT NULL, `last_name` text NOT NULL, `address1` text NOT NULL, `address2` text NULL, `city` text NOT NULL, `postal_code` text NULL, `country_code` text NOT NULL, `phone` text NULL, `tenant_id` integer NOT NULL, `user_id` integer NOT NULL, CONSTRAINT `customer_addresses_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `customer_addresses_users_addresses` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_customer_addresses" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_customer_addresses", 55834574848);
-- copy rows from old table "customer_addresses" to new temporary table "new_customer_addresses"
INSERT INTO `new_customer_addresses` (`id`, `created_at`, `updated_at`, `first_name`, `last_name`, `address1`, `address2`, `city`, `postal_code`, `country_code`, `phone`, `tenant_id`, `user_id`) SELECT `id`, `created_at`, `updated_at`, `first_name`, `last_name`, `address1`, `address2`, `city`, `postal_code`, `country_code`, `phone`, `tenant_id`, `user_id` FROM `customer_addresses`;
-- drop "customer_addresses" table after copying rows
DROP TABLE `customer_addresses`;
-- rename temporary table "new_customer_addresses" to "customer_addresses"
ALTER TABLE `new_customer_addresses` RENAME TO `customer_addresses`;
-- create index "customeraddress_tenant_id" to table: "customer_addresses"
CREATE INDEX `customeraddress_tenant_id` ON `customer_addresses` (`tenant_id`);
-- create "new_inventory_levels" table
CREATE TABLE `new_inventory_levels` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `stocked_quantity` integer NOT NULL DEFAULT (0), `reserved_quantity` integer NOT NULL DEFAULT (0), `tenant_id` integer NOT NULL, `location_id` integer NOT NULL, `variant_id` integer NOT NULL, CONSTRAINT `inventory_levels_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `inventory_levels_stock_locations_location` FOREIGN KEY (`location_id`) REFERENCES `stock_locations` (`id`) ON DELETE NO ACTION, CONSTRAINT `inventory_levels_product_variants_inventory_levels` FOREIGN KEY (`variant_id`) REFERENCES `product_variants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_inventory_levels" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_inventory_levels", 64424509440);
-- copy rows from old table "inventory_levels" to new temporary table "new_inventory_levels"
INSERT INTO `new_inventory_levels` (`id`, `created_at`, `updated_at`, `stocked_quantity`, `reserved_quantity`, `tenant_id`, `location_id`, `variant_id`) SELECT `id`, `created_at`, `updated_at`, `stocked_quantity`, `reserved_quantity`, `tenant_id`, `location_id`, `variant_id` FROM `inventory_levels`;
-- drop "inventory_levels" table after copying rows
DROP TABLE `inventory_levels`;
-- rename temporary table "new_inventory_levels" to "inventory_levels"
ALTER TABLE `new_inventory_levels` RENAME TO `inventory_levels`;
-- create index "inventorylevel_tenant_id" to table: "inventory_levels"
CREATE INDEX `inventorylevel_tenant_id` ON `inventory_levels` (`tenant_id`);
-- create index "inventorylevel_variant_id_location_id" to table: "inventory_levels"
CREATE UNIQUE INDEX `inventorylevel_variant_id_location_id` ON `inventory_levels` (`variant_id`, `location_id`);
-- create "new_orders" table
CREATE TABLE `new_orders` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `display_id` integer NOT NULL, `cart_id` integer NULL, `idempotency_key` text NOT NULL, `email` text NULL, `status` text NOT NULL DEFAULT ('pending'), `payment_status` text NOT NULL DEFAULT ('not_paid'), `fulfillment_status` text NOT NULL DEFAULT ('not_fulfilled'), `currency_code` text NOT NULL, `subtotal` integer NOT NULL, `shipping_total` integer NOT NULL, `tax_total` integer NOT NULL, `total` integer NOT NULL, `refunded_total` integer NOT NULL DEFAULT (0), `payment_provider` text NOT NULL, `payment_reference` text NULL, `shipping_method` text NULL, `shipping_address` json NULL, `billing_address` json NULL, `canceled_at` datetime NULL, `tenant_id` integer NOT NULL, `store_id` integer NOT NULL, `customer_id` integer NULL, CONSTRAINT `orders_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `orders_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION, CONSTRAINT `orders_users_customer` FOREIGN KEY (`customer_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- set sequence for "new_orders" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_orders", 73014444032);
-- copy rows from old table "orders" to new temporary table "new_orders"
INSERT INTO `new_orders` (`id`, `created_at`, `updated_at`, `display_id`, `cart_id`, `idempotency_key`, `email`, `status`, `payment_status`, `fulfillment_status`, `currency_code`, `subtotal`, `shipping_total`, `tax_total`, `total`, `refunded_total`, `payment_provider`, `payment_reference`, `shipping_method`, `shipping_address`, `billing_address`, `canceled_at`, `tenant_id`, `store_id`, `customer_id`) SELECT `id`, `created_at`, `updated_at`, `display_id`, `cart_id`, `idempotency_key`, `email`, `status`, `payment_status`, `fulfillment_status`, `currency_code`, `subtotal`, `shipping_total`, `tax_total`, `total`, `refunded_total`, `payment_provider`, `payment_reference`, `shipping_method`, `shipping_address`, `billing_address`, `canceled_at`, `tenant_id`, `store_id`, `customer_id` FROM `orders`;
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
-- create "new_prices" table
CREATE TABLE `new_prices` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `currency_code` text NOT NULL, `amount` integer NOT NULL, `tenant_id` integer NOT NULL, `region_id` integer NULL, `variant_id` integer NOT NULL, CONSTRAINT `prices_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `prices_regions_region` FOREIGN KEY (`region_id`) REFERENCES `regions` (`id`) ON DELETE SET NULL, CONSTRAINT `prices_product_variants_prices` FOREIGN KEY (`variant_id`) REFERENCES `product_variants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_prices" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_prices", 85899345920);
-- copy rows from old table "prices" to new temporary table "new_prices"
INSERT INTO `new_prices` (`id`, `created_at`, `updated_at`, `currency_code`, `amount`, `tenant_id`, `region_id`, `variant_id`) SELECT `id`, `created_at`, `updated_at`, `currency_code`, `amount`, `tenant_id`, `region_id`, `variant_id` FROM `prices`;
-- drop "prices" table after copying rows
DROP TABLE `prices`;
-- rename temporary table "new_prices" to "prices"
ALTER TABLE `new_prices` RENAME TO `prices`;
-- create index "price_tenant_id" to table: "prices"
CREATE INDEX `price_tenant_id` ON `prices` (`tenant_id`);
-- create index "price_variant_id_currency_code" to table: "prices"
CREATE INDEX `price_variant_id_currency_code` ON `prices` (`variant_id`, `currency_code`);
-- create "new_products" table
CREATE TABLE `new_products` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `title` text NOT NULL, `handle` text NOT NULL, `description` text NOT NULL DEFAULT (''), `status` text NOT NULL DEFAULT ('draft'), `thumbnail` text NULL, `images` json NULL, `tags` json NULL, `metadata` json NULL, `tenant_id` integer NOT NULL, `category_id` integer NULL, `collection_id` integer NULL, CONSTRAINT `products_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `products_product_categories_category` FOREIGN KEY (`category_id`) REFERENCES `product_categories` (`id`) ON DELETE SET NULL, CONSTRAINT `products_product_collections_collection` FOREIGN KEY (`collection_id`) REFERENCES `product_collections` (`id`) ON DELETE SET NULL);
-- set sequence for "new_products" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_products", 90194313216);
-- copy rows from old table "products" to new temporary table "new_products"
INSERT INTO `new_products` (`id`, `created_at`, `updated_at`, `title`, `handle`, `description`, `status`, `thumbnail`, `images`, `tags`, `metadata`, `tenant_id`, `category_id`, `collection_id`) SELECT `id`, `created_at`, `updated_at`, `title`, `handle`, `description`, `status`, `thumbnail`, `images`, `tags`, `metadata`, `tenant_id`, `category_id`, `collection_id` FROM `products`;
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
-- create "new_product_categories" table
CREATE TABLE `new_product_categories` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `handle` text NOT NULL, `tenant_id` integer NOT NULL, `parent_id` integer NULL, CONSTRAINT `product_categories_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `product_categories_product_categories_children` FOREIGN KEY (`parent_id`) REFERENCES `product_categories` (`id`) ON DELETE SET NULL);
-- set sequence for "new_product_categories" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_product_categories", 94489280512);
-- copy rows from old table "product_categories" to new temporary table "new_product_categories"
INSERT INTO `new_product_categories` (`id`, `created_at`, `updated_at`, `name`, `handle`, `tenant_id`, `parent_id`) SELECT `id`, `created_at`, `updated_at`, `name`, `handle`, `tenant_id`, `parent_id` FROM `product_categories`;
-- drop "product_categories" table after copying rows
DROP TABLE `product_categories`;
-- rename temporary table "new_product_categories" to "product_categories"
ALTER TABLE `new_product_categories` RENAME TO `product_categories`;
-- create index "productcategory_tenant_id" to table: "product_categories"
CREATE INDEX `productcategory_tenant_id` ON `product_categories` (`tenant_id`);
-- create index "productcategory_tenant_id_handle" to table: "product_categories"
CREATE UNIQUE INDEX `productcategory_tenant_id_handle` ON `product_categories` (`tenant_id`, `handle`);
-- create "new_product_collections" table
CREATE TABLE `new_product_collections` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `title` text NOT NULL, `handle` text NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `product_collections_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_product_collections" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_product_collections", 98784247808);
-- copy rows from old table "product_collections" to new temporary table "new_product_collections"
INSERT INTO `new_product_collections` (`id`, `created_at`, `updated_at`, `title`, `handle`, `tenant_id`) SELECT `id`, `created_at`, `updated_at`, `title`, `handle`, `tenant_id` FROM `product_collections`;
-- drop "product_collections" table after copying rows
DROP TABLE `product_collections`;
-- rename temporary table "new_product_collections" to "product_collections"
ALTER TABLE `new_product_collections` RENAME TO `product_collections`;
-- create index "productcollection_tenant_id" to table: "product_collections"
CREATE INDEX `productcollection_tenant_id` ON `product_collections` (`tenant_id`);
-- create index "productcollection_tenant_id_handle" to table: "product_collections"
CREATE UNIQUE INDEX `productcollection_tenant_id_handle` ON `product_collections` (`tenant_id`, `handle`);
-- create "new_product_options" table
CREATE TABLE `new_product_options` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `version` integer NOT NULL DEFAULT (1), `title` text NOT NULL, `values` json NOT NULL, `product_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `product_options_products_options` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION, CONSTRAINT `product_options_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_product_options" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_product_options", 103079215104);
-- copy rows from old table "product_options" to new temporary table "new_product_options"
INSERT INTO `new_product_options` (`id`, `title`, `values`, `product_id`, `tenant_id`) SELECT `id`, `title`, `values`, `product_id`, `tenant_id` FROM `product_options`;
-- drop "product_options" table after copying rows
DROP TABLE `product_options`;
-- rename temporary table "new_product_options" to "product_options"
ALTER TABLE `new_product_options` RENAME TO `product_options`;
-- create index "productoption_tenant_id" to table: "product_options"
CREATE INDEX `productoption_tenant_id` ON `product_options` (`tenant_id`);
-- create "new_product_variants" table
CREATE TABLE `new_product_variants` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `title` text NOT NULL, `sku` text NOT NULL, `option_values` json NULL, `barcode` text NULL, `weight` integer NULL, `manage_inventory` bool NOT NULL DEFAULT (true), `allow_backorder` bool NOT NULL DEFAULT (false), `product_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `product_variants_products_variants` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION, CONSTRAINT `product_variants_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_product_variants" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_product_variants", 107374182400);
-- copy rows from old table "product_variants" to new temporary table "new_product_variants"
INSERT INTO `new_product_variants` (`id`, `created_at`, `updated_at`, `title`, `sku`, `option_values`, `barcode`, `weight`, `manage_inventory`, `allow_backorder`, `product_id`, `tenant_id`) SELECT `id`, `created_at`, `updated_at`, `title`, `sku`, `option_values`, `barcode`, `weight`, `manage_inventory`, `allow_backorder`, `product_id`, `tenant_id` FROM `product_variants`;
-- drop "product_variants" table after copying rows
DROP TABLE `product_variants`;
-- rename temporary table "new_product_variants" to "product_variants"
ALTER TABLE `new_product_variants` RENAME TO `product_variants`;
-- create index "productvariant_tenant_id" to table: "product_variants"
CREATE INDEX `productvariant_tenant_id` ON `product_variants` (`tenant_id`);
-- create index "productvariant_tenant_id_sku" to table: "product_variants"
CREATE UNIQUE INDEX `productvariant_tenant_id_sku` ON `product_variants` (`tenant_id`, `sku`);
-- create index "productvariant_product_id" to table: "product_variants"
CREATE INDEX `productvariant_product_id` ON `product_variants` (`product_id`);
-- create "new_regions" table
CREATE TABLE `new_regions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `currency_code` text NOT NULL, `countries` json NULL, `tax_rate_bps` integer NOT NULL DEFAULT (0), `tax_inclusive` bool NOT NULL DEFAULT (false), `tenant_id` integer NOT NULL, CONSTRAINT `regions_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_regions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_regions", 111669149696);
-- copy rows from old table "regions" to new temporary table "new_regions"
INSERT INTO `new_regions` (`id`, `created_at`, `updated_at`, `name`, `currency_code`, `countries`, `tax_rate_bps`, `tax_inclusive`, `tenant_id`) SELECT `id`, `created_at`, `updated_at`, `name`, `currency_code`, `countries`, `tax_rate_bps`, `tax_inclusive`, `tenant_id` FROM `regions`;
-- drop "regions" table after copying rows
DROP TABLE `regions`;
-- rename temporary table "new_regions" to "regions"
ALTER TABLE `new_regions` RENAME TO `regions`;
-- create index "region_tenant_id" to table: "regions"
CREATE INDEX `region_tenant_id` ON `regions` (`tenant_id`);
-- create "new_sales_channels" table
CREATE TABLE `new_sales_channels` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `description` text NOT NULL DEFAULT (''), `is_disabled` bool NOT NULL DEFAULT (false), `tenant_id` integer NOT NULL, `store_id` integer NOT NULL, CONSTRAINT `sales_channels_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `sales_channels_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_sales_channels" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_sales_channels", 120259084288);
-- copy rows from old table "sales_channels" to new temporary table "new_sales_channels"
INSERT INTO `new_sales_channels` (`id`, `created_at`, `updated_at`, `name`, `description`, `is_disabled`, `tenant_id`, `store_id`) SELECT `id`, `created_at`, `updated_at`, `name`, `description`, `is_disabled`, `tenant_id`, `store_id` FROM `sales_channels`;
-- drop "sales_channels" table after copying rows
DROP TABLE `sales_channels`;
-- rename temporary table "new_sales_channels" to "sales_channels"
ALTER TABLE `new_sales_channels` RENAME TO `sales_channels`;
-- create index "saleschannel_tenant_id" to table: "sales_channels"
CREATE INDEX `saleschannel_tenant_id` ON `sales_channels` (`tenant_id`);
-- create index "saleschannel_store_id" to table: "sales_channels"
CREATE INDEX `saleschannel_store_id` ON `sales_channels` (`store_id`);
-- create "new_shipping_options" table
CREATE TABLE `new_shipping_options` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `amount` integer NOT NULL, `region_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `shipping_options_regions_shipping_options` FOREIGN KEY (`region_id`) REFERENCES `regions` (`id`) ON DELETE NO ACTION, CONSTRAINT `shipping_options_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_shipping_options" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_shipping_options", 124554051584);
-- copy rows from old table "shipping_options" to new temporary table "new_shipping_options"
INSERT INTO `new_shipping_options` (`id`, `created_at`, `updated_at`, `name`, `amount`, `region_id`, `tenant_id`) SELECT `id`, `created_at`, `updated_at`, `name`, `amount`, `region_id`, `tenant_id` FROM `shipping_options`;
-- drop "shipping_options" table after copying rows
DROP TABLE `shipping_options`;
-- rename temporary table "new_shipping_options" to "shipping_options"
ALTER TABLE `new_shipping_options` RENAME TO `shipping_options`;
-- create index "shippingoption_tenant_id" to table: "shipping_options"
CREATE INDEX `shippingoption_tenant_id` ON `shipping_options` (`tenant_id`);
-- create "new_stock_locations" table
CREATE TABLE `new_stock_locations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `stock_locations_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_stock_locations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_stock_locations", 128849018880);
-- copy rows from old table "stock_locations" to new temporary table "new_stock_locations"
INSERT INTO `new_stock_locations` (`id`, `created_at`, `updated_at`, `name`, `tenant_id`) SELECT `id`, `created_at`, `updated_at`, `name`, `tenant_id` FROM `stock_locations`;
-- drop "stock_locations" table after copying rows
DROP TABLE `stock_locations`;
-- rename temporary table "new_stock_locations" to "stock_locations"
ALTER TABLE `new_stock_locations` RENAME TO `stock_locations`;
-- create index "stocklocation_tenant_id" to table: "stock_locations"
CREATE INDEX `stocklocation_tenant_id` ON `stock_locations` (`tenant_id`);
-- create "new_domains" table
CREATE TABLE `new_domains` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `hostname` text NOT NULL, `status` text NOT NULL DEFAULT ('pending'), `verification_token` text NOT NULL, `is_primary` bool NOT NULL DEFAULT (false), `verified_at` datetime NULL, `verified_hostname` text NULL, `tenant_id` integer NOT NULL, `store_id` integer NOT NULL, CONSTRAINT `domains_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `domains_stores_domains` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_domains" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_domains", 17179869184);
-- copy rows from old table "domains" to new temporary table "new_domains"
INSERT INTO `new_domains` (`id`, `created_at`, `updated_at`, `hostname`, `status`, `verification_token`, `is_primary`, `verified_at`, `verified_hostname`, `tenant_id`, `store_id`) SELECT `id`, `created_at`, `updated_at`, `hostname`, `status`, `verification_token`, `is_primary`, `verified_at`, `verified_hostname`, `tenant_id`, `store_id` FROM `domains`;
-- drop "domains" table after copying rows
DROP TABLE `domains`;
-- rename temporary table "new_domains" to "domains"
ALTER TABLE `new_domains` RENAME TO `domains`;
-- create index "domains_verified_hostname_key" to table: "domains"
CREATE UNIQUE INDEX `domains_verified_hostname_key` ON `domains` (`verified_hostname`);
-- create index "domain_tenant_id" to table: "domains"
CREATE INDEX `domain_tenant_id` ON `domains` (`tenant_id`);
-- create index "domain_store_id" to table: "domains"
CREATE INDEX `domain_store_id` ON `domains` (`store_id`);
-- create index "domain_hostname" to table: "domains"
CREATE INDEX `domain_hostname` ON `domains` (`hostname`);
-- create index "domain_tenant_id_hostname" to table: "domains"
CREATE UNIQUE INDEX `domain_tenant_id_hostname` ON `domains` (`tenant_id`, `hostname`);
-- create "new_integration_endpoints" table
CREATE TABLE `new_integration_endpoints` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `url` text NOT NULL, `description` text NOT NULL DEFAULT (''), `event_types` json NOT NULL, `enabled` bool NOT NULL DEFAULT (true), `disabled_reason` text NULL, `secret` text NOT NULL, `previous_secret` text NULL, `previous_secret_expires_at` datetime NULL, `dead_streak` integer NOT NULL DEFAULT (0), `tenant_id` integer NOT NULL, `store_id` integer NULL, CONSTRAINT `integration_endpoints_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `integration_endpoints_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE SET NULL);
-- set sequence for "new_integration_endpoints" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_integration_endpoints", 141733920768);
-- copy rows from old table "integration_endpoints" to new temporary table "new_integration_endpoints"
INSERT INTO `new_integration_endpoints` (`id`, `created_at`, `updated_at`, `url`, `description`, `event_types`, `enabled`, `disabled_reason`, `secret`, `previous_secret`, `previous_secret_expires_at`, `dead_streak`, `tenant_id`, `store_id`) SELECT `id`, `created_at`, `updated_at`, `url`, `description`, `event_types`, `enabled`, `disabled_reason`, `secret`, `previous_secret`, `previous_secret_expires_at`, `dead_streak`, `tenant_id`, `store_id` FROM `integration_endpoints`;
-- drop "integration_endpoints" table after copying rows
DROP TABLE `integration_endpoints`;
-- rename temporary table "new_integration_endpoints" to "integration_endpoints"
ALTER TABLE `new_integration_endpoints` RENAME TO `integration_endpoints`;
-- create index "integrationendpoint_tenant_id" to table: "integration_endpoints"
CREATE INDEX `integrationendpoint_tenant_id` ON `integration_endpoints` (`tenant_id`);
-- create index "integrationendpoint_store_id" to table: "integration_endpoints"
CREATE INDEX `integrationendpoint_store_id` ON `integration_endpoints` (`store_id`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
