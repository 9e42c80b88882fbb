-- modify "carts" table
ALTER TABLE "carts" ADD COLUMN "revision" bigint NOT NULL DEFAULT 0;
