-- modify "api_keys" table
ALTER TABLE "api_keys" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "customer_addresses" table
ALTER TABLE "customer_addresses" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "domains" table
ALTER TABLE "domains" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "integration_endpoints" table
ALTER TABLE "integration_endpoints" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "inventory_levels" table
ALTER TABLE "inventory_levels" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "orders" table
ALTER TABLE "orders" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "prices" table
ALTER TABLE "prices" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "product_categories" table
ALTER TABLE "product_categories" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "product_collections" table
ALTER TABLE "product_collections" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "product_options" table
ALTER TABLE "product_options" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "product_variants" table
ALTER TABLE "product_variants" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "products" table
ALTER TABLE "products" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "regions" table
ALTER TABLE "regions" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "sales_channels" table
ALTER TABLE "sales_channels" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "shipping_options" table
ALTER TABLE "shipping_options" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "stock_locations" table
ALTER TABLE "stock_locations" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "stores" table
ALTER TABLE "stores" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "tenants" table
ALTER TABLE "tenants" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
-- modify "users" table
ALTER TABLE "users" ADD COLUMN "version" bigint NOT NULL DEFAULT 1;
