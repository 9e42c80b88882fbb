-- reverse: create index "productsaleschannel_tenant_id_sales_channel_id" to table: "product_sales_channels"
DROP INDEX "productsaleschannel_tenant_id_sales_channel_id";
-- reverse: modify "product_sales_channels" table
ALTER TABLE "product_sales_channels" DROP CONSTRAINT "product_sales_channels_tenants_tenant", DROP CONSTRAINT "product_sales_channels_sales_channels_sales_channel", DROP CONSTRAINT "product_sales_channels_products_product", DROP COLUMN "tenant_id", ADD CONSTRAINT "product_sales_channels_sales_channel_id" FOREIGN KEY ("sales_channel_id") REFERENCES "sales_channels" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "product_sales_channels_product_id" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;
