-- reverse: create index "subdomainclaim_tenant_id" to table: "subdomain_claims"
DROP INDEX "subdomainclaim_tenant_id";
-- reverse: create index "subdomainclaim_store_id" to table: "subdomain_claims"
DROP INDEX "subdomainclaim_store_id";
-- reverse: create index "subdomainclaim_label" to table: "subdomain_claims"
DROP INDEX "subdomainclaim_label";
-- reverse: create "subdomain_claims" table
DROP TABLE "subdomain_claims";
-- reverse: create index "invitations_token_hash_key" to table: "invitations"
DROP INDEX "invitations_token_hash_key";
-- reverse: create index "invitation_tenant_id" to table: "invitations"
DROP INDEX "invitation_tenant_id";
-- reverse: create index "invitation_store_id" to table: "invitations"
DROP INDEX "invitation_store_id";
-- reverse: create "invitations" table
DROP TABLE "invitations";
-- reverse: create index "domains_verified_hostname_key" to table: "domains"
DROP INDEX "domains_verified_hostname_key";
-- reverse: create index "domain_tenant_id_hostname" to table: "domains"
DROP INDEX "domain_tenant_id_hostname";
-- reverse: create index "domain_hostname" to table: "domains"
DROP INDEX "domain_hostname";
-- reverse: modify "domains" table
ALTER TABLE "domains" DROP COLUMN "verified_hostname";
-- reverse: drop index "domains_hostname_key" from table: "domains"
CREATE UNIQUE INDEX "domains_hostname_key" ON "domains" ("hostname");
