-- add column "payment_due_at" to table: "orders"
ALTER TABLE `orders` ADD COLUMN `payment_due_at` datetime NULL;
