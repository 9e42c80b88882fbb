-- reverse: create index "quotemessage_quote_id" to table: "quote_messages"
DROP INDEX `quotemessage_quote_id`;
-- reverse: create index "quotemessage_tenant_id" to table: "quote_messages"
DROP INDEX `quotemessage_tenant_id`;
-- reverse: set sequence for "quote_messages" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "quote_messages";
-- reverse: create "quote_messages" table
DROP TABLE `quote_messages`;
-- reverse: create index "quote_status_expires_at" to table: "quotes"
DROP INDEX `quote_status_expires_at`;
-- reverse: create index "quote_cart_id" to table: "quotes"
DROP INDEX `quote_cart_id`;
-- reverse: create index "quote_company_id" to table: "quotes"
DROP INDEX `quote_company_id`;
-- reverse: create index "quote_customer_id" to table: "quotes"
DROP INDEX `quote_customer_id`;
-- reverse: create index "quote_store_id_status" to table: "quotes"
DROP INDEX `quote_store_id_status`;
-- reverse: create index "quote_tenant_id" to table: "quotes"
DROP INDEX `quote_tenant_id`;
-- reverse: set sequence for "quotes" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "quotes";
-- reverse: create "quotes" table
DROP TABLE `quotes`;
-- reverse: create index "approvalrequest_status_expires_at" to table: "approval_requests"
DROP INDEX `approvalrequest_status_expires_at`;
-- reverse: create index "approvalrequest_cart_id" to table: "approval_requests"
DROP INDEX `approvalrequest_cart_id`;
-- reverse: create index "approvalrequest_customer_id" to table: "approval_requests"
DROP INDEX `approvalrequest_customer_id`;
-- reverse: create index "approvalrequest_company_id_status" to table: "approval_requests"
DROP INDEX `approvalrequest_company_id_status`;
-- reverse: create index "approvalrequest_tenant_id" to table: "approval_requests"
DROP INDEX `approvalrequest_tenant_id`;
-- reverse: set sequence for "approval_requests" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "approval_requests";
-- reverse: create "approval_requests" table
DROP TABLE `approval_requests`;
-- reverse: create index "order_company_id_customer_id_created_at" to table: "orders"
DROP INDEX `order_company_id_customer_id_created_at`;
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
-- reverse: add column "held_at" to table: "carts"
ALTER TABLE `carts` DROP COLUMN `held_at`;
-- reverse: create index "reservation_tenant_id" to table: "reservations"
DROP INDEX `reservation_tenant_id`;
-- reverse: set sequence for "new_reservations" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_reservations";
-- reverse: create "new_reservations" table
DROP TABLE `new_reservations`;
