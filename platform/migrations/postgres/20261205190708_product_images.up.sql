-- modify "product_variants" table
ALTER TABLE "product_variants" ADD COLUMN "images" jsonb NULL;
-- a product's images become objects: each URL {url, alt "", rank = its position}
UPDATE "products" SET "images" = (SELECT coalesce(jsonb_agg(jsonb_build_object('url', e.url, 'alt', '', 'rank', e.n - 1) ORDER BY e.n), '[]'::jsonb) FROM jsonb_array_elements_text("products"."images") WITH ORDINALITY AS e(url, n)) WHERE jsonb_typeof("images") = 'array';
