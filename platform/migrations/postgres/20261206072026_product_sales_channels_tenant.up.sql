-- modify "product_sales_channels" table: tenant_id, filled from each row's product (a
-- product and its channels are one tenant's), then required
ALTER TABLE "product_sales_channels" DROP CONSTRAINT "product_sales_channels_product_id", DROP CONSTRAINT "product_sales_channels_sales_channel_id", ADD COLUMN "tenant_id" bigint NULL;
UPDATE "product_sales_channels" SET "tenant_id" = "products"."tenant_id" FROM "products" WHERE "products"."id" = "product_sales_channels"."product_id";
ALTER TABLE "product_sales_channels" ALTER COLUMN "tenant_id" SET NOT NULL, ADD CONSTRAINT "product_sales_channels_products_product" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "product_sales_channels_sales_channels_sales_channel" FOREIGN KEY ("sales_channel_id") REFERENCES "sales_channels" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "product_sales_channels_tenants_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- create index "productsaleschannel_tenant_id_sales_channel_id" to table: "product_sales_channels"
CREATE INDEX "productsaleschannel_tenant_id_sales_channel_id" ON "product_sales_channels" ("tenant_id", "sales_channel_id");
