-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_product_sales_channels" table
CREATE TABLE `new_product_sales_channels` (`tenant_id` integer NOT NULL, `product_id` integer NOT NULL, `sales_channel_id` integer NOT NULL, PRIMARY KEY (`product_id`, `sales_channel_id`), CONSTRAINT `product_sales_channels_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `product_sales_channels_products_product` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, CONSTRAINT `product_sales_channels_sales_channels_sales_channel` FOREIGN KEY (`sales_channel_id`) REFERENCES `sales_channels` (`id`) ON DELETE CASCADE);
-- set sequence for "new_product_sales_channels" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_product_sales_channels", 223338299392);
-- copy rows from old table "product_sales_channels" to new temporary table "new_product_sales_channels",
-- each with its product's tenant (a product and its channels are one tenant's)
INSERT INTO `new_product_sales_channels` (`tenant_id`, `product_id`, `sales_channel_id`) SELECT `products`.`tenant_id`, `product_id`, `sales_channel_id` FROM `product_sales_channels` JOIN `products` ON `products`.`id` = `product_sales_channels`.`product_id`;
-- drop "product_sales_channels" table after copying rows
DROP TABLE `product_sales_channels`;
-- rename temporary table "new_product_sales_channels" to "product_sales_channels"
ALTER TABLE `new_product_sales_channels` RENAME TO `product_sales_channels`;
-- create index "productsaleschannel_tenant_id_sales_channel_id" to table: "product_sales_channels"
CREATE INDEX `productsaleschannel_tenant_id_sales_channel_id` ON `product_sales_channels` (`tenant_id`, `sales_channel_id`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
