-- reverse: modify "product_variants" table
ALTER TABLE "product_variants" DROP COLUMN "images";
-- reverse: a product's images become their URLs again, in rank order
UPDATE "products" SET "images" = (SELECT coalesce(jsonb_agg(e->'url' ORDER BY (e->>'rank')::int), '[]'::jsonb) FROM jsonb_array_elements("products"."images") AS e) WHERE jsonb_typeof("images") = 'array';
