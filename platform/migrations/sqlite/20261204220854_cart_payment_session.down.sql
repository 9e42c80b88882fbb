-- reverse: create index "cart_payment_session_id" to table: "carts"
DROP INDEX `cart_payment_session_id`;
-- reverse: create index "cart_tenant_id" to table: "carts"
DROP INDEX `cart_tenant_id`;
-- reverse: create index "carts_token_key" to table: "carts"
DROP INDEX `carts_token_key`;
-- reverse: set sequence for "new_carts" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_carts";
-- reverse: create "new_carts" table
DROP TABLE `new_carts`;
