-- reverse: create index "productsaleschannel_tenant_id_sales_channel_id" to table: "product_sales_channels"
DROP INDEX `productsaleschannel_tenant_id_sales_channel_id`;
-- reverse: the table as it was, without tenant_id
PRAGMA foreign_keys = off;
CREATE TABLE `old_product_sales_channels` (`product_id` integer NOT NULL, `sales_channel_id` integer NOT NULL, PRIMARY KEY (`product_id`, `sales_channel_id`), CONSTRAINT `product_sales_channels_product_id` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE, CONSTRAINT `product_sales_channels_sales_channel_id` FOREIGN KEY (`sales_channel_id`) REFERENCES `sales_channels` (`id`) ON DELETE CASCADE);
INSERT INTO `old_product_sales_channels` (`product_id`, `sales_channel_id`) SELECT `product_id`, `sales_channel_id` FROM `product_sales_channels`;
DROP TABLE `product_sales_channels`;
ALTER TABLE `old_product_sales_channels` RENAME TO `product_sales_channels`;
DELETE FROM sqlite_sequence WHERE name = "new_product_sales_channels";
PRAGMA foreign_keys = on;
