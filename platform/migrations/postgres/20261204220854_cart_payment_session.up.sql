-- modify "carts" table
ALTER TABLE "carts" ADD COLUMN "payment_provider" character varying NULL, ADD COLUMN "payment_session_id" character varying NULL, ADD COLUMN "payment_amount" bigint NULL;
-- create index "cart_payment_session_id" to table: "carts"
CREATE INDEX "cart_payment_session_id" ON "carts" ("payment_session_id");
