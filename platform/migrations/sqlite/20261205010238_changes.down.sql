-- reverse: create index "integrationendpoint_store_id" to table: "integration_endpoints"
DROP INDEX `integrationendpoint_store_id`;
-- reverse: create index "integrationendpoint_tenant_id" to table: "integration_endpoints"
DROP INDEX `integrationendpoint_tenant_id`;
-- reverse: set sequence for "new_integration_endpoints" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_integration_endpoints";
-- reverse: create "new_integration_endpoints" table
DROP TABLE `new_integration_endpoints`;
-- reverse: create index "domain_tenant_id_hostname" to table: "domains"
DROP INDEX `domain_tenant_id_hostname`;
-- reverse: create index "domain_hostname" to table: "domains"
DROP INDEX `domain_hostname`;
-- reverse: create index "domain_store_id" to table: "domains"
DROP INDEX `domain_store_id`;
-- reverse: create index "domain_tenant_id" to table: "domains"
DROP INDEX `domain_tenant_id`;
-- reverse: create index "domains_verified_hostname_key" to table: "domains"
DROP INDEX `domains_verified_hostname_key`;
-- reverse: set sequence for "new_domains" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_domains";
-- reverse: create "new_domains" table
DROP TABLE `new_domains`;
-- reverse: create index "stocklocation_tenant_id" to table: "stock_locations"
DROP INDEX `stocklocation_tenant_id`;
-- reverse: set sequence for "new_stock_locations" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_stock_locations";
-- reverse: create "new_stock_locations" table
DROP TABLE `new_stock_locations`;
-- reverse: create index "shippingoption_tenant_id" to table: "shipping_options"
DROP INDEX `shippingoption_tenant_id`;
-- reverse: set sequence for "new_shipping_options" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_shipping_options";
-- reverse: create "new_shipping_options" table
DROP TABLE `new_shipping_options`;
-- reverse: create index "saleschannel_store_id" to table: "sales_channels"
DROP INDEX `saleschannel_store_id`;
-- reverse: create index "saleschannel_tenant_id" to table: "sales_channels"
DROP INDEX `saleschannel_tenant_id`;
-- reverse: set sequence for "new_sales_channels" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_sales_channels";
-- reverse: create "new_sales_channels" table
DROP TABLE `new_sales_channels`;
-- reverse: create index "region_tenant_id" to table: "regions"
DROP INDEX `region_tenant_id`;
-- reverse: set sequence for "new_regions" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_regions";
-- reverse: create "new_regions" table
DROP TABLE `new_regions`;
-- reverse: create index "productvariant_product_id" to table: "product_variants"
DROP INDEX `productvariant_product_id`;
-- reverse: create index "productvariant_tenant_id_sku" to table: "product_variants"
DROP INDEX `productvariant_tenant_id_sku`;
-- reverse: create index "productvariant_tenant_id" to table: "product_variants"
DROP INDEX `productvariant_tenant_id`;
-- reverse: set sequence for "new_product_variants" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_product_variants";
-- reverse: create "new_product_variants" table
DROP TABLE `new_product_variants`;
-- reverse: create index "productoption_tenant_id" to table: "product_options"
DROP INDEX `productoption_tenant_id`;
-- reverse: set sequence for "new_product_options" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_product_options";
-- reverse: create "new_product_options" table
DROP TABLE `new_product_options`;
-- reverse: create index "productcollection_tenant_id_handle" to table: "product_collections"
DROP INDEX `productcollection_tenant_id_handle`;
-- reverse: create index "productcollection_tenant_id" to table: "product_collections"
DROP INDEX `productcollection_tenant_id`;
-- reverse: set sequence for "new_product_collections" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_product_collections";
-- reverse: create "new_product_collections" table
DROP TABLE `new_product_collections`;
-- reverse: create index "productcategory_tenant_id_handle" to table: "product_categories"
DROP INDEX `productcategory_tenant_id_handle`;
-- reverse: create index "productcategory_tenant_id" to table: "product_categories"
DROP INDEX `productcategory_tenant_id`;
-- reverse: set sequence for "new_product_categories" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_product_categories";
-- reverse: create "new_product_categories" table
DROP TABLE `new_product_categories`;
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
-- reverse: create index "price_variant_id_currency_code" to table: "prices"
DROP INDEX `price_variant_id_currency_code`;
-- reverse: create index "price_tenant_id" to table: "prices"
DROP INDEX `price_tenant_id`;
-- reverse: set sequence for "new_prices" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_prices";
-- reverse: create "new_prices" table
DROP TABLE `new_prices`;
-- reverse: create index "order_customer_id" to table: "orders"
DROP INDEX `order_customer_id`;
-- reverse: create index "order_store_id_display_id" to table: "orders"
DROP INDEX `order_store_id_display_id`;
-- reverse: create index "order_tenant_id" to table: "orders"
DROP INDEX `order_tenant_id`;
-- reverse: create index "orders_cart_id_key" to table: "orders"
DROP INDEX `orders_cart_id_key`;
-- reverse: set sequence for "new_orders" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_orders";
-- reverse: create "new_orders" table
DROP TABLE `new_orders`;
-- reverse: create index "inventorylevel_variant_id_location_id" to table: "inventory_levels"
DROP INDEX `inventorylevel_variant_id_location_id`;
-- reverse: create index "inventorylevel_tenant_id" to table: "inventory_levels"
DROP INDEX `inventorylevel_tenant_id`;
-- reverse: set sequence for "new_inventory_levels" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_inventory_levels";
-- reverse: create "new_inventory_levels" table
DROP TABLE `new_inventory_levels`;
-- reverse: create index "customeraddress_tenant_id" to table: "customer_addresses"
DROP INDEX `customeraddress_tenant_id`;
-- reverse: set sequence for "new_customer_addresses" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_customer_addresses";
-- reverse: create "new_customer_addresses" table
DROP TABLE `new_customer_addresses`;
-- reverse: create index "user_email_realm" to table: "users"
DROP INDEX `user_email_realm`;
-- reverse: set sequence for "new_users" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_users";
-- reverse: create "new_users" table
DROP TABLE `new_users`;
-- reverse: create index "store_tenant_id_handle" to table: "stores"
DROP INDEX `store_tenant_id_handle`;
-- reverse: create index "store_tenant_id" to table: "stores"
DROP INDEX `store_tenant_id`;
-- reverse: create index "stores_subdomain_key" to table: "stores"
DROP INDEX `stores_subdomain_key`;
-- reverse: set sequence for "new_stores" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_stores";
-- reverse: create "new_stores" table
DROP TABLE `new_stores`;
-- reverse: create index "tenants_subdomain_key" to table: "tenants"
DROP INDEX `tenants_subdomain_key`;
-- reverse: create index "tenants_handle_key" to table: "tenants"
DROP INDEX `tenants_handle_key`;
-- reverse: set sequence for "new_tenants" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_tenants";
-- reverse: create "new_tenants" table
DROP TABLE `new_tenants`;
-- reverse: create index "apikey_store_id" to table: "api_keys"
DROP INDEX `apikey_store_id`;
-- reverse: create index "apikey_tenant_id" to table: "api_keys"
DROP INDEX `apikey_tenant_id`;
-- reverse: create index "api_keys_token_hash_key" to table: "api_keys"
DROP INDEX `api_keys_token_hash_key`;
-- reverse: create "new_api_keys" table
DROP TABLE `new_api_keys`;
