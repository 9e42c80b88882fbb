-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_domains" table
CREATE TABLE `new_domains` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `hostname` text NOT NULL, `status` text NOT NULL DEFAULT ('pending'), `verification_token` text NOT NULL, `is_primary` bool NOT NULL DEFAULT (false), `verified_at` datetime NULL, `verified_hostname` text NULL, `tenant_id` integer NOT NULL, `store_id` integer NOT NULL, CONSTRAINT `domains_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `domains_stores_domains` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_domains" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_domains", 17179869184);
-- copy rows from old table "domains" to new temporary table "new_domains"
INSERT INTO `new_domains` (`id`, `created_at`, `updated_at`, `hostname`, `status`, `verification_token`, `is_primary`, `verified_at`, `tenant_id`, `store_id`) SELECT `id`, `created_at`, `updated_at`, `hostname`, `status`, `verification_token`, `is_primary`, `verified_at`, `tenant_id`, `store_id` FROM `domains`;
-- drop "domains" table after copying rows
DROP TABLE `domains`;
-- rename temporary table "new_domains" to "domains"
ALTER TABLE `new_domains` RENAME TO `domains`;
-- create index "domains_verified_hostname_key" to table: "domains"
CREATE UNIQUE INDEX `domains_verified_hostname_key` ON `domains` (`verified_hostname`);
-- create index "domain_tenant_id" to table: "domains"
CREATE INDEX `domain_tenant_id` ON `domains` (`tenant_id`);
-- create index "domain_store_id" to table: "domains"
CREATE INDEX `domain_store_id` ON `domains` (`store_id`);
-- create index "domain_hostname" to table: "domains"
CREATE INDEX `domain_hostname` ON `domains` (`hostname`);
-- create index "domain_tenant_id_hostname" to table: "domains"
CREATE UNIQUE INDEX `domain_tenant_id_hostname` ON `domains` (`tenant_id`, `hostname`);
-- create "invitations" table
CREATE TABLE `invitations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `role` text NOT NULL, `token_hash` text NOT NULL, `expires_at` datetime NOT NULL, `accepted_at` datetime NULL, `accepted_by` integer NULL, `tenant_id` integer NOT NULL, `store_id` integer NULL, CONSTRAINT `invitations_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `invitations_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE CASCADE);
-- set sequence for "invitations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("invitations", 133143986176);
-- create index "invitations_token_hash_key" to table: "invitations"
CREATE UNIQUE INDEX `invitations_token_hash_key` ON `invitations` (`token_hash`);
-- create index "invitation_tenant_id" to table: "invitations"
CREATE INDEX `invitation_tenant_id` ON `invitations` (`tenant_id`);
-- create index "invitation_store_id" to table: "invitations"
CREATE INDEX `invitation_store_id` ON `invitations` (`store_id`);
-- create "subdomain_claims" table
CREATE TABLE `subdomain_claims` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `label` text NOT NULL, `tenant_id` integer NOT NULL, `store_id` integer NULL, CONSTRAINT `subdomain_claims_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE CASCADE, CONSTRAINT `subdomain_claims_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE CASCADE);
-- set sequence for "subdomain_claims" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("subdomain_claims", 137438953472);
-- create index "subdomainclaim_label" to table: "subdomain_claims"
CREATE UNIQUE INDEX `subdomainclaim_label` ON `subdomain_claims` (`label`);
-- create index "subdomainclaim_tenant_id" to table: "subdomain_claims"
CREATE INDEX `subdomainclaim_tenant_id` ON `subdomain_claims` (`tenant_id`);
-- create index "subdomainclaim_store_id" to table: "subdomain_claims"
CREATE INDEX `subdomainclaim_store_id` ON `subdomain_claims` (`store_id`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
-- claim the subdomains tenants and stores already hold, and the hostnames already verified
INSERT INTO subdomain_claims (created_at, updated_at, label, tenant_id, store_id) SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, subdomain, id, NULL FROM tenants WHERE subdomain IS NOT NULL;
INSERT INTO subdomain_claims (created_at, updated_at, label, tenant_id, store_id) SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, subdomain, tenant_id, id FROM stores WHERE subdomain IS NOT NULL;
UPDATE domains SET verified_hostname = hostname WHERE status = 'verified';
