-- reverse: create index "suborder_vendor_id_created_at" to table: "suborders"
DROP INDEX `suborder_vendor_id_created_at`;
-- reverse: create index "suborder_order_id_vendor_id" to table: "suborders"
DROP INDEX `suborder_order_id_vendor_id`;
-- reverse: create index "suborder_tenant_id" to table: "suborders"
DROP INDEX `suborder_tenant_id`;
-- reverse: set sequence for "suborders" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "suborders";
-- reverse: create "suborders" table
DROP TABLE `suborders`;
-- reverse: create index "payout_status" to table: "payouts"
DROP INDEX `payout_status`;
-- reverse: create index "payout_vendor_id_currency_code_run_key" to table: "payouts"
DROP INDEX `payout_vendor_id_currency_code_run_key`;
-- reverse: create index "payout_tenant_id" to table: "payouts"
DROP INDEX `payout_tenant_id`;
-- reverse: set sequence for "payouts" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "payouts";
-- reverse: create "payouts" table
DROP TABLE `payouts`;
-- reverse: create index "commissionrule_tenant_id" to table: "commission_rules"
DROP INDEX `commissionrule_tenant_id`;
-- reverse: set sequence for "commission_rules" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "commission_rules";
-- reverse: create "commission_rules" table
DROP TABLE `commission_rules`;
-- reverse: create index "commissionline_order_id" to table: "commission_lines"
DROP INDEX `commissionline_order_id`;
-- reverse: create index "commissionline_vendor_id_currency_code_payout_id" to table: "commission_lines"
DROP INDEX `commissionline_vendor_id_currency_code_payout_id`;
-- reverse: create index "commissionline_event_id_order_line_item_id" to table: "commission_lines"
DROP INDEX `commissionline_event_id_order_line_item_id`;
-- reverse: create index "commissionline_tenant_id" to table: "commission_lines"
DROP INDEX `commissionline_tenant_id`;
-- reverse: set sequence for "commission_lines" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "commission_lines";
-- reverse: create "commission_lines" table
DROP TABLE `commission_lines`;
-- reverse: add column "vendor_id" to table: "integration_endpoints"
ALTER TABLE `integration_endpoints` DROP COLUMN `vendor_id`;
-- reverse: add column "vendor_id" to table: "stock_locations"
ALTER TABLE `stock_locations` DROP COLUMN `vendor_id`;
-- reverse: create index "product_vendor_id" to table: "products"
DROP INDEX `product_vendor_id`;
-- reverse: create index "product_tenant_id_status" to table: "products"
DROP INDEX `product_tenant_id_status`;
-- reverse: create index "product_tenant_id_handle" to table: "products"
DROP INDEX `product_tenant_id_handle`;
-- reverse: create index "product_tenant_id" to table: "products"
DROP INDEX `product_tenant_id`;
-- reverse: set sequence for "new_products" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_products";
-- reverse: create "new_products" table
DROP TABLE `new_products`;
-- reverse: create index "orderlineitem_order_id" to table: "order_line_items"
DROP INDEX `orderlineitem_order_id`;
-- reverse: create index "orderlineitem_tenant_id" to table: "order_line_items"
DROP INDEX `orderlineitem_tenant_id`;
-- reverse: set sequence for "new_order_line_items" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_order_line_items";
-- reverse: create "new_order_line_items" table
DROP TABLE `new_order_line_items`;
-- reverse: create index "fulfillment_tenant_id" to table: "fulfillments"
DROP INDEX `fulfillment_tenant_id`;
-- reverse: set sequence for "new_fulfillments" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_fulfillments";
-- reverse: create "new_fulfillments" table
DROP TABLE `new_fulfillments`;
