-- reverse: create index "cart_payment_session_id" to table: "carts"
DROP INDEX "cart_payment_session_id";
-- reverse: modify "carts" table
ALTER TABLE "carts" DROP COLUMN "payment_amount", DROP COLUMN "payment_session_id", DROP COLUMN "payment_provider";
