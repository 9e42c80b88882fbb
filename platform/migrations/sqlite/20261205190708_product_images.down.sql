-- reverse: add column "images" to table: "product_variants"
ALTER TABLE `product_variants` DROP COLUMN `images`;
-- reverse: a product's images become their URLs again, in rank order
UPDATE `products` SET `images` = (SELECT json_group_array(json_extract(`value`, '$.url') ORDER BY json_extract(`value`, '$.rank')) FROM json_each(`products`.`images`)) WHERE json_type(`images`) = 'array';
