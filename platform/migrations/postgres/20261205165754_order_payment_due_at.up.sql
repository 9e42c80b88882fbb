-- modify "orders" table
ALTER TABLE "orders" ADD COLUMN "payment_due_at" timestamptz NULL;
