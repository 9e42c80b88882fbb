-- reverse: modify "products" table
ALTER TABLE "products" DROP COLUMN "origin_country", DROP COLUMN "material", DROP COLUMN "product_type", DROP COLUMN "subtitle";
-- reverse: modify "product_variants" table
ALTER TABLE "product_variants" DROP COLUMN "height", DROP COLUMN "width", DROP COLUMN "length";
