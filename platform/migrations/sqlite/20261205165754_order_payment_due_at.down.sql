-- reverse: add column "payment_due_at" to table: "orders"
ALTER TABLE `orders` DROP COLUMN `payment_due_at`;
