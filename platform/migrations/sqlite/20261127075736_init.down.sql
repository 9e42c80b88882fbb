-- reverse: create index "users_email_key" to table: "users"
DROP INDEX `users_email_key`;
-- reverse: set sequence for "users" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "users";
-- reverse: create "users" table
DROP TABLE `users`;
-- reverse: create index "tenants_subdomain_key" to table: "tenants"
DROP INDEX `tenants_subdomain_key`;
-- reverse: create index "tenants_handle_key" to table: "tenants"
DROP INDEX `tenants_handle_key`;
-- reverse: set sequence for "tenants" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "tenants";
-- reverse: create "tenants" table
DROP TABLE `tenants`;
-- reverse: create index "subcategory_category_id_handle" to table: "subcategories"
DROP INDEX `subcategory_category_id_handle`;
-- reverse: set sequence for "subcategories" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "subcategories";
-- reverse: create "subcategories" table
DROP TABLE `subcategories`;
-- reverse: create index "store_tenant_id_handle" to table: "stores"
DROP INDEX `store_tenant_id_handle`;
-- reverse: create index "store_tenant_id" to table: "stores"
DROP INDEX `store_tenant_id`;
-- reverse: create index "stores_subdomain_key" to table: "stores"
DROP INDEX `stores_subdomain_key`;
-- reverse: set sequence for "stores" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "stores";
-- reverse: create "stores" table
DROP TABLE `stores`;
-- reverse: create index "scopes_handle_key" to table: "scopes"
DROP INDEX `scopes_handle_key`;
-- reverse: set sequence for "scopes" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "scopes";
-- reverse: create "scopes" table
DROP TABLE `scopes`;
-- reverse: create index "refreshtoken_family" to table: "refresh_tokens"
DROP INDEX `refreshtoken_family`;
-- reverse: create index "refresh_tokens_token_hash_key" to table: "refresh_tokens"
DROP INDEX `refresh_tokens_token_hash_key`;
-- reverse: set sequence for "refresh_tokens" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "refresh_tokens";
-- reverse: create "refresh_tokens" table
DROP TABLE `refresh_tokens`;
-- reverse: create index "membership_store_id" to table: "memberships"
DROP INDEX `membership_store_id`;
-- reverse: create index "membership_tenant_id" to table: "memberships"
DROP INDEX `membership_tenant_id`;
-- reverse: create index "membership_user_id" to table: "memberships"
DROP INDEX `membership_user_id`;
-- reverse: set sequence for "memberships" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "memberships";
-- reverse: create "memberships" table
DROP TABLE `memberships`;
-- reverse: create index "domain_store_id" to table: "domains"
DROP INDEX `domain_store_id`;
-- reverse: create index "domain_tenant_id" to table: "domains"
DROP INDEX `domain_tenant_id`;
-- reverse: create index "domains_hostname_key" to table: "domains"
DROP INDEX `domains_hostname_key`;
-- reverse: set sequence for "domains" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "domains";
-- reverse: create "domains" table
DROP TABLE `domains`;
-- reverse: create index "countries_code_key" to table: "countries"
DROP INDEX `countries_code_key`;
-- reverse: set sequence for "countries" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "countries";
-- reverse: create "countries" table
DROP TABLE `countries`;
-- reverse: create index "categories_handle_key" to table: "categories"
DROP INDEX `categories_handle_key`;
-- reverse: set sequence for "categories" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "categories";
-- reverse: create "categories" table
DROP TABLE `categories`;
-- reverse: create index "auditlog_store_id" to table: "audit_logs"
DROP INDEX `auditlog_store_id`;
-- reverse: create index "auditlog_tenant_id_created_at" to table: "audit_logs"
DROP INDEX `auditlog_tenant_id_created_at`;
-- reverse: set sequence for "audit_logs" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "audit_logs";
-- reverse: create "audit_logs" table
DROP TABLE `audit_logs`;
-- reverse: create index "apikey_store_id" to table: "api_keys"
DROP INDEX `apikey_store_id`;
-- reverse: create index "apikey_tenant_id" to table: "api_keys"
DROP INDEX `apikey_tenant_id`;
-- reverse: create index "api_keys_token_hash_key" to table: "api_keys"
DROP INDEX `api_keys_token_hash_key`;
-- reverse: create "api_keys" table
DROP TABLE `api_keys`;
