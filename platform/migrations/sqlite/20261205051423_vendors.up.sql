-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_memberships" table
CREATE TABLE `new_memberships` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `role` text NOT NULL, `tenant_id` integer NULL, `store_id` integer NULL, `vendor_id` integer NULL, `user_id` integer NOT NULL, CONSTRAINT `memberships_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE SET NULL, CONSTRAINT `memberships_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE SET NULL, CONSTRAINT `memberships_vendors_vendor` FOREIGN KEY (`vendor_id`) REFERENCES `vendors` (`id`) ON DELETE CASCADE, CONSTRAINT `memberships_users_memberships` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_memberships" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_memberships", 21474836480);
-- copy rows from old table "memberships" to new temporary table "new_memberships"
INSERT INTO `new_memberships` (`id`, `created_at`, `updated_at`, `role`, `tenant_id`, `store_id`, `user_id`) SELECT `id`, `created_at`, `updated_at`, `role`, `tenant_id`, `store_id`, `user_id` FROM `memberships`;
-- drop "memberships" table after copying rows
DROP TABLE `memberships`;
-- rename temporary table "new_memberships" to "memberships"
ALTER TABLE `new_memberships` RENAME TO `memberships`;
-- create index "membership_user_id" to table: "memberships"
CREATE INDEX `membership_user_id` ON `memberships` (`user_id`);
-- create index "membership_tenant_id" to table: "memberships"
CREATE INDEX `membership_tenant_id` ON `memberships` (`tenant_id`);
-- create index "membership_store_id" to table: "memberships"
CREATE INDEX `membership_store_id` ON `memberships` (`store_id`);
-- create index "membership_vendor_id" to table: "memberships"
CREATE INDEX `membership_vendor_id` ON `memberships` (`vendor_id`);
-- create "new_invitations" table
CREATE TABLE `new_invitations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `role` text NOT NULL, `token_hash` text NOT NULL, `expires_at` datetime NOT NULL, `accepted_at` datetime NULL, `accepted_by` integer NULL, `tenant_id` integer NOT NULL, `store_id` integer NULL, `vendor_id` integer NULL, CONSTRAINT `invitations_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `invitations_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE CASCADE, CONSTRAINT `invitations_vendors_vendor` FOREIGN KEY (`vendor_id`) REFERENCES `vendors` (`id`) ON DELETE CASCADE);
-- set sequence for "new_invitations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_invitations", 133143986176);
-- copy rows from old table "invitations" to new temporary table "new_invitations"
INSERT INTO `new_invitations` (`id`, `created_at`, `updated_at`, `email`, `role`, `token_hash`, `expires_at`, `accepted_at`, `accepted_by`, `tenant_id`, `store_id`) SELECT `id`, `created_at`, `updated_at`, `email`, `role`, `token_hash`, `expires_at`, `accepted_at`, `accepted_by`, `tenant_id`, `store_id` FROM `invitations`;
-- drop "invitations" table after copying rows
DROP TABLE `invitations`;
-- rename temporary table "new_invitations" to "invitations"
ALTER TABLE `new_invitations` RENAME TO `invitations`;
-- create index "invitations_token_hash_key" to table: "invitations"
CREATE UNIQUE INDEX `invitations_token_hash_key` ON `invitations` (`token_hash`);
-- create index "invitation_tenant_id" to table: "invitations"
CREATE INDEX `invitation_tenant_id` ON `invitations` (`tenant_id`);
-- create index "invitation_store_id" to table: "invitations"
CREATE INDEX `invitation_store_id` ON `invitations` (`store_id`);
-- create index "invitation_vendor_id" to table: "invitations"
CREATE INDEX `invitation_vendor_id` ON `invitations` (`vendor_id`);
-- create "new_stores" table
CREATE TABLE `new_stores` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `handle` text NOT NULL, `name` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `storefront_type` text NOT NULL DEFAULT ('retail'), `subdomain` text NULL, `theme_config` json NULL, `metadata` json NULL, `order_seq` integer NOT NULL DEFAULT (0), `tenant_id` integer NOT NULL, `vendor_id` integer NULL, CONSTRAINT `stores_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `stores_vendors_stores` FOREIGN KEY (`vendor_id`) REFERENCES `vendors` (`id`) ON DELETE SET NULL);
-- set sequence for "new_stores" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_stores", 34359738368);
-- copy rows from old table "stores" to new temporary table "new_stores"
INSERT INTO `new_stores` (`id`, `created_at`, `updated_at`, `version`, `handle`, `name`, `status`, `storefront_type`, `subdomain`, `theme_config`, `metadata`, `order_seq`, `tenant_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `handle`, `name`, `status`, `storefront_type`, `subdomain`, `theme_config`, `metadata`, `order_seq`, `tenant_id` FROM `stores`;
-- drop "stores" table after copying rows
DROP TABLE `stores`;
-- rename temporary table "new_stores" to "stores"
ALTER TABLE `new_stores` RENAME TO `stores`;
-- create index "stores_subdomain_key" to table: "stores"
CREATE UNIQUE INDEX `stores_subdomain_key` ON `stores` (`subdomain`);
-- create index "store_tenant_id" to table: "stores"
CREATE INDEX `store_tenant_id` ON `stores` (`tenant_id`);
-- create index "store_tenant_id_handle" to table: "stores"
CREATE UNIQUE INDEX `store_tenant_id_handle` ON `stores` (`tenant_id`, `handle`);
-- create "vendors" table
CREATE TABLE `vendors` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `handle` text NOT NULL, `name` text NOT NULL, `status` text NOT NULL DEFAULT ('pending'), `contact_email` text NULL, `contact_phone` text NULL, `description` text NULL, `logo` text NULL, `payout_account` text NULL, `metadata` json NULL, `rejected_reason` text NULL, `applicant_id` integer NULL, `tenant_id` integer NOT NULL, CONSTRAINT `vendors_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "vendors" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("vendors", 158913789952);
-- create index "vendor_tenant_id" to table: "vendors"
CREATE INDEX `vendor_tenant_id` ON `vendors` (`tenant_id`);
-- create index "vendor_tenant_id_handle" to table: "vendors"
CREATE UNIQUE INDEX `vendor_tenant_id_handle` ON `vendors` (`tenant_id`, `handle`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
