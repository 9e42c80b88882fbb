-- reverse: create index "product_vendor_id" to table: "products"
DROP INDEX "product_vendor_id";
-- reverse: modify "products" table
ALTER TABLE "products" DROP CONSTRAINT "products_vendors_vendor", DROP COLUMN "vendor_id", DROP COLUMN "review_store_id", DROP COLUMN "review_note", DROP COLUMN "review_status";
-- reverse: modify "order_line_items" table
ALTER TABLE "order_line_items" DROP CONSTRAINT "order_line_items_suborders_items", DROP COLUMN "suborder_id", DROP COLUMN "vendor_id";
-- reverse: modify "fulfillments" table
ALTER TABLE "fulfillments" DROP CONSTRAINT "fulfillments_suborders_fulfillments", DROP COLUMN "suborder_id";
-- reverse: create index "suborder_vendor_id_created_at" to table: "suborders"
DROP INDEX "suborder_vendor_id_created_at";
-- reverse: create index "suborder_tenant_id" to table: "suborders"
DROP INDEX "suborder_tenant_id";
-- reverse: create index "suborder_order_id_vendor_id" to table: "suborders"
DROP INDEX "suborder_order_id_vendor_id";
-- reverse: create "suborders" table
DROP TABLE "suborders";
-- reverse: create index "commissionrule_tenant_id" to table: "commission_rules"
DROP INDEX "commissionrule_tenant_id";
-- reverse: create "commission_rules" table
DROP TABLE "commission_rules";
-- reverse: create index "commissionline_vendor_id_currency_code_payout_id" to table: "commission_lines"
DROP INDEX "commissionline_vendor_id_currency_code_payout_id";
-- reverse: create index "commissionline_tenant_id" to table: "commission_lines"
DROP INDEX "commissionline_tenant_id";
-- reverse: create index "commissionline_order_id" to table: "commission_lines"
DROP INDEX "commissionline_order_id";
-- reverse: create index "commissionline_event_id_order_line_item_id" to table: "commission_lines"
DROP INDEX "commissionline_event_id_order_line_item_id";
-- reverse: create "commission_lines" table
DROP TABLE "commission_lines";
-- reverse: create index "payout_vendor_id_currency_code_run_key" to table: "payouts"
DROP INDEX "payout_vendor_id_currency_code_run_key";
-- reverse: create index "payout_tenant_id" to table: "payouts"
DROP INDEX "payout_tenant_id";
-- reverse: create index "payout_status" to table: "payouts"
DROP INDEX "payout_status";
-- reverse: create "payouts" table
DROP TABLE "payouts";
-- reverse: modify "stock_locations" table
ALTER TABLE "stock_locations" DROP COLUMN "vendor_id";
-- reverse: modify "integration_endpoints" table
ALTER TABLE "integration_endpoints" DROP COLUMN "vendor_id";
