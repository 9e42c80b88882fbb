-- reverse: create index "vendor_tenant_id_handle" to table: "vendors"
DROP INDEX `vendor_tenant_id_handle`;
-- reverse: create index "vendor_tenant_id" to table: "vendors"
DROP INDEX `vendor_tenant_id`;
-- reverse: set sequence for "vendors" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "vendors";
-- reverse: create "vendors" table
DROP TABLE `vendors`;
-- reverse: create index "store_tenant_id_handle" to table: "stores"
DROP INDEX `store_tenant_id_handle`;
-- reverse: create index "store_tenant_id" to table: "stores"
DROP INDEX `store_tenant_id`;
-- reverse: create index "stores_subdomain_key" to table: "stores"
DROP INDEX `stores_subdomain_key`;
-- reverse: set sequence for "new_stores" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_stores";
-- reverse: create "new_stores" table
DROP TABLE `new_stores`;
-- reverse: create index "invitation_vendor_id" to table: "invitations"
DROP INDEX `invitation_vendor_id`;
-- reverse: create index "invitation_store_id" to table: "invitations"
DROP INDEX `invitation_store_id`;
-- reverse: create index "invitation_tenant_id" to table: "invitations"
DROP INDEX `invitation_tenant_id`;
-- reverse: create index "invitations_token_hash_key" to table: "invitations"
DROP INDEX `invitations_token_hash_key`;
-- reverse: set sequence for "new_invitations" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_invitations";
-- reverse: create "new_invitations" table
DROP TABLE `new_invitations`;
-- reverse: create index "membership_vendor_id" to table: "memberships"
DROP INDEX `membership_vendor_id`;
-- reverse: create index "membership_store_id" to table: "memberships"
DROP INDEX `membership_store_id`;
-- reverse: create index "membership_tenant_id" to table: "memberships"
DROP INDEX `membership_tenant_id`;
-- reverse: create index "membership_user_id" to table: "memberships"
DROP INDEX `membership_user_id`;
-- reverse: set sequence for "new_memberships" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_memberships";
-- reverse: create "new_memberships" table
DROP TABLE `new_memberships`;
