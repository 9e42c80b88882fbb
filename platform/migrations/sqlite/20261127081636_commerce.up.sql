-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_stores" table
CREATE TABLE `new_stores` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `handle` text NOT NULL, `name` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `storefront_type` text NOT NULL DEFAULT ('retail'), `subdomain` text NULL, `theme_config` json NULL, `metadata` json NULL, `order_seq` integer NOT NULL DEFAULT (0), `tenant_id` integer NOT NULL, CONSTRAINT `stores_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_stores" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_stores", 34359738368);
-- copy rows from old table "stores" to new temporary table "new_stores"
INSERT INTO `new_stores` (`id`, `created_at`, `updated_at`, `handle`, `name`, `status`, `storefront_type`, `subdomain`, `theme_config`, `metadata`, `tenant_id`) SELECT `id`, `created_at`, `updated_at`, `handle`, `name`, `status`, `storefront_type`, `subdomain`, `theme_config`, `metadata`, `tenant_id` FROM `stores`;
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
CREATE TABLE `new_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `realm` integer NOT NULL DEFAULT (0), `password_hash` text NOT NULL, `name` text NOT NULL DEFAULT (''), `status` text NOT NULL DEFAULT ('active'));
-- set sequence for "new_users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_users", 47244640256);
-- copy rows from old table "users" to new temporary table "new_users"
INSERT INTO `new_users` (`id`, `created_at`, `updated_at`, `email`, `password_hash`, `name`, `status`) SELECT `id`, `created_at`, `updated_at`, `email`, `password_hash`, `name`, `status` FROM `users`;
-- drop "users" table after copying rows
DROP TABLE `users`;
-- rename temporary table "new_users" to "users"
ALTER TABLE `new_users` RENAME TO `users`;
-- create index "user_email_realm" to table: "users"
CREATE UNIQUE INDEX `user_email_realm` ON `users` (`email`, `realm`);
-- create "carts" table
CREATE TABLE `carts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `token` integer NOT NULL, `currency_code` text NOT NULL, `email` text NULL, `shipping_address` json NULL, `billing_address` json NULL, `completed_at` datetime NULL, `tenant_id` integer NOT NULL, `store_id` integer NOT NULL, `region_id` integer NOT NULL, `customer_id` integer NULL, `shipping_option_id` integer NULL, CONSTRAINT `carts_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `carts_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION, CONSTRAINT `carts_regions_region` FOREIGN KEY (`region_id`) REFERENCES `regions` (`id`) ON DELETE NO ACTION, CONSTRAINT `carts_users_customer` FOREIGN KEY (`customer_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `carts_shipping_options_shipping_option` FOREIGN KEY (`shipping_option_id`) REFERENCES `shipping_options` (`id`) ON DELETE SET NULL);
-- set sequence for "carts" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("carts", 51539607552);
-- create index "carts_token_key" to table: "carts"
CREATE UNIQUE INDEX `carts_token_key` ON `carts` (`token`);
-- create index "cart_tenant_id" to table: "carts"
CREATE INDEX `cart_tenant_id` ON `carts` (`tenant_id`);
-- create "customer_addresses" table
CREATE TABLE `customer_addresses` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `first_name` text NOT NULL, `last_name` text NOT NULL, `address1` text NOT NULL, `address2` text NULL, `city` text NOT NULL, `postal_code` text NULL, `country_code` text NOT NULL, `phone` text NULL, `tenant_id` integer NOT NULL, `user_id` integer NOT NULL, CONSTRAINT `customer_addresses_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `customer_addresses_users_addresses` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- set sequence for "customer_addresses" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("customer_addresses", 55834574848);
-- create index "customeraddress_tenant_id" to table: "customer_addresses"
CREATE INDEX `customeraddress_tenant_id` ON `customer_addresses` (`tenant_id`);
-- create "fulfillments" table
CREATE TABLE `fulfillments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `shipped_at` datetime NULL, `delivered_at` datetime NULL, `tenant_id` integer NOT NULL, `order_id` integer NOT NULL, CONSTRAINT `fulfillments_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `fulfillments_orders_fulfillments` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE NO ACTION);
-- set sequence for "fulfillments" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("fulfillments", 60129542144);
-- create index "fulfillment_tenant_id" to table: "fulfillments"
CREATE INDEX `fulfillment_tenant_id` ON `fulfillments` (`tenant_id`);
-- create "inventory_levels" table
CREATE TABLE `inventory_levels` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `stocked_quantity` integer NOT NULL DEFAULT (0), `reserved_quantity` integer NOT NULL DEFAULT (0), `tenant_id` integer NOT NULL, `location_id` integer NOT NULL, `variant_id` integer NOT NULL, CONSTRAINT `inventory_levels_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `inventory_levels_stock_locations_location` FOREIGN KEY (`location_id`) REFERENCES `stock_locations` (`id`) ON DELETE NO ACTION, CONSTRAINT `inventory_levels_product_variants_inventory_levels` FOREIGN KEY (`variant_id`) REFERENCES `product_variants` (`id`) ON DELETE NO ACTION);
-- set sequence for "inventory_levels" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("inventory_levels", 64424509440);
-- create index "inventorylevel_tenant_id" to table: "inventory_levels"
CREATE INDEX `inventorylevel_tenant_id` ON `inventory_levels` (`tenant_id`);
-- create index "inventorylevel_variant_id_location_id" to table: "inventory_levels"
CREATE UNIQUE INDEX `inventorylevel_variant_id_location_id` ON `inventory_levels` (`variant_id`, `location_id`);
-- create "line_items" table
CREATE TABLE `line_items` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `sku` text NOT NULL, `quantity` integer NOT NULL, `unit_price` integer NOT NULL, `cart_id` integer NOT NULL, `tenant_id` integer NOT NULL, `variant_id` integer NOT NULL, CONSTRAINT `line_items_carts_items` FOREIGN KEY (`cart_id`) REFERENCES `carts` (`id`) ON DELETE NO ACTION, CONSTRAINT `line_items_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `line_items_product_variants_variant` FOREIGN KEY (`variant_id`) REFERENCES `product_variants` (`id`) ON DELETE NO ACTION);
-- set sequence for "line_items" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("line_items", 68719476736);
-- create index "lineitem_tenant_id" to table: "line_items"
CREATE INDEX `lineitem_tenant_id` ON `line_items` (`tenant_id`);
-- create index "lineitem_cart_id" to table: "line_items"
CREATE INDEX `lineitem_cart_id` ON `line_items` (`cart_id`);
-- create "orders" table
CREATE TABLE `orders` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `display_id` integer NOT NULL, `cart_id` integer NULL, `idempotency_key` text NOT NULL, `email` text NULL, `status` text NOT NULL DEFAULT ('pending'), `payment_status` text NOT NULL DEFAULT ('not_paid'), `fulfillment_status` text NOT NULL DEFAULT ('not_fulfilled'), `currency_code` text NOT NULL, `subtotal` integer NOT NULL, `shipping_total` integer NOT NULL, `tax_total` integer NOT NULL, `total` integer NOT NULL, `refunded_total` integer NOT NULL DEFAULT (0), `payment_provider` text NOT NULL, `payment_reference` text NULL, `shipping_method` text NULL, `shipping_address` json NULL, `billing_address` json NULL, `canceled_at` datetime NULL, `tenant_id` integer NOT NULL, `store_id` integer NOT NULL, `customer_id` integer NULL, CONSTRAINT `orders_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `orders_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION, CONSTRAINT `orders_users_customer` FOREIGN KEY (`customer_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- set sequence for "orders" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("orders", 73014444032);
-- create index "orders_cart_id_key" to table: "orders"
CREATE UNIQUE INDEX `orders_cart_id_key` ON `orders` (`cart_id`);
-- create index "order_tenant_id" to table: "orders"
CREATE INDEX `order_tenant_id` ON `orders` (`tenant_id`);
-- create index "order_store_id_display_id" to table: "orders"
CREATE UNIQUE INDEX `order_store_id_display_id` ON `orders` (`store_id`, `display_id`);
-- create index "order_tenant_id_idempotency_key" to table: "orders"
CREATE UNIQUE INDEX `order_tenant_id_idempotency_key` ON `orders` (`tenant_id`, `idempotency_key`);
-- create index "order_customer_id" to table: "orders"
CREATE INDEX `order_customer_id` ON `orders` (`customer_id`);
-- create "order_line_items" table
CREATE TABLE `order_line_items` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `variant_id` integer NULL, `title` text NOT NULL, `sku` text NOT NULL, `quantity` integer NOT NULL, `unit_price` integer NOT NULL, `total` integer NOT NULL, `order_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `order_line_items_orders_items` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE NO ACTION, CONSTRAINT `order_line_items_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "order_line_items" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("order_line_items", 77309411328);
-- create index "orderlineitem_tenant_id" to table: "order_line_items"
CREATE INDEX `orderlineitem_tenant_id` ON `order_line_items` (`tenant_id`);
-- create index "orderlineitem_order_id" to table: "order_line_items"
CREATE INDEX `orderlineitem_order_id` ON `order_line_items` (`order_id`);
-- create "outbox_events" table
CREATE TABLE `outbox_events` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `tenant_id` integer NULL, `topic` text NOT NULL, `payload` json NOT NULL, `published_at` datetime NULL);
-- set sequence for "outbox_events" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("outbox_events", 81604378624);
-- create index "outboxevent_published_at" to table: "outbox_events"
CREATE INDEX `outboxevent_published_at` ON `outbox_events` (`published_at`);
-- create "prices" table
CREATE TABLE `prices` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `currency_code` text NOT NULL, `amount` integer NOT NULL, `tenant_id` integer NOT NULL, `region_id` integer NULL, `variant_id` integer NOT NULL, CONSTRAINT `prices_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `prices_regions_region` FOREIGN KEY (`region_id`) REFERENCES `regions` (`id`) ON DELETE SET NULL, CONSTRAINT `prices_product_variants_prices` FOREIGN KEY (`variant_id`) REFERENCES `product_variants` (`id`) ON DELETE NO ACTION);
-- set sequence for "prices" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("prices", 85899345920);
-- create index "price_tenant_id" to table: "prices"
CREATE INDEX `price_tenant_id` ON `prices` (`tenant_id`);
-- create index "price_variant_id_currency_code" to table: "prices"
CREATE INDEX `price_variant_id_currency_code` ON `prices` (`variant_id`, `currency_code`);
-- create "products" table
CREATE TABLE `products` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `handle` text NOT NULL, `description` text NOT NULL DEFAULT (''), `status` text NOT NULL DEFAULT ('draft'), `thumbnail` text NULL, `images` json NULL, `tags` json NULL, `metadata` json NULL, `tenant_id` integer NOT NULL, `category_id` integer NULL, `collection_id` integer NULL, CONSTRAINT `products_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `products_product_categories_category` FOREIGN KEY (`category_id`) REFERENCES `product_categories` (`id`) ON DELETE SET NULL, CONSTRAINT `products_product_collections_collection` FOREIGN KEY (`collection_id`) REFERENCES `product_collections` (`id`) ON DELETE SET NULL);
-- set sequence for "products" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("products", 90194313216);
-- create index "product_tenant_id" to table: "products"
CREATE INDEX `product_tenant_id` ON `products` (`tenant_id`);
-- create index "product_tenant_id_handle" to table: "products"
CREATE UNIQUE INDEX `product_tenant_id_handle` ON `products` (`tenant_id`, `handle`);
-- create index "product_tenant_id_status" to table: "products"
CREATE INDEX `product_tenant_id_status` ON `products` (`tenant_id`, `status`);
-- create "product_categories" table
CREATE TABLE `product_categories` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `handle` text NOT NULL, `tenant_id` integer NOT NULL, `parent_id` integer NULL, CONSTRAINT `product_categories_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `product_categories_product_categories_children` FOREIGN KEY (`parent_id`) REFERENCES `product_categories` (`id`) ON DELETE SET NULL);
-- set sequence for "product_categories" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("product_categories", 94489280512);
-- create index "productcategory_tenant_id" to table: "product_categories"
CREATE INDEX `productcategory_tenant_id` ON `product_categories` (`tenant_id`);
-- create index "productcategory_tenant_id_handle" to table: "product_categories"
CREATE UNIQUE INDEX `productcategory_tenant_id_handle` ON `product_categories` (`tenant_id`, `handle`);
-- create "product_collections" table
CREATE TABLE `product_collections` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `handle` text NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `product_collections_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "product_collections" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("product_collections", 98784247808);
-- create index "productcollection_tenant_id" to table: "product_collections"
CREATE INDEX `productcollection_tenant_id` ON `product_collections` (`tenant_id`);
-- create index "productcollection_tenant_id_handle" to table: "product_collections"
CREATE UNIQUE INDEX `productcollection_tenant_id_handle` ON `product_collections` (`tenant_id`, `handle`);
-- create "product_options" table
CREATE TABLE `product_options` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `title` text NOT NULL, `values` json NOT NULL, `product_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `product_options_products_options` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION, CONSTRAINT `product_options_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "product_options" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("product_options", 103079215104);
-- create index "productoption_tenant_id" to table: "product_options"
CREATE INDEX `productoption_tenant_id` ON `product_options` (`tenant_id`);
-- create "product_variants" table
CREATE TABLE `product_variants` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `sku` text NOT NULL, `option_values` json NULL, `barcode` text NULL, `weight` integer NULL, `manage_inventory` bool NOT NULL DEFAULT (true), `allow_backorder` bool NOT NULL DEFAULT (false), `product_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `product_variants_products_variants` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION, CONSTRAINT `product_variants_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "product_variants" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("product_variants", 107374182400);
-- create index "productvariant_tenant_id" to table: "product_variants"
CREATE INDEX `productvariant_tenant_id` ON `product_variants` (`tenant_id`);
-- create index "productvariant_tenant_id_sku" to table: "product_variants"
CREATE UNIQUE INDEX `productvariant_tenant_id_sku` ON `product_variants` (`tenant_id`, `sku`);
-- create index "productvariant_product_id" to table: "product_variants"
CREATE INDEX `productvariant_product_id` ON `product_variants` (`product_id`);
-- create "regions" table
CREATE TABLE `regions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `currency_code` text NOT NULL, `countries` json NULL, `tax_rate_bps` integer NOT NULL DEFAULT (0), `tax_inclusive` bool NOT NULL DEFAULT (false), `tenant_id` integer NOT NULL, CONSTRAINT `regions_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "regions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("regions", 111669149696);
-- create index "region_tenant_id" to table: "regions"
CREATE INDEX `region_tenant_id` ON `regions` (`tenant_id`);
-- create "reservations" table
CREATE TABLE `reservations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `inventory_level_id` integer NOT NULL, `quantity` integer NOT NULL, `released_at` datetime NULL, `order_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `reservations_orders_reservations` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE NO ACTION, CONSTRAINT `reservations_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "reservations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("reservations", 115964116992);
-- create index "reservation_tenant_id" to table: "reservations"
CREATE INDEX `reservation_tenant_id` ON `reservations` (`tenant_id`);
-- create "sales_channels" table
CREATE TABLE `sales_channels` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `description` text NOT NULL DEFAULT (''), `is_disabled` bool NOT NULL DEFAULT (false), `tenant_id` integer NOT NULL, `store_id` integer NOT NULL, CONSTRAINT `sales_channels_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `sales_channels_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION);
-- set sequence for "sales_channels" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("sales_channels", 120259084288);
-- create index "saleschannel_tenant_id" to table: "sales_channels"
CREATE INDEX `saleschannel_tenant_id` ON `sales_channels` (`tenant_id`);
-- create index "saleschannel_store_id" to table: "sales_channels"
CREATE INDEX `saleschannel_store_id` ON `sales_channels` (`store_id`);
-- create "shipping_options" table
CREATE TABLE `shipping_options` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `amount` integer NOT NULL, `region_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `shipping_options_regions_shipping_options` FOREIGN KEY (`region_id`) REFERENCES `regions` (`id`) ON DELETE NO ACTION, CONSTRAINT `shipping_options_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "shipping_options" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("shipping_options", 124554051584);
-- create index "shippingoption_tenant_id" to table: "shipping_options"
CREATE INDEX `shippingoption_tenant_id` ON `shipping_options` (`tenant_id`);
-- create "stock_locations" table
CREATE TABLE `stock_locations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `stock_locations_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "stock_locations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("stock_locations", 128849018880);
-- create index "stocklocation_tenant_id" to table: "stock_locations"
CREATE INDEX `stocklocation_tenant_id` ON `stock_locations` (`tenant_id`);
-- create "product_sales_channels" table
CREATE TABLE `product_sales_channels` (`product_id` integer NOT NULL, `sales_channel_id` integer NOT NULL, PRIMARY KEY (`product_id`, `sales_channel_id`), CONSTRAINT `product_sales_channels_product_id` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, CONSTRAINT `product_sales_channels_sales_channel_id` FOREIGN KEY (`sales_channel_id`) REFERENCES `sales_channels` (`id`) ON DELETE CASCADE);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
