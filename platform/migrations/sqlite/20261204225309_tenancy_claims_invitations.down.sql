-- reverse: create index "subdomainclaim_store_id" to table: "subdomain_claims"
DROP INDEX `subdomainclaim_store_id`;
-- reverse: create index "subdomainclaim_tenant_id" to table: "subdomain_claims"
DROP INDEX `subdomainclaim_tenant_id`;
-- reverse: create index "subdomainclaim_label" to table: "subdomain_claims"
DROP INDEX `subdomainclaim_label`;
-- reverse: set sequence for "subdomain_claims" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "subdomain_claims";
-- reverse: create "subdomain_claims" table
DROP TABLE `subdomain_claims`;
-- reverse: create index "invitation_store_id" to table: "invitations"
DROP INDEX `invitation_store_id`;
-- reverse: create index "invitation_tenant_id" to table: "invitations"
DROP INDEX `invitation_tenant_id`;
-- reverse: create index "invitations_token_hash_key" to table: "invitations"
DROP INDEX `invitations_token_hash_key`;
-- reverse: set sequence for "invitations" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "invitations";
-- reverse: create "invitations" table
DROP TABLE `invitations`;
-- reverse: create index "domain_tenant_id_hostname" to table: "domains"
DROP INDEX `domain_tenant_id_hostname`;
-- reverse: create index "domain_hostname" to table: "domains"
DROP INDEX `domain_hostname`;
-- reverse: create index "domain_store_id" to table: "domains"
DROP INDEX `domain_store_id`;
-- reverse: create index "domain_tenant_id" to table: "domains"
DROP INDEX `domain_tenant_id`;
-- reverse: create index "domains_verified_hostname_key" to table: "domains"
DROP INDEX `domains_verified_hostname_key`;
-- reverse: set sequence for "new_domains" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_domains";
-- reverse: create "new_domains" table
DROP TABLE `new_domains`;
