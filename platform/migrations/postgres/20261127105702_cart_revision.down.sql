-- reverse: modify "carts" table
ALTER TABLE "carts" DROP COLUMN "revision";
