-- modify "product_variants" table
ALTER TABLE "product_variants" ADD COLUMN "length" bigint NULL, ADD COLUMN "width" bigint NULL, ADD COLUMN "height" bigint NULL;
-- modify "products" table
ALTER TABLE "products" ADD COLUMN "subtitle" character varying NOT NULL DEFAULT '', ADD COLUMN "product_type" character varying NOT NULL DEFAULT '', ADD COLUMN "material" character varying NOT NULL DEFAULT '', ADD COLUMN "origin_country" character varying NOT NULL DEFAULT '';
