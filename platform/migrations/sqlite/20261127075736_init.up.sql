-- create "api_keys" table
CREATE TABLE `api_keys` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `name` text NOT NULL, `roles` json NULL, `token_hash` text NOT NULL, `token_prefix` text NOT NULL, `last_used_at` datetime NULL, `revoked_at` datetime NULL, `tenant_id` integer NOT NULL, `store_id` integer NULL, CONSTRAINT `api_keys_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `api_keys_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE SET NULL);
-- create index "api_keys_token_hash_key" to table: "api_keys"
CREATE UNIQUE INDEX `api_keys_token_hash_key` ON `api_keys` (`token_hash`);
-- create index "apikey_tenant_id" to table: "api_keys"
CREATE INDEX `apikey_tenant_id` ON `api_keys` (`tenant_id`);
-- create index "apikey_store_id" to table: "api_keys"
CREATE INDEX `apikey_store_id` ON `api_keys` (`store_id`);
-- create "audit_logs" table
CREATE TABLE `audit_logs` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NULL, `store_id` integer NULL, `actor` text NOT NULL, `action` text NOT NULL, `entity_type` text NOT NULL, `entity_id` integer NOT NULL, `diff` json NULL, `request_id` text NULL, `created_at` datetime NOT NULL);
-- set sequence for "audit_logs" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("audit_logs", 4294967296);
-- create index "auditlog_tenant_id_created_at" to table: "audit_logs"
CREATE INDEX `auditlog_tenant_id_created_at` ON `audit_logs` (`tenant_id`, `created_at`);
-- create index "auditlog_store_id" to table: "audit_logs"
CREATE INDEX `auditlog_store_id` ON `audit_logs` (`store_id`);
-- create "categories" table
CREATE TABLE `categories` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `handle` text NOT NULL, `name` text NOT NULL, `scope_id` integer NULL, CONSTRAINT `categories_scopes_categories` FOREIGN KEY (`scope_id`) REFERENCES `scopes` (`id`) ON DELETE SET NULL);
-- set sequence for "categories" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("categories", 8589934592);
-- create index "categories_handle_key" to table: "categories"
CREATE UNIQUE INDEX `categories_handle_key` ON `categories` (`handle`);
-- create "countries" table
CREATE TABLE `countries` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `code` text NOT NULL, `name` text NOT NULL);
-- set sequence for "countries" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("countries", 12884901888);
-- create index "countries_code_key" to table: "countries"
CREATE UNIQUE INDEX `countries_code_key` ON `countries` (`code`);
-- create "domains" table
CREATE TABLE `domains` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `hostname` text NOT NULL, `status` text NOT NULL DEFAULT ('pending'), `verification_token` text NOT NULL, `is_primary` bool NOT NULL DEFAULT (false), `verified_at` datetime NULL, `tenant_id` integer NOT NULL, `store_id` integer NOT NULL, CONSTRAINT `domains_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `domains_stores_domains` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION);
-- set sequence for "domains" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("domains", 17179869184);
-- create index "domains_hostname_key" to table: "domains"
CREATE UNIQUE INDEX `domains_hostname_key` ON `domains` (`hostname`);
-- create index "domain_tenant_id" to table: "domains"
CREATE INDEX `domain_tenant_id` ON `domains` (`tenant_id`);
-- create index "domain_store_id" to table: "domains"
CREATE INDEX `domain_store_id` ON `domains` (`store_id`);
-- create "memberships" table
CREATE TABLE `memberships` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `role` text NOT NULL, `tenant_id` integer NULL, `store_id` integer NULL, `user_id` integer NOT NULL, CONSTRAINT `memberships_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE SET NULL, CONSTRAINT `memberships_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE SET NULL, CONSTRAINT `memberships_users_memberships` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- set sequence for "memberships" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("memberships", 21474836480);
-- create index "membership_user_id" to table: "memberships"
CREATE INDEX `membership_user_id` ON `memberships` (`user_id`);
-- create index "membership_tenant_id" to table: "memberships"
CREATE INDEX `membership_tenant_id` ON `memberships` (`tenant_id`);
-- create index "membership_store_id" to table: "memberships"
CREATE INDEX `membership_store_id` ON `memberships` (`store_id`);
-- create "refresh_tokens" table
CREATE TABLE `refresh_tokens` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `token_hash` text NOT NULL, `family` text NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL, `revoked_at` datetime NULL, `user_id` integer NOT NULL, CONSTRAINT `refresh_tokens_users_refresh_tokens` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- set sequence for "refresh_tokens" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("refresh_tokens", 25769803776);
-- create index "refresh_tokens_token_hash_key" to table: "refresh_tokens"
CREATE UNIQUE INDEX `refresh_tokens_token_hash_key` ON `refresh_tokens` (`token_hash`);
-- create index "refreshtoken_family" to table: "refresh_tokens"
CREATE INDEX `refreshtoken_family` ON `refresh_tokens` (`family`);
-- create "scopes" table
CREATE TABLE `scopes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `handle` text NOT NULL, `name` text NOT NULL);
-- set sequence for "scopes" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("scopes", 30064771072);
-- create index "scopes_handle_key" to table: "scopes"
CREATE UNIQUE INDEX `scopes_handle_key` ON `scopes` (`handle`);
-- create "stores" table
CREATE TABLE `stores` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `handle` text NOT NULL, `name` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `storefront_type` text NOT NULL DEFAULT ('retail'), `subdomain` text NULL, `theme_config` json NULL, `metadata` json NULL, `tenant_id` integer NOT NULL, CONSTRAINT `stores_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "stores" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("stores", 34359738368);
-- create index "stores_subdomain_key" to table: "stores"
CREATE UNIQUE INDEX `stores_subdomain_key` ON `stores` (`subdomain`);
-- create index "store_tenant_id" to table: "stores"
CREATE INDEX `store_tenant_id` ON `stores` (`tenant_id`);
-- create index "store_tenant_id_handle" to table: "stores"
CREATE UNIQUE INDEX `store_tenant_id_handle` ON `stores` (`tenant_id`, `handle`);
-- create "subcategories" table
CREATE TABLE `subcategories` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `handle` text NOT NULL, `name` text NOT NULL, `category_id` integer NOT NULL, CONSTRAINT `subcategories_categories_subcategories` FOREIGN KEY (`category_id`) REFERENCES `categories` (`id`) ON DELETE NO ACTION);
-- set sequence for "subcategories" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("subcategories", 38654705664);
-- create index "subcategory_category_id_handle" to table: "subcategories"
CREATE UNIQUE INDEX `subcategory_category_id_handle` ON `subcategories` (`category_id`, `handle`);
-- create "tenants" table
CREATE TABLE `tenants` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `handle` text NOT NULL, `name` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `subscription_tier` text NOT NULL DEFAULT ('basic'), `billing_email` text NULL, `country` text NULL, `subdomain` text NULL, `metadata` json NULL);
-- set sequence for "tenants" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("tenants", 42949672960);
-- create index "tenants_handle_key" to table: "tenants"
CREATE UNIQUE INDEX `tenants_handle_key` ON `tenants` (`handle`);
-- create index "tenants_subdomain_key" to table: "tenants"
CREATE UNIQUE INDEX `tenants_subdomain_key` ON `tenants` (`subdomain`);
-- create "users" table
CREATE TABLE `users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `password_hash` text NOT NULL, `name` text NOT NULL DEFAULT (''), `status` text NOT NULL DEFAULT ('active'));
-- set sequence for "users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("users", 47244640256);
-- create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);
