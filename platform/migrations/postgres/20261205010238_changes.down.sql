-- reverse: modify "users" table
ALTER TABLE "users" DROP COLUMN "version";
-- reverse: modify "tenants" table
ALTER TABLE "tenants" DROP COLUMN "version";
-- reverse: modify "stores" table
ALTER TABLE "stores" DROP COLUMN "version";
-- reverse: modify "stock_locations" table
ALTER TABLE "stock_locations" DROP COLUMN "version";
-- reverse: modify "shipping_options" table
ALTER TABLE "shipping_options" DROP COLUMN "version";
-- reverse: modify "sales_channels" table
ALTER TABLE "sales_channels" DROP COLUMN "version";
-- reverse: modify "regions" table
ALTER TABLE "regions" DROP COLUMN "version";
-- reverse: modify "products" table
ALTER TABLE "products" DROP COLUMN "version";
-- reverse: modify "product_variants" table
ALTER TABLE "product_variants" DROP COLUMN "version";
-- reverse: modify "product_options" table
ALTER TABLE "product_options" DROP COLUMN "version";
-- reverse: modify "product_collections" table
ALTER TABLE "product_collections" DROP COLUMN "version";
-- reverse: modify "product_categories" table
ALTER TABLE "product_categories" DROP COLUMN "version";
-- reverse: modify "prices" table
ALTER TABLE "prices" DROP COLUMN "version";
-- reverse: modify "orders" table
ALTER TABLE "orders" DROP COLUMN "version";
-- reverse: modify "inventory_levels" table
ALTER TABLE "inventory_levels" DROP COLUMN "version";
-- reverse: modify "integration_endpoints" table
ALTER TABLE "integration_endpoints" DROP COLUMN "version";
-- reverse: modify "domains" table
ALTER TABLE "domains" DROP COLUMN "version";
-- reverse: modify "customer_addresses" table
ALTER TABLE "customer_addresses" DROP COLUMN "version";
-- reverse: modify "api_keys" table
ALTER TABLE "api_keys" DROP COLUMN "version";
