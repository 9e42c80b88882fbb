-- reverse: create index "product_vendor_id" to table: "products"
DROP INDEX `product_vendor_id`;
-- reverse: create index "product_tenant_id_status" to table: "products"
DROP INDEX `product_tenant_id_status`;
-- reverse: create index "product_tenant_id_handle" to table: "products"
DROP INDEX `product_tenant_id_handle`;
-- reverse: create index "product_tenant_id" to table: "products"
DROP INDEX `product_tenant_id`;
-- reverse: set sequence for "new_products" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_products";
-- reverse: create "new_products" table
DROP TABLE `new_products`;
-- reverse: add column "height" to table: "product_variants"
ALTER TABLE `product_variants` DROP COLUMN `height`;
-- reverse: add column "width" to table: "product_variants"
ALTER TABLE `product_variants` DROP COLUMN `width`;
-- reverse: add column "length" to table: "product_variants"
ALTER TABLE `product_variants` DROP COLUMN `length`;
