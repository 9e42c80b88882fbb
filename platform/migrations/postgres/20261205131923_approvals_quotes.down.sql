-- reverse: modify "reservations" table
ALTER TABLE "reservations" DROP CONSTRAINT "reservations_approval_requests_reservations", DROP CONSTRAINT "reservations_orders_reservations", DROP COLUMN "approval_request_id", ALTER COLUMN "order_id" SET NOT NULL, ADD CONSTRAINT "reservations_orders_reservations" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- reverse: create index "quotemessage_tenant_id" to table: "quote_messages"
DROP INDEX "quotemessage_tenant_id";
-- reverse: create index "quotemessage_quote_id" to table: "quote_messages"
DROP INDEX "quotemessage_quote_id";
-- reverse: create "quote_messages" table
DROP TABLE "quote_messages";
-- reverse: create index "quote_tenant_id" to table: "quotes"
DROP INDEX "quote_tenant_id";
-- reverse: create index "quote_store_id_status" to table: "quotes"
DROP INDEX "quote_store_id_status";
-- reverse: create index "quote_status_expires_at" to table: "quotes"
DROP INDEX "quote_status_expires_at";
-- reverse: create index "quote_customer_id" to table: "quotes"
DROP INDEX "quote_customer_id";
-- reverse: create index "quote_company_id" to table: "quotes"
DROP INDEX "quote_company_id";
-- reverse: create index "quote_cart_id" to table: "quotes"
DROP INDEX "quote_cart_id";
-- reverse: create "quotes" table
DROP TABLE "quotes";
-- reverse: create index "approvalrequest_tenant_id" to table: "approval_requests"
DROP INDEX "approvalrequest_tenant_id";
-- reverse: create index "approvalrequest_status_expires_at" to table: "approval_requests"
DROP INDEX "approvalrequest_status_expires_at";
-- reverse: create index "approvalrequest_customer_id" to table: "approval_requests"
DROP INDEX "approvalrequest_customer_id";
-- reverse: create index "approvalrequest_company_id_status" to table: "approval_requests"
DROP INDEX "approvalrequest_company_id_status";
-- reverse: create index "approvalrequest_cart_id" to table: "approval_requests"
DROP INDEX "approvalrequest_cart_id";
-- reverse: create "approval_requests" table
DROP TABLE "approval_requests";
-- reverse: create index "order_company_id_customer_id_created_at" to table: "orders"
DROP INDEX "order_company_id_customer_id_created_at";
-- reverse: modify "orders" table
ALTER TABLE "orders" DROP COLUMN "company_id";
-- reverse: modify "carts" table
ALTER TABLE "carts" DROP COLUMN "held_at";
