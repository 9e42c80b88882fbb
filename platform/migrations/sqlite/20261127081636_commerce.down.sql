-- reverse: create "product_sales_channels" table
DROP TABLE `product_sales_channels`;
-- reverse: create index "stocklocation_tenant_id" to table: "stock_locations"
DROP INDEX `stocklocation_tenant_id`;
-- reverse: set sequence for "stock_locations" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "stock_locations";
-- reverse: create "stock_locations" table
DROP TABLE `stock_locations`;
-- reverse: create index "shippingoption_tenant_id" to table: "shipping_options"
DROP INDEX `shippingoption_tenant_id`;
-- reverse: set sequence for "shipping_options" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "shipping_options";
-- reverse: create "shipping_options" table
DROP TABLE `shipping_options`;
-- reverse: create index "saleschannel_store_id" to table: "sales_channels"
DROP INDEX `saleschannel_store_id`;
-- reverse: create index "saleschannel_tenant_id" to table: "sales_channels"
DROP INDEX `saleschannel_tenant_id`;
-- reverse: set sequence for "sales_channels" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "sales_channels";
-- reverse: create "sales_channels" table
DROP TABLE `sales_channels`;
-- reverse: create index "reservation_tenant_id" to table: "reservations"
DROP INDEX `reservation_tenant_id`;
-- reverse: set sequence for "reservations" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "reservations";
-- reverse: create "reservations" table
DROP TABLE `reservations`;
-- reverse: create index "region_tenant_id" to table: "regions"
DROP INDEX `region_tenant_id`;
-- reverse: set sequence for "regions" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "regions";
-- reverse: create "regions" table
DROP TABLE `regions`;
-- reverse: create index "productvariant_product_id" to table: "product_variants"
DROP INDEX `productvariant_product_id`;
-- reverse: create index "productvariant_tenant_id_sku" to table: "product_variants"
DROP INDEX `productvariant_tenant_id_sku`;
-- reverse: create index "productvariant_tenant_id" to table: "product_variants"
DROP INDEX `productvariant_tenant_id`;
-- reverse: set sequence for "product_variants" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "product_variants";
-- reverse: create "product_variants" table
DROP TABLE `product_variants`;
-- reverse: create index "productoption_tenant_id" to table: "product_options"
DROP INDEX `productoption_tenant_id`;
-- reverse: set sequence for "product_options" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "product_options";
-- reverse: create "product_options" table
DROP TABLE `product_options`;
-- reverse: create index "productcollection_tenant_id_handle" to table: "product_collections"
DROP INDEX `productcollection_tenant_id_handle`;
-- reverse: create index "productcollection_tenant_id" to table: "product_collections"
DROP INDEX `productcollection_tenant_id`;
-- reverse: set sequence for "product_collections" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "product_collections";
-- reverse: create "product_collections" table
DROP TABLE `product_collections`;
-- reverse: create index "productcategory_tenant_id_handle" to table: "product_categories"
DROP INDEX `productcategory_tenant_id_handle`;
-- reverse: create index "productcategory_tenant_id" to table: "product_categories"
DROP INDEX `productcategory_tenant_id`;
-- reverse: set sequence for "product_categories" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "product_categories";
-- reverse: create "product_categories" table
DROP TABLE `product_categories`;
-- reverse: create index "product_tenant_id_status" to table: "products"
DROP INDEX `product_tenant_id_status`;
-- reverse: create index "product_tenant_id_handle" to table: "products"
DROP INDEX `product_tenant_id_handle`;
-- reverse: create index "product_tenant_id" to table: "products"
DROP INDEX `product_tenant_id`;
-- reverse: set sequence for "products" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "products";
-- reverse: create "products" table
DROP TABLE `products`;
-- reverse: create index "price_variant_id_currency_code" to table: "prices"
DROP INDEX `price_variant_id_currency_code`;
-- reverse: create index "price_tenant_id" to table: "prices"
DROP INDEX `price_tenant_id`;
-- reverse: set sequence for "prices" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "prices";
-- reverse: create "prices" table
DROP TABLE `prices`;
-- reverse: create index "outboxevent_published_at" to table: "outbox_events"
DROP INDEX `outboxevent_published_at`;
-- reverse: set sequence for "outbox_events" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "outbox_events";
-- reverse: create "outbox_events" table
DROP TABLE `outbox_events`;
-- reverse: create index "orderlineitem_order_id" to table: "order_line_items"
DROP INDEX `orderlineitem_order_id`;
-- reverse: create index "orderlineitem_tenant_id" to table: "order_line_items"
DROP INDEX `orderlineitem_tenant_id`;
-- reverse: set sequence for "order_line_items" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "order_line_items";
-- reverse: create "order_line_items" table
DROP TABLE `order_line_items`;
-- reverse: create index "order_customer_id" to table: "orders"
DROP INDEX `order_customer_id`;
-- reverse: create index "order_tenant_id_idempotency_key" to table: "orders"
DROP INDEX `order_tenant_id_idempotency_key`;
-- reverse: create index "order_store_id_display_id" to table: "orders"
DROP INDEX `order_store_id_display_id`;
-- reverse: create index "order_tenant_id" to table: "orders"
DROP INDEX `order_tenant_id`;
-- reverse: create index "orders_cart_id_key" to table: "orders"
DROP INDEX `orders_cart_id_key`;
-- reverse: set sequence for "orders" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "orders";
-- reverse: create "orders" table
DROP TABLE `orders`;
-- reverse: create index "lineitem_cart_id" to table: "line_items"
DROP INDEX `lineitem_cart_id`;
-- reverse: create index "lineitem_tenant_id" to table: "line_items"
DROP INDEX `lineitem_tenant_id`;
-- reverse: set sequence for "line_items" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "line_items";
-- reverse: create "line_items" table
DROP TABLE `line_items`;
-- reverse: create index "inventorylevel_variant_id_location_id" to table: "inventory_levels"
DROP INDEX `inventorylevel_variant_id_location_id`;
-- reverse: create index "inventorylevel_tenant_id" to table: "inventory_levels"
DROP INDEX `inventorylevel_tenant_id`;
-- reverse: set sequence for "inventory_levels" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "inventory_levels";
-- reverse: create "inventory_levels" table
DROP TABLE `inventory_levels`;
-- reverse: create index "fulfillment_tenant_id" to table: "fulfillments"
DROP INDEX `fulfillment_tenant_id`;
-- reverse: set sequence for "fulfillments" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "fulfillments";
-- reverse: create "fulfillments" table
DROP TABLE `fulfillments`;
-- reverse: create index "customeraddress_tenant_id" to table: "customer_addresses"
DROP INDEX `customeraddress_tenant_id`;
-- reverse: set sequence for "customer_addresses" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "customer_addresses";
-- reverse: create "customer_addresses" table
DROP TABLE `customer_addresses`;
-- reverse: create index "cart_tenant_id" to table: "carts"
DROP INDEX `cart_tenant_id`;
-- reverse: create index "carts_token_key" to table: "carts"
DROP INDEX `carts_token_key`;
-- reverse: set sequence for "carts" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "carts";
-- reverse: create "carts" table
DROP TABLE `carts`;
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
