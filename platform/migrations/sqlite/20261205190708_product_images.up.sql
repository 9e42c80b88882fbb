-- add column "images" to table: "product_variants"
ALTER TABLE `product_variants` ADD COLUMN `images` json NULL;
-- a product's images become objects: each URL {url, alt "", rank = its position}
UPDATE `products` SET `images` = (SELECT json_group_array(json_object('url', `value`, 'alt', '', 'rank', `key`) ORDER BY `key`) FROM json_each(`products`.`images`)) WHERE json_type(`images`) = 'array';
