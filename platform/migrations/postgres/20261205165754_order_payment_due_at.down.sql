-- reverse: modify "orders" table
ALTER TABLE "orders" DROP COLUMN "payment_due_at";
