-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- add column "length" to table: "product_variants"
ALTER TABLE `product_variants` ADD COLUMN `length` integer NULL;
-- add column "width" to table: "product_variants"
ALTER TABLE `product_variants` ADD COLUMN `width` integer NULL;
-- add column "height" to table: "product_variants"
ALTER TABLE `product_variants` ADD COLUMN `height` integer NULL;
-- create "new_products" table
CREATE TABLE `new_products` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `title` text NOT NULL, `handle` text NOT NULL, `description` text NOT NULL DEFAULT (''), `subtitle` text NOT NULL DEFAULT (''), `product_type` text NOT NULL DEFAULT (''), `material` text NOT NULL DEFAULT (''), `origin_country` text NOT NULL DEFAULT (''), `status` text NOT NULL DEFAULT ('draft'), `thumbnail` text NULL, `images` json NULL, `tags` json NULL, `metadata` json NULL, `review_status` text NOT NULL DEFAULT ('not_submitted'), `review_note` text NULL, `review_store_id` integer NULL, `tenant_id` integer NOT NULL, `vendor_id` integer NULL, `category_id` integer NULL, `collection_id` integer NULL, CONSTRAINT `products_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `products_vendors_vendor` FOREIGN KEY (`vendor_id`) REFERENCES `vendors` (`id`) ON DELETE RESTRICT, CONSTRAINT `products_product_categories_category` FOREIGN KEY (`category_id`) REFERENCES `product_categories` (`id`) ON DELETE SET NULL, CONSTRAINT `products_product_collections_collection` FOREIGN KEY (`collection_id`) REFERENCES `product_collections` (`id`) ON DELETE SET NULL);
-- set sequence for "new_products" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_products", 90194313216);
-- copy rows from old table "products" to new temporary table "new_products"
INSERT INTO `new_products` (`id`, `created_at`, `updated_at`, `version`, `title`, `handle`, `description`, `status`, `thumbnail`, `images`, `tags`, `metadata`, `review_status`, `review_note`, `review_store_id`, `tenant_id`, `vendor_id`, `category_id`, `collection_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `title`, `handle`, `description`, `status`, `thumbnail`, `images`, `tags`, `metadata`, `review_status`, `review_note`, `review_store_id`, `tenant_id`, `vendor_id`, `category_id`, `collection_id` FROM `products`;
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
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
